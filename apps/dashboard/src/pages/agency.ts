import { Completion, MILESTONE_FLAG_LABELS, MilestoneFlag, MilestoneStatus } from '@ogp/common';
import { GraphqlError } from '../api/client';
import type { Progress } from '../api/dashboard';
import {
  fetchAgencyPlan,
  fetchCommitmentRows,
  type AgencyPlan,
  type AgencyRef,
  type CommitmentRow,
} from '../api/public';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { COMPLETION_ORDER, countOf } from '../charts/configs';
import { commitmentProgressChart } from '../charts/public-configs';
import { formatPartialDate } from '../components/partial-date';
import {
  agencyLabel,
  breadcrumbs,
  chartSection,
  completionText,
  coverageText,
  figuresTable,
  flagsText,
  keepFocus,
  localizedNode,
  percentText,
  plainText,
  sizeChart,
  statusText,
} from '../components/public-ui';
import { h } from '../dom';
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
  private readonly overall = h('section', {
    id: 'agency-progress',
    'aria-labelledby': 'agency-progress-heading',
  });
  private readonly commitments = chartSection('agency-commitments');
  private readonly milestones = h('section', {
    id: 'agency-milestones',
    'aria-labelledby': 'agency-milestones-heading',
  });
  private readonly supported = h('section', {
    id: 'agency-supported',
    'aria-labelledby': 'agency-supported-heading',
  });

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
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { slug, agencySlug } = context.params;
    const [plan, rows] = await Promise.all([
      fetchAgencyPlan(slug, context.asOf, context.signal),
      fetchCommitmentRows(slug, { agencySlug }, context.asOf, context.signal),
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
    const { locale, t, href } = context;
    const planPath = `/plans/${encodeURIComponent(plan.plan.slug)}`;
    const led = rows.filter((row) => row.leadAgency.slug === agency.slug);
    const supported = rows.filter((row) => row.leadAgency.slug !== agency.slug);
    const progress = plan.byAgency.find((row) => row.agency.slug === agency.slug)?.progress ?? null;
    this.crumbs.replaceChildren(
      breadcrumbs(t, [
        { label: t('pubPlansTitle'), href: href('/plans') },
        { label: plainText(plan.plan.title, locale), href: href(planPath) },
        { label: plainText(agency.name, locale) },
      ]),
    );
    this.title.replaceChildren(agencyLabel(agency, locale, t));
    this.renderOverall(progress, led.length, context);
    this.renderCommitments(led, context);
    this.renderMilestones(led, context);
    this.renderSupported(supported, context);
  }

  private renderOverall(progress: Progress | null, ledCount: number, { locale, t }: PageContext) {
    const percent = progress?.percent ?? null;
    const coverage = progress?.coverage ?? null;
    const completion = progress?.completion ?? Completion.NO_EVIDENCE;
    this.overall.replaceChildren(
      h('h2', { id: 'agency-progress-heading' }, t('pubProgressHeading')),
      h(
        'dl',
        { class: 'figures' },
        h('dt', {}, t('pubPercent')),
        h(
          'dd',
          { id: 'agency-percent', 'data-value': String(percent ?? '') },
          percentText(percent, locale, t),
        ),
        h('dt', {}, t('pubCoverage')),
        h(
          'dd',
          { id: 'agency-coverage', 'data-value': String(coverage ?? '') },
          coverageText(coverage, locale, t),
        ),
        h('dt', {}, t('pubCompletion')),
        h(
          'dd',
          { id: 'agency-completion', 'data-value': completion },
          completionText(completion, locale),
        ),
      ),
      h(
        'p',
        { class: 'summary' },
        ledCount === 0
          ? t('pubAgencyLeadsNone')
          : percent === null
            ? t('pubNoneReported', { count: ledCount })
            : t('pubReportedSummary', {
                reported: progress?.reportedCount ?? 0,
                count: progress?.commitmentCount ?? ledCount,
              }),
      ),
      ...(progress
        ? [
            h(
              'div',
              { class: 'table-wrap' },
              figuresTable(
                t('pubLevelsCaption'),
                [{ label: t('pubCompletion') }, { label: t('pubCommitments'), numeric: true }],
                COMPLETION_ORDER.map((level) => {
                  const count = countOf(progress.completionCounts, level);
                  return {
                    key: level,
                    header: completionText(level, locale),
                    cells: [{ text: String(count), value: count }],
                  };
                }),
              ),
            ),
          ]
        : []),
    );
    this.overall.querySelector('table')?.setAttribute('id', 'agency-levels');
  }

  private renderCommitments(rows: CommitmentRow[], context: PageContext): void {
    const { locale, t, href } = context;
    const s = this.commitments;
    const complete = rows.filter((row) => row.progress.completion === Completion.COMPLETE).length;
    const noData = rows.filter((row) => row.progress.percent === null).length;
    s.heading.textContent = t('pubAgencyChartCaption');
    s.summary.textContent = rows.length
      ? t('pubCommitmentsSummary', { complete, count: rows.length, noData })
      : t('pubAgencyLeadsNone');
    s.canvas.setAttribute('aria-label', t('pubAgencyChartCaption'));
    s.chart.hidden = rows.length === 0;
    s.table.hidden = rows.length === 0;
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
        t('pubAgencyChartCaption'),
        [
          { label: t('pubCommitment') },
          { label: t('pubTheme') },
          { label: t('pubPercent'), numeric: true },
          { label: t('pubCoverage'), numeric: true },
          { label: t('pubCompletion') },
          { label: t('pubMilestones'), numeric: true },
        ],
        rows.map((row) => ({
          key: row.ogpId,
          header: commitmentLink(row, context),
          cells: [
            {
              text: h(
                'a',
                {
                  href: href(
                    `/plans/${encodeURIComponent(context.params.slug)}/themes/${encodeURIComponent(row.theme.key)}`,
                  ),
                },
                localizedNode(row.theme.title, locale, t),
              ),
            },
            { text: percentText(row.progress.percent, locale, t), value: row.progress.percent },
            {
              text: coverageText(row.progress.coverage, locale, t),
              value: row.progress.coverage,
            },
            {
              text: completionText(row.progress.completion, locale),
              value: row.progress.completion,
            },
            { text: String(row.milestones.length), value: row.milestones.length },
          ],
        })),
      ),
    );
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
          tableWithId(
            'agency-status',
            figuresTable(
              t('pubByStatus'),
              [{ label: t('pubStatus') }, { label: t('pubMilestones'), numeric: true }],
              STATUS_ORDER.map((status) => ({
                key: status ?? 'NO_DATA',
                header: statusText(status, locale),
                cells: [{ text: String(statusCount(status)), value: statusCount(status) }],
              })),
            ),
          ),
        ),
        h(
          'div',
          { class: 'table-wrap' },
          tableWithId(
            'agency-flags',
            figuresTable(
              t('pubByFlag'),
              [{ label: t('pubFlag') }, { label: t('pubMilestones'), numeric: true }],
              FLAG_ORDER.map((flag) => ({
                key: flag,
                header: MILESTONE_FLAG_LABELS[flag][locale],
                cells: [{ text: String(flagCount(flag)), value: flagCount(flag) }],
              })),
            ),
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
              figuresTable(
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
                    {
                      text: milestone.plannedEnd
                        ? formatPartialDate(milestone.plannedEnd, locale)
                        : t('noData'),
                      value: milestone.plannedEnd?.label ?? null,
                    },
                    { text: statusText(milestone.status, locale), value: milestone.status },
                    {
                      text: percentText(milestone.progressPercent, locale, t),
                      value: milestone.progressPercent,
                    },
                    {
                      text: flagsText(milestone.flags, locale, t),
                      value: milestone.flags.join(' '),
                    },
                    {
                      text: milestone.history[0]
                        ? formatPartialDate(milestone.history[0].effectiveDate, locale)
                        : t('noData'),
                      value: milestone.history[0]?.effectiveDate.label ?? null,
                    },
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

function commitmentLink(row: CommitmentRow, { locale, t, href }: PageContext): HTMLElement {
  return h(
    'a',
    { href: href(`/commitments/${encodeURIComponent(row.ogpId)}`) },
    `${row.number} `,
    localizedNode(row.title, locale, t),
    ` (${row.ogpId})`,
  );
}

function tableWithId(id: string, table: HTMLTableElement): HTMLTableElement {
  table.id = id;
  return table;
}
