import {
  COMPLETION_LABELS,
  MILESTONE_FLAG_LABELS,
  milestoneStatusLabel,
  type Completion,
  type Locale,
  type MilestoneFlag,
  type MilestoneStatus,
} from '@ogp/common';
import type { LocalizedText } from '../api/dashboard';
import { ChartView } from '../charts/chart-view';
import { h } from '../dom';
import { formatPercent, type Translate } from '../i18n';

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
 * "(in English)"/"(på dansk)" marker; "no data" when neither has it.
 */
export function localizedNode(
  text: LocalizedText | null | undefined,
  locale: Locale,
  t: Translate,
  tag: 'span' | 'p' | 'div' = 'span',
): HTMLElement {
  const own = text?.[locale];
  if (own) return h(tag, {}, own);
  const other: Locale = locale === 'da' ? 'en' : 'da';
  const fallback = text?.[other];
  if (!fallback) return h(tag, { class: 'no-data' }, t('noData'));
  return h(
    tag,
    { class: 'fallback' },
    h('span', { lang: other }, fallback),
    ' ',
    h('span', { class: 'fallback-marker' }, t(other === 'en' ? 'pubInEnglish' : 'pubInDanish')),
  );
}

/** The text in the page's language, else the other one (for places that take plain text, like a chart label). */
export function plainText(text: LocalizedText | null | undefined, locale: Locale): string {
  return (locale === 'en' ? (text?.en ?? text?.da) : (text?.da ?? text?.en)) ?? '';
}

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

export interface TableCell {
  text: string | Node;
  /** The figure behind the text, for tests and scripts ('' for no data). */
  value?: string | number | null;
}

/** A data table: caption, column headers, a header cell per row; cells carry their raw value in data-value. */
export function figuresTable(
  caption: string,
  columns: { label: string; numeric?: boolean }[],
  rows: { key: string; header: string | Node; cells: TableCell[] }[],
): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...columns.map((column) =>
          h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-key': row.key },
          h('th', { scope: 'row' }, row.header),
          ...row.cells.map((cell, index) =>
            h(
              'td',
              {
                class: columns[index + 1]?.numeric ? 'num' : null,
                'data-value': cell.value === undefined ? undefined : String(cell.value ?? ''),
              },
              cell.text,
            ),
          ),
        ),
      ),
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
