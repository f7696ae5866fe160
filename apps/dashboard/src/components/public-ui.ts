import {
  COMPLETION_LABELS,
  MILESTONE_FLAG_LABELS,
  milestoneStatusLabel,
  type Completion,
  type Locale,
  type MilestoneFlag,
  type MilestoneStatus,
} from '@ogp/common';
import {
  localized,
  type AgencyRef,
  type LocalizedText,
  type PlanRef,
  type ThemeRef,
} from '../api/dashboard';
import type { PageContext } from '../app/page';
import { ChartView } from '../charts/chart-view';
import { dataTable, h, type Cell } from '../dom';
import { formatPercent, type Translate } from '../i18n';
import { fallbackNode, fallbackString } from './fallback-text';
import { formatPartialDate, type PartialDateLike } from './partial-date';

// Small pieces the public plan list, theme, agency and commitment pages share.

export interface ChartSection {
  section: HTMLElement;
  heading: HTMLHeadingElement;
  summary: HTMLParagraphElement;
  note: HTMLParagraphElement;
  chart: HTMLDivElement;
  canvas: HTMLCanvasElement;
  view: ChartView;
  table: HTMLDivElement;
}

/** A chart with its heading, one-line summary, an optional note, and a table of the same numbers. */
export function chartSection(id: string): ChartSection {
  const heading = h('h2', { id: `${id}-heading` });
  const summary = h('p', { class: 'summary', id: `${id}-summary` });
  const note = h('p', { class: 'note', id: `${id}-note`, hidden: true });
  const canvas = h('canvas', { role: 'img', 'aria-describedby': `${id}-summary` });
  const chart = h('div', { class: 'chart' }, canvas);
  const table = h('div', { class: 'table-wrap' });
  const section = h(
    'section',
    { id, class: 'chart-section', 'aria-labelledby': `${id}-heading` },
    heading,
    summary,
    note,
    chart,
    table,
  );
  return { section, heading, summary, note, chart, canvas, view: new ChartView(canvas), table };
}

/** Sets a chart's height from its number of bars, so a long list of rows stays readable. */
export function sizeChart(section: ChartSection, bars: number, perBar = 36): void {
  section.chart.style.height = `${Math.max(160, bars * perBar + 96)}px`;
}

/**
 * Text in the page's language; when only the other language has it, that text with its lang and a visible
 * "(kun på engelsk)"/"(in Danish only)" marker; "no data" when neither has it.
 */
export function localizedNode(
  text: LocalizedText | null | undefined,
  locale: Locale,
  t: Translate,
  tag: 'span' | 'p' | 'div' = 'span',
): HTMLElement {
  return fallbackNode(text, locale, t, tag) ?? h(tag, { class: 'no-data' }, t('noData'));
}

/** A synthetic plan's label, on every page of it as on its card in the plan list; nothing for a real plan. */
export function syntheticNotice(plan: { isSynthetic: boolean }, t: Translate): HTMLElement[] {
  return plan.isSynthetic
    ? [h('p', { class: 'synthetic', id: 'synthetic-notice' }, t('pubSynthetic'))]
    : [];
}

/** Whether a text is given in either language. */
export const hasText = (text: LocalizedText | null | undefined): boolean =>
  !!(text?.da || text?.en);

/** The text in the page's language, else the other one (for places that take plain text, like a chart label). */
export const plainText = localized;

export function percentText(value: number | null, locale: Locale, t: Translate): string {
  return formatPercent(value, locale, t('noData'));
}

/** Coverage (0-1 from the API) as a percent; "no data" when unknown. */
export function coverageText(value: number | null, locale: Locale, t: Translate): string {
  return formatPercent(value === null ? null : value * 100, locale, t('noData'));
}

export function completionText(completion: Completion, locale: Locale): string {
  return COMPLETION_LABELS[completion][locale];
}

export function statusText(status: MilestoneStatus | null, locale: Locale): string {
  return milestoneStatusLabel(status)[locale];
}

/** Flags as words ("none" when there are none): colour never carries them alone. */
export function flagsText(flags: readonly MilestoneFlag[], locale: Locale, t: Translate): string {
  return flags.length
    ? flags.map((flag) => MILESTONE_FLAG_LABELS[flag][locale]).join(', ')
    : t('pubNoFlags');
}

/** "Name (ABBR)" in the page's language, marked where only the other language names it. */
export function agencyLabel(
  agency: { name: LocalizedText; abbreviation: string | null },
  locale: Locale,
  t: Translate,
): HTMLElement {
  const name = localizedNode(agency.name, locale, t);
  if (agency.abbreviation) name.append(` (${agency.abbreviation})`);
  return name;
}

/** Breadcrumbs: links up to the current page, which is named but not linked. */
export function breadcrumbs(
  t: Translate,
  items: { label: string; href?: string; lang?: string }[],
): HTMLElement {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': t('pubBreadcrumbs') },
    h(
      'ol',
      {},
      ...items.map((item) =>
        h(
          'li',
          {},
          item.href
            ? h('a', { href: item.href, lang: item.lang }, item.label)
            : h('span', { 'aria-current': 'page', lang: item.lang }, item.label),
        ),
      ),
    ),
  );
}

/** What a link needs from the page: the language (for labels) and href() (to keep the query). */
export type LinkContext = Pick<PageContext, 'locale' | 't' | 'href'>;

export const planPath = (planSlug: string): string => `/plans/${encodeURIComponent(planSlug)}`;

export const themePath = (planSlug: string, themeKey: string): string =>
  `${planPath(planSlug)}/themes/${encodeURIComponent(themeKey)}`;

export const agencyPath = (planSlug: string, agencySlug: string): string =>
  `${planPath(planSlug)}/agencies/${encodeURIComponent(agencySlug)}`;

export const commitmentPath = (ogpId: string): string =>
  `/commitments/${encodeURIComponent(ogpId)}`;

/** Breadcrumbs of a page inside a plan: the plan list, the plan, then `rest` (the last one the page itself). */
export function planBreadcrumbs(
  { locale, t, href }: LinkContext,
  plan: PlanRef,
  ...rest: { label: string; href?: string }[]
): HTMLElement {
  return breadcrumbs(t, [
    { label: t('pubPlansTitle'), href: href('/plans') },
    { label: fallbackString(plan.title, locale, t), href: href(planPath(plan.slug)) },
    ...rest,
  ]);
}

/** A link to a commitment: "<number> <title> (<OGP id>)". */
export function commitmentLink(
  commitment: { ogpId: string; number: string; title: LocalizedText },
  { locale, t, href }: LinkContext,
): HTMLAnchorElement {
  return h(
    'a',
    { href: href(commitmentPath(commitment.ogpId)) },
    `${commitment.number} `,
    localizedNode(commitment.title, locale, t),
    ` (${commitment.ogpId})`,
  );
}

/** A link to an agency's scorecard in a plan, named "Name (ABBR)". */
export function agencyLink(
  planSlug: string,
  agency: AgencyRef,
  { locale, t, href }: LinkContext,
): HTMLAnchorElement {
  return h('a', { href: href(agencyPath(planSlug, agency.slug)) }, agencyLabel(agency, locale, t));
}

/** A link to a theme's page in a plan, named by its title. */
export function themeLink(
  planSlug: string,
  theme: ThemeRef,
  { locale, t, href }: LinkContext,
  id?: string,
): HTMLAnchorElement {
  return h(
    'a',
    { id, href: href(themePath(planSlug, theme.key)) },
    localizedNode(theme.title, locale, t),
  );
}

/** One term and its value of a definition list, to spread into h('dl', …). */
export function fact(
  label: string,
  value: string | Node,
  attrs: Record<string, string> = {},
): HTMLElement[] {
  return [h('dt', {}, label), h('dd', attrs, value)];
}

/** A section named by its heading (`<id>-heading` unless told). */
export function labelledSection(id: string, headingId = `${id}-heading`): HTMLElement {
  return h('section', { id, 'aria-labelledby': headingId });
}

/** A two-column table with an id: a name per row and how many it counts. */
export function countTable(
  id: string,
  caption: string,
  [nameLabel, countLabel]: [string, string],
  rows: { key: string; header: string | Node; count: number }[],
): HTMLTableElement {
  const table = dataTable(
    caption,
    [{ label: nameLabel }, { label: countLabel, numeric: true }],
    rows.map(({ key, header, count }) => ({ key, header, cells: [countCell(count)] })),
  );
  table.id = id;
  return table;
}

/** A partial date in words at its own precision; "no data" when unknown. */
export function dateText(date: PartialDateLike | null, locale: Locale, t: Translate): string {
  return date ? formatPartialDate(date, locale) : t('noData');
}

/** "start – end" in words, either end "no data" when unknown. */
export function periodText(
  start: PartialDateLike | null,
  end: PartialDateLike | null,
  locale: Locale,
  t: Translate,
): string {
  return `${dateText(start, locale, t)} – ${dateText(end, locale, t)}`;
}

/** A table cell of a partial date: its words, and its label ("2018-H1") as the raw value. */
export function dateCell(date: PartialDateLike | null, locale: Locale, t: Translate): Cell {
  return { text: dateText(date, locale, t), value: date?.label ?? null };
}

/** A table cell holding a count. */
export function countCell(count: number): Cell {
  return { text: String(count), value: count };
}

/** A list of source links ("no data" when there are none). */
export function sourceList(
  sources: readonly { url: string; title: string | null }[],
  t: Translate,
): HTMLElement {
  if (!sources.length) return h('p', { class: 'no-data' }, t('noData'));
  return h(
    'ul',
    { class: 'sources' },
    ...sources.map((source) =>
      h('li', {}, h('a', { href: source.url }, source.title ?? source.url)),
    ),
  );
}

/**
 * Runs a re-render and puts the focus back on the same link or control (by href or id) if the re-render
 * replaced it, so a live update does not throw a keyboard user back to the top.
 */
export function keepFocus(root: HTMLElement, rerender: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active) ? active : null;
  const selector = inside?.id
    ? `#${CSS.escape(inside.id)}`
    : inside instanceof HTMLAnchorElement
      ? `a[href="${CSS.escape(inside.getAttribute('href') ?? '')}"]`
      : null;
  rerender();
  if (inside && !root.contains(inside) && selector) {
    root.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }
}
