import {
  MILESTONE_FLAG_LABELS,
  MilestoneFlag,
  MilestoneStatus,
  describeAggregateProgress,
} from '@ogp/common';
import { GraphqlError } from '../api/client';
import type { AgencyRef, Progress } from '../api/dashboard';
import {
  fetchAgencyPlan,
  fetchCommitmentRows,
  type AgencyPlan,
  type CommitmentRow,
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
  agencyLabel,
  chartSection,
  commitmentLink,
  countTable,
  dateCell,
  flagsText,
  keepFocus,
  labelledSection,
  localizedNode,
  percentText,
  planBreadcrumbs,
  syntheticNotice,
  plainText,
  statusText,
  themeLink,
} from '../components/public-ui';
import { dataTable, h } from '../dom';
import '../styles/public.css';

/** Statuses in the order of the table, "no data" (never reported) first. */
const STATUS_ORDER: readonly (MilestoneStatus | null)[] = [
  null,
  MilestoneStatus.NOT_STARTED,
  MilestoneStatus.IN_PROGRESS,
  MilestoneStatus.COMPLETED,
  MilestoneStatus.CANCELLED,
];
const FLAG_ORDER: readonly MilestoneFlag[] = [
  MilestoneFlag.OVERDUE,
  MilestoneFlag.DUE_SOON,
  MilestoneFlag.STALE,
];

/** The agency scorecard: what it leads in one plan, how far it has come, and what is late or quiet. */
export class AgencyPage implements PageView {
  readonly element: HTMLElement;
  private readonly crumbs = h('div');
  private readonly title = h('h1', { id: 'agency-title' });
  private readonly overall = labelledSection('agency-progress');
  private readonly commitments = chartSection('agency-commitments');
  private readonly milestones = labelledSection('agency-milestones');
  private readonly supported = labelledSection('agency-supported');
  private readonly downloads = new DownloadPanel();

  constructor() {
    this.element = h(
      'div',
      { class: 'public-page agency-page' },
      this.crumbs,
      this.title,
      this.overall,
      this.commitments.section,
      this.milestones,
      this.supported,
      this.downloads.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { slug, agencySlug } = context.params;
    const [plan, rows] = await Promise.all([
      fetchAgencyPlan(slug, context.asOf, context.signal),
      fetchCommitmentRows(slug, { agencySlug }, context.asOf, context.signal).catch(
        (error: unknown) => {
          // An agency that does not exist is refused by the commitment list: the page says it is not found.
          if (error instanceof GraphqlError && error.extensions.field === 'filter.agencySlug') {
            throw new GraphqlError(`No agency ${agencySlug}`, 'NOT_FOUND');
          }
          throw error;
        },
      ),
    ]);
    if (context.signal.aborted) return { title: '' };
    const agency =
      plan.byAgency.find((row) => row.agency.slug === agencySlug)?.agency ??
      rows
        .flatMap((row) => [row.leadAgency, ...row.supportingAgencies])
        .find((candidate) => candidate.slug === agencySlug);
    if (!agency) throw new GraphqlError(`No agency ${agencySlug} in this plan`, 'NOT_FOUND');
    keepFocus(this.element, () => this.show(plan, agency, rows, context));
    return { title: plainText(agency.name, context.locale), livePlan: plan.plan.slug };
  }

  destroy(): void {
    this.commitments.view.destroy();
    this.element.remove();
  }

  private show(plan: AgencyPlan, agency: AgencyRef, rows: CommitmentRow[], context: PageContext) {
    const { locale, t } = context;
    const led = rows.filter((row) => row.leadAgency.slug === agency.slug);
    const supported = rows.filter((row) => row.leadAgency.slug !== agency.slug);
    const progress = plan.byAgency.find((row) => row.agency.slug === agency.slug)?.progress ?? null;
    this.crumbs.replaceChildren(
      planBreadcrumbs(context, plan.plan, { label: fallbackString(agency.name, locale, t) }),
      ...syntheticNotice(plan.plan, t),
    );
    this.title.replaceChildren(agencyLabel(agency, locale, t));
    this.renderOverall(progress, led, context);
    this.renderCommitments(led, context);
    this.renderMilestones(led, context);
    this.renderSupported(supported, context);
    this.downloads.render(plan.plan.slug, context);
  }

  private renderOverall(progress: Progress | null, led: CommitmentRow[], context: PageContext) {
    const { locale, t } = context;
    showOverallProgress(
      this.overall,
      'agency',
      progress,
      led.length === 0 || !progress
        ? { headline: t('pubAgencyLeadsNone'), formula: null }
        : {
            headline: aggregateHeadline(progress, locale),
            formula: describeAggregateProgress(
              led.map((row) => row.progress.percent),
              locale,
            ),
          },
      context,
    );
  }

  private renderCommitments(rows: CommitmentRow[], context: PageContext): void {
    const { t } = context;
    showCommitments(
      this.commitments,
      rows,
      { caption: t('pubAgencyChartCaption'), empty: t('pubAgencyLeadsNone') },
      context,
      [
        {
          label: t('pubTheme'),
          cell: (row) => ({ text: themeLink(context.params.slug, row.theme, context) }),
        },
      ],
    );
    this.commitments.table.hidden = rows.length === 0;
  }

  private renderMilestones(rows: CommitmentRow[], context: PageContext): void {
    const { locale, t } = context;
    const all = rows.flatMap((row) => row.milestones.map((milestone) => ({ row, milestone })));
    const flagged = all.filter(({ milestone }) => milestone.flags.length > 0);
    const statusCount = (status: MilestoneStatus | null) =>
      all.filter(({ milestone }) => milestone.status === status).length;
    const flagCount = (flag: MilestoneFlag) =>
      all.filter(({ milestone }) => milestone.flags.includes(flag)).length;
    this.milestones.replaceChildren(
      h('h2', { id: 'agency-milestones-heading' }, t('pubAgencyMilestones')),
      h(
        'p',
        { class: 'summary' },
        t('pubAgencyMilestonesSummary', {
          count: all.length,
          noData: statusCount(null),
          flagged: flagged.length,
        }),
      ),
      h(
        'div',
        { class: 'table-pair' },
        h(
          'div',
          { class: 'table-wrap' },
          countTable(
            'agency-status',
            t('pubByStatus'),
            [t('pubStatus'), t('pubMilestones')],
            STATUS_ORDER.map((status) => ({
              key: status ?? 'NO_DATA',
              header: statusText(status, locale),
              count: statusCount(status),
            })),
          ),
        ),
        h(
          'div',
          { class: 'table-wrap' },
          countTable(
            'agency-flags',
            t('pubByFlag'),
            [t('pubFlag'), t('pubMilestones')],
            FLAG_ORDER.map((flag) => ({
              key: flag,
              header: MILESTONE_FLAG_LABELS[flag][locale],
              count: flagCount(flag),
            })),
          ),
        ),
      ),
      h('h3', { id: 'agency-flagged-heading' }, t('pubFlaggedHeading')),
      flagged.length
        ? h(
            'div',
            { class: 'table-wrap' },
            tableWithId(
              'agency-flagged',
              dataTable(
                t('pubFlaggedHeading'),
                [
                  { label: t('pubMilestone') },
                  { label: t('pubCommitment') },
                  { label: t('pubPlannedEnd') },
                  { label: t('pubStatus') },
                  { label: t('pubPercent'), numeric: true },
                  { label: t('pubFlags') },
                  { label: t('pubLastUpdate') },
                ],
                flagged.map(({ row, milestone }) => ({
                  key: milestone.id,
                  header: localizedNode(milestone.title, locale, t),
                  cells: [
                    { text: commitmentLink(row, context) },
                    dateCell(milestone.plannedEnd, locale, t),
                    { text: statusText(milestone.status, locale), value: milestone.status },
                    {
                      text: percentText(milestone.progressPercent, locale, t),
                      value: milestone.progressPercent,
                    },
                    {
                      text: flagsText(milestone.flags, locale, t),
                      value: milestone.flags.join(' '),
                    },
                    dateCell(milestone.history[0]?.effectiveDate ?? null, locale, t),
                  ],
                })),
              ),
            ),
          )
        : h('p', {}, t('pubNoFlagged')),
    );
  }

  private renderSupported(rows: CommitmentRow[], context: PageContext): void {
    const { locale, t } = context;
    this.supported.hidden = rows.length === 0;
    this.supported.replaceChildren(
      h('h2', { id: 'agency-supported-heading' }, t('pubAgencySupports')),
      h(
        'ul',
        {},
        ...rows.map((row) =>
          h(
            'li',
            { 'data-key': row.ogpId },
            commitmentLink(row, context),
            ` — ${t('pubLedBy')} `,
            agencyLabel(row.leadAgency, locale, t),
          ),
        ),
      ),
    );
  }
}

function tableWithId(id: string, table: HTMLTableElement): HTMLTableElement {
  table.id = id;
  return table;
}
