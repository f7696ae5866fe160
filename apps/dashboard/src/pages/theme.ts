import { Completion, MilestoneStatus } from '@ogp/common';
import { GraphqlError } from '../api/client';
import {
  fetchCommitmentRows,
  fetchThemePlan,
  type CommitmentRow,
  type ThemeDetail,
  type ThemePlan,
} from '../api/public';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { COMPLETION_ORDER, countOf } from '../charts/configs';
import { commitmentProgressChart } from '../charts/public-configs';
import {
  agencyLabel,
  breadcrumbs,
  chartSection,
  completionText,
  coverageText,
  figuresTable,
  keepFocus,
  localizedNode,
  percentText,
  plainText,
  sizeChart,
  sourceList,
} from '../components/public-ui';
import { h } from '../dom';
import '../styles/public.css';

/** One theme of a plan: its roll-up, its commitments and a chart of their progress. */
export class ThemePage implements PageView {
  readonly element: HTMLElement;
  private readonly crumbs = h('div');
  private readonly title = h('h1', { id: 'theme-title' });
  private readonly overall = h('section', {
    id: 'theme-progress',
    'aria-labelledby': 'theme-progress-heading',
  });
  private readonly commitments = chartSection('theme-commitments');
  private readonly about = h('section', {
    id: 'theme-about',
    'aria-labelledby': 'theme-about-heading',
  });

  constructor() {
    this.element = h(
      'div',
      { class: 'public-page theme-page' },
      this.crumbs,
      this.title,
      this.overall,
      this.commitments.section,
      this.about,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { slug, themeKey } = context.params;
    const [plan, rows] = await Promise.all([
      fetchThemePlan(slug, context.asOf, context.signal),
      fetchCommitmentRows(slug, { themeKey }, context.asOf, context.signal),
    ]);
    if (context.signal.aborted) return { title: '' };
    const theme = plan.themes.find((candidate) => candidate.key === themeKey);
    if (!theme) throw new GraphqlError(`No theme ${themeKey}`, 'NOT_FOUND');
    keepFocus(this.element, () => this.show(plan, theme, rows, context));
    return { title: plainText(theme.title, context.locale), livePlan: plan.slug };
  }

  destroy(): void {
    this.commitments.view.destroy();
    this.element.remove();
  }

  private show(plan: ThemePlan, theme: ThemeDetail, rows: CommitmentRow[], context: PageContext) {
    const { locale, t, href } = context;
    const planPath = `/plans/${encodeURIComponent(plan.slug)}`;
    this.crumbs.replaceChildren(
      breadcrumbs(t, [
        { label: t('pubPlansTitle'), href: href('/plans') },
        { label: plainText(plan.title, locale), href: href(planPath) },
        { label: plainText(theme.title, locale) },
      ]),
    );
    this.title.replaceChildren(
      `${t('pubThemeNumber', { number: theme.number })}: `,
      localizedNode(theme.title, locale, t),
    );
    this.renderOverall(theme, context);
    this.renderCommitments(rows, context);
    this.about.replaceChildren(
      h('h2', { id: 'theme-about-heading' }, t('pubAboutTheme')),
      h(
        'p',
        {},
        t('pubThemeOfPlan'),
        ' ',
        h('a', { href: href(planPath) }, localizedNode(plan.title, locale, t)),
        '. ',
        t('pubThemeCommitmentCount', { count: theme.progress.commitmentCount ?? 0 }),
      ),
      h('h3', {}, t('pubSources')),
      sourceList(theme.sources, t),
    );
  }

  private renderOverall(theme: ThemeDetail, { locale, t }: PageContext): void {
    const p = theme.progress;
    this.overall.replaceChildren(
      h('h2', { id: 'theme-progress-heading' }, t('pubProgressHeading')),
      h(
        'dl',
        { class: 'figures' },
        h('dt', {}, t('pubPercent')),
        h(
          'dd',
          { id: 'theme-percent', 'data-value': String(p.percent ?? '') },
          percentText(p.percent, locale, t),
        ),
        h('dt', {}, t('pubCoverage')),
        h(
          'dd',
          { id: 'theme-coverage', 'data-value': String(p.coverage ?? '') },
          coverageText(p.coverage, locale, t),
        ),
        h('dt', {}, t('pubCompletion')),
        h(
          'dd',
          { id: 'theme-completion', 'data-value': p.completion },
          completionText(p.completion, locale),
        ),
      ),
      h(
        'p',
        { class: 'summary' },
        p.percent === null
          ? t('pubNoneReported', { count: p.commitmentCount ?? 0 })
          : t('pubReportedSummary', {
              reported: p.reportedCount ?? 0,
              count: p.commitmentCount ?? 0,
            }),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        figuresTable(
          t('pubLevelsCaption'),
          [{ label: t('pubCompletion') }, { label: t('pubCommitments'), numeric: true }],
          COMPLETION_ORDER.map((level) => {
            const count = countOf(p.completionCounts, level);
            return {
              key: level,
              header: completionText(level, locale),
              cells: [{ text: String(count), value: count }],
            };
          }),
        ),
      ),
    );
    this.overall.querySelector('table')?.setAttribute('id', 'theme-levels');
  }

  private renderCommitments(rows: CommitmentRow[], context: PageContext): void {
    const { locale, t, href } = context;
    const s = this.commitments;
    const complete = rows.filter((row) => row.progress.completion === Completion.COMPLETE).length;
    const noData = rows.filter((row) => row.progress.percent === null).length;
    s.heading.textContent = t('pubThemeChartCaption');
    s.summary.textContent = rows.length
      ? t('pubCommitmentsSummary', { complete, count: rows.length, noData })
      : t('pubNoCommitments');
    s.canvas.setAttribute('aria-label', t('pubThemeChartCaption'));
    s.chart.hidden = rows.length === 0;
    sizeChart(s, rows.length);
    s.view.update(
      commitmentProgressChart(
        rows.map((row) => ({
          label: `${row.number} ${row.ogpId}`,
          percent: row.progress.percent,
          completion: row.progress.completion,
        })),
        t('pubPercent'),
      ),
    );
    s.table.replaceChildren(
      figuresTable(
        t('pubThemeChartCaption'),
        [
          { label: t('pubCommitment') },
          { label: t('pubLeadAgency') },
          { label: t('pubPercent'), numeric: true },
          { label: t('pubCoverage'), numeric: true },
          { label: t('pubCompletion') },
          { label: t('pubMilestones'), numeric: true },
          { label: t('pubMilestonesCompleted'), numeric: true },
          { label: t('pubMilestonesNoData'), numeric: true },
        ],
        rows.map((row) => {
          const completed = row.milestones.filter(
            (m) => m.status === MilestoneStatus.COMPLETED,
          ).length;
          const unreported = row.milestones.filter((m) => m.status === null).length;
          return {
            key: row.ogpId,
            header: h(
              'a',
              { href: href(`/commitments/${encodeURIComponent(row.ogpId)}`) },
              `${row.number} `,
              localizedNode(row.title, locale, t),
              ` (${row.ogpId})`,
            ),
            cells: [
              {
                text: h(
                  'a',
                  {
                    href: href(
                      `/plans/${encodeURIComponent(context.params.slug)}/agencies/${encodeURIComponent(row.leadAgency.slug)}`,
                    ),
                  },
                  agencyLabel(row.leadAgency, locale, t),
                ),
              },
              {
                text: percentText(row.progress.percent, locale, t),
                value: row.progress.percent,
              },
              {
                text: coverageText(row.progress.coverage, locale, t),
                value: row.progress.coverage,
              },
              {
                text: completionText(row.progress.completion, locale),
                value: row.progress.completion,
              },
              { text: String(row.milestones.length), value: row.milestones.length },
              { text: String(completed), value: completed },
              { text: String(unreported), value: unreported },
            ],
          };
        }),
      ),
    );
  }
}
