import { Completion, COMPLETION_LABELS, MILESTONE_STATUS_LABELS, NO_DATA_LABEL } from '@ogp/common';
import { fetchDashboard, localized, type DashboardData } from '../api/dashboard';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { ChartView } from '../charts/chart-view';
import {
  agencyProgressChart,
  burnUpChart,
  COMPLETION_ORDER,
  countOf,
  themeCompletionChart,
} from '../charts/configs';
import { aggregateHeadline, formulaAndRules, progressFigures } from '../components/public-progress';
import { DownloadPanel } from '../components/download-panel';
import { fallbackString } from '../components/fallback-text';
import { localizedNode, syntheticNotice } from '../components/public-ui';
import { dataTable, h } from '../dom';
import { formatPercent, type Translate } from '../i18n';

interface ChartSection {
  section: HTMLElement;
  heading: HTMLHeadingElement;
  summary: HTMLParagraphElement;
  canvas: HTMLCanvasElement;
  view: ChartView;
  table: HTMLDivElement;
  toggle: HTMLElement;
}

/** A past view's figures end at its day: the burn-up's months after it are left out (their planned counts too). */
function endAt(data: DashboardData, asOf: string | null): DashboardData {
  if (!asOf) return data;
  const month = asOf.slice(0, 7);
  return { ...data, timeline: data.timeline.filter((point) => point.month.slice(0, 7) <= month) };
}

/** A chart with its heading, summary and table; a long table (`folded`) sits in a disclosure below the chart. */
function chartSection(id: string, options: { folded?: boolean } = {}): ChartSection {
  const heading = h('h2', { id: `${id}-heading` });
  const summary = h('p', { class: 'summary', id: `${id}-summary` });
  const canvas = h('canvas', { role: 'img', 'aria-describedby': `${id}-summary` });
  const table = h('div', { class: 'table-wrap' });
  const toggle = h('summary', {});
  const section = h(
    'section',
    { id, class: 'chart-section', 'aria-labelledby': `${id}-heading` },
    heading,
    summary,
    h('div', { class: 'chart' }, canvas),
    options.folded ? h('details', {}, toggle, table) : table,
  );
  return { section, heading, summary, canvas, view: new ChartView(canvas), table, toggle };
}

/** The public overview of one plan; created once, rendered on every data, date or language change. */
export class OverviewPage implements PageView {
  readonly element: HTMLElement;
  private readonly title = h('h1', { id: 'plan-title' });
  private readonly notice = h('div', { class: 'plan-notice' });
  private readonly overall = h('section', { id: 'overall', 'aria-labelledby': 'overall-heading' });
  private readonly themes = chartSection('by-theme');
  private readonly agencies = chartSection('by-agency');
  private readonly burnUp = chartSection('burn-up', { folded: true });
  private readonly overdue = h('section', { id: 'overdue', 'aria-labelledby': 'overdue-heading' });
  private readonly downloads = new DownloadPanel();

  constructor() {
    this.element = h(
      'div',
      { class: 'overview' },
      this.title,
      this.notice,
      this.overall,
      this.themes.section,
      this.agencies.section,
      this.burnUp.section,
      this.overdue,
      this.downloads.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { locale } = context;
    const data = await fetchDashboard(context.params.slug, context.asOf, locale, context.signal);
    if (context.signal.aborted) return { title: '' };
    this.show(endAt(data, context.asOf), context);
    const title = localized(data.plan.title, locale);
    return { title, livePlan: data.plan.slug };
  }

  private show(data: DashboardData, context: PageContext): void {
    const { locale, t } = context;
    const noData = t('noData');
    const pct = (value: number | null): string => formatPercent(value, locale, noData);
    this.title.replaceChildren(localizedNode(data.plan.title, locale, t));
    this.notice.replaceChildren(...syntheticNotice(data.plan, t));
    this.renderOverall(data, context, pct);
    this.renderThemes(data, context);
    this.renderAgencies(data, context, pct);
    this.renderBurnUp(data, t);
    this.renderOverdue(data, context);
    this.downloads.render(data.plan.slug, context);
  }

  destroy(): void {
    for (const chart of [this.themes, this.agencies, this.burnUp]) chart.view.destroy();
    this.element.remove();
  }

  /** Counts first, then the percent with its coverage; the figures and how they are calculated below. */
  private renderOverall(
    data: DashboardData,
    context: PageContext,
    pct: (v: number | null) => string,
  ) {
    const { locale, t } = context;
    const { overall } = data;
    const count = overall.commitmentCount ?? 0;
    this.overall.replaceChildren(
      h('h2', { id: 'overall-heading' }, t('overallHeading')),
      h(
        'p',
        { class: 'summary headline', id: 'overall-headline' },
        aggregateHeadline(overall, locale),
      ),
      progressFigures('overall', overall, context),
      ...formulaAndRules(
        'overall',
        overall.percent === null
          ? t('overallFormulaNoData', { count })
          : t('overallFormula', { count, percent: pct(overall.percent) }),
        context,
      ),
    );
  }

  private renderThemes(data: DashboardData, { locale, t, href }: PageContext) {
    const s = this.themes;
    const counts = data.overall.completionCounts;
    const total = COMPLETION_ORDER.reduce((sum, level) => sum + countOf(counts, level), 0);
    s.heading.textContent = t('themeCaption');
    s.summary.textContent = t('themeSummary', {
      complete: countOf(counts, Completion.COMPLETE),
      total,
      noData: countOf(counts, Completion.NO_EVIDENCE),
    });
    s.canvas.setAttribute('aria-label', t('themeCaption'));
    s.view.update(themeCompletionChart(data, locale, t('commitments')));
    s.table.replaceChildren(
      dataTable(
        t('themeCaption'),
        [
          { label: t('theme') },
          ...COMPLETION_ORDER.map((level) => ({
            label: COMPLETION_LABELS[level][locale],
            numeric: true,
          })),
        ],
        data.byTheme.map((row) => ({
          key: row.theme.key,
          header: h(
            'a',
            { href: href(`/plans/${data.plan.slug}/themes/${encodeURIComponent(row.theme.key)}`) },
            localizedNode(row.theme.title, locale, t),
          ),
          cells: COMPLETION_ORDER.map((level) => {
            const count = countOf(row.progress.completionCounts, level);
            return { text: String(count), value: count };
          }),
        })),
      ),
    );
  }

  private renderAgencies(
    data: DashboardData,
    { locale, t, href }: PageContext,
    pct: (v: number | null) => string,
  ) {
    const s = this.agencies;
    // Reported counts an agency whose reports give no percent yet; the highest needs a percent.
    const reported = data.byAgency.filter(
      (row) => row.progress.completion !== Completion.NO_EVIDENCE,
    );
    const withData = data.byAgency.filter((row) => row.progress.percent !== null);
    const best = withData.reduce<(typeof withData)[number] | null>(
      (top, row) => (top && (top.progress.percent ?? 0) >= (row.progress.percent ?? 0) ? top : row),
      null,
    );
    s.heading.textContent = t('agencyCaption');
    s.summary.textContent = t('agencySummary', {
      withData: reported.length,
      total: data.byAgency.length,
      best: best
        ? `${fallbackString(best.agency.name, locale, t)} (${pct(best.progress.percent)})`
        : NO_DATA_LABEL[locale],
    });
    s.canvas.setAttribute('aria-label', t('agencyCaption'));
    s.view.update(agencyProgressChart(data, locale, t('percentLabel')));
    s.table.replaceChildren(
      dataTable(
        t('agencyCaption'),
        [
          { label: t('agency') },
          { label: t('percentLabel'), numeric: true },
          { label: t('coverageLabel'), numeric: true },
        ],
        data.byAgency.map((row) => ({
          key: row.agency.slug,
          header: h(
            'a',
            {
              href: href(
                `/plans/${data.plan.slug}/agencies/${encodeURIComponent(row.agency.slug)}`,
              ),
            },
            localizedNode(row.agency.name, locale, t),
          ),
          cells: [
            { text: pct(row.progress.percent), value: row.progress.percent },
            {
              text: pct(row.progress.coverage === null ? null : row.progress.coverage * 100),
              value: row.progress.coverage,
            },
          ],
        })),
      ),
    );
  }

  private renderBurnUp(data: DashboardData, t: Translate) {
    const s = this.burnUp;
    const last = data.timeline.at(-1);
    s.heading.textContent = t('burnUpCaption');
    s.toggle.textContent = t('showTable');
    let summary = last
      ? t('burnUpSummary', {
          month: last.month,
          completed: last.completedCumulative,
          planned: last.plannedCumulative,
        })
      : t('burnUpEmpty');
    if (data.undatedCompletions > 0)
      summary += ` ${t('undated', { count: data.undatedCompletions })}`;
    s.summary.textContent = summary;
    s.canvas.setAttribute('aria-label', t('burnUpCaption'));
    s.view.update(burnUpChart(data, t('plannedCumulative'), t('completedCumulative')));
    s.table.replaceChildren(
      dataTable(
        t('burnUpCaption'),
        [
          { label: t('month') },
          { label: t('planned'), numeric: true },
          { label: t('completed'), numeric: true },
          { label: t('plannedCumulative'), numeric: true },
          { label: t('completedCumulative'), numeric: true },
        ],
        data.timeline.map((point) => ({
          key: point.month,
          header: point.month,
          cells: [
            point.planned,
            point.completed,
            point.plannedCumulative,
            point.completedCumulative,
          ].map((value) => ({ text: String(value), value })),
        })),
      ),
    );
  }

  private renderOverdue(data: DashboardData, { locale, t, href }: PageContext) {
    const rows = data.overdue;
    this.overdue.replaceChildren(
      h('h2', { id: 'overdue-heading' }, t('overdueHeading')),
      h(
        'p',
        { class: 'summary' },
        rows.length ? t('overdueSummary', { count: rows.length }) : t('overdueNone'),
      ),
      ...(rows.length
        ? [
            h(
              'div',
              { class: 'table-wrap' },
              dataTable(
                t('overdueHeading'),
                [
                  { label: t('milestone') },
                  { label: t('commitment') },
                  { label: t('plannedEnd') },
                  { label: t('status') },
                ],
                rows.map((row) => ({
                  key: row.id,
                  header: localizedNode(row.title, locale, t),
                  cells: [
                    {
                      text: h(
                        'a',
                        { href: href(`/commitments/${encodeURIComponent(row.commitment.ogpId)}`) },
                        `${row.commitment.number} `,
                        localizedNode(row.commitment.title, locale, t),
                      ),
                    },
                    { text: row.plannedEnd?.label ?? t('noData') },
                    {
                      text: row.status ? MILESTONE_STATUS_LABELS[row.status][locale] : t('noData'),
                    },
                  ],
                })),
              ),
            ),
          ]
        : []),
    );
  }
}
