import { MilestoneStatus, describeAggregateProgress } from '@ogp/common';
import { GraphqlError } from '../api/client';
import {
  fetchCommitmentRows,
  fetchThemePlan,
  type CommitmentRow,
  type ThemeDetail,
  type ThemePlan,
} from '../api/public';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { DownloadPanel } from '../components/download-panel';
import { fallbackString } from '../components/fallback-text';
import {
  aggregateHeadline,
  showCommitments,
  showOverallProgress,
} from '../components/public-progress';
import {
  agencyLink,
  chartSection,
  countCell,
  keepFocus,
  labelledSection,
  localizedNode,
  planBreadcrumbs,
  syntheticNotice,
  planPath,
  plainText,
  sourceList,
} from '../components/public-ui';
import { h } from '../dom';
import '../styles/public.css';

/** One theme of a plan: its roll-up, its commitments and a chart of their progress. */
export class ThemePage implements PageView {
  readonly element: HTMLElement;
  private readonly crumbs = h('div');
  private readonly title = h('h1', { id: 'theme-title' });
  private readonly overall = labelledSection('theme-progress');
  private readonly commitments = chartSection('theme-commitments');
  private readonly about = labelledSection('theme-about');
  private readonly downloads = new DownloadPanel();

  constructor() {
    this.element = h(
      'div',
      { class: 'public-page theme-page' },
      this.crumbs,
      this.title,
      this.overall,
      this.commitments.section,
      this.about,
      this.downloads.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { slug, themeKey } = context.params;
    // Read side by side; an unknown theme is refused by the commitment list too, and is said as not found.
    const pending = fetchCommitmentRows(slug, { themeKey }, context.asOf, context.signal);
    pending.catch(() => undefined);
    const plan = await fetchThemePlan(slug, context.asOf, context.signal);
    if (context.signal.aborted) return { title: '' };
    const theme = plan.themes.find((candidate) => candidate.key === themeKey);
    if (!theme) throw new GraphqlError(`No theme ${themeKey}`, 'NOT_FOUND');
    const rows = await pending;
    if (context.signal.aborted) return { title: '' };
    keepFocus(this.element, () => this.show(plan, theme, rows, context));
    return { title: plainText(theme.title, context.locale), livePlan: plan.slug };
  }

  destroy(): void {
    this.commitments.view.destroy();
    this.element.remove();
  }

  private show(plan: ThemePlan, theme: ThemeDetail, rows: CommitmentRow[], context: PageContext) {
    const { locale, t, href } = context;
    this.crumbs.replaceChildren(
      planBreadcrumbs(context, plan, { label: fallbackString(theme.title, locale, t) }),
      ...syntheticNotice(plan, t),
    );
    this.title.replaceChildren(
      `${t('pubThemeNumber', { number: theme.number })}: `,
      localizedNode(theme.title, locale, t),
    );
    this.renderOverall(theme, rows, context);
    this.renderCommitments(rows, context);
    this.about.replaceChildren(
      h('h2', { id: 'theme-about-heading' }, t('pubAboutTheme')),
      h(
        'p',
        {},
        t('pubThemeOfPlan'),
        ' ',
        h('a', { href: href(planPath(plan.slug)) }, localizedNode(plan.title, locale, t)),
        '. ',
        t('pubThemeCommitmentCount', { count: theme.progress.commitmentCount ?? 0 }),
      ),
      h('h3', {}, t('pubSources')),
      sourceList(theme.sources, t),
    );
    this.downloads.render(plan.slug, context);
  }

  private renderOverall(theme: ThemeDetail, rows: CommitmentRow[], context: PageContext): void {
    const p = theme.progress;
    showOverallProgress(
      this.overall,
      'theme',
      p,
      {
        headline: aggregateHeadline(p, context.locale),
        formula: describeAggregateProgress(
          rows.map((row) => row.progress.percent),
          context.locale,
        ),
      },
      context,
    );
  }

  private renderCommitments(rows: CommitmentRow[], context: PageContext): void {
    const { t } = context;
    const count = (row: CommitmentRow, status: MilestoneStatus | null) =>
      row.milestones.filter((m) => m.status === status).length;
    showCommitments(
      this.commitments,
      rows,
      { caption: t('pubThemeChartCaption'), empty: t('pubNoCommitments') },
      context,
      [
        {
          label: t('pubLeadAgency'),
          cell: (row) => ({ text: agencyLink(context.params.slug, row.leadAgency, context) }),
        },
      ],
      [
        {
          label: t('pubMilestonesCompleted'),
          numeric: true,
          cell: (row) => countCell(count(row, MilestoneStatus.COMPLETED)),
        },
        {
          label: t('pubMilestonesNoData'),
          numeric: true,
          cell: (row) => countCell(count(row, null)),
        },
      ],
    );
  }
}
