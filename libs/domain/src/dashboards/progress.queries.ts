import { Completion, MilestoneStatus } from '@ogp/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadScope } from '../shared/read-scope';
import {
  asOfOptions,
  asOfParameters,
  commitmentProgressSql,
  COMPLETION_FROM,
  MILESTONE_STATE,
  milestoneStateSql,
} from '../milestones';
import type { CompletionCount, Progress } from './progress.model';

// pg returns numeric and COUNT as strings, json_agg as numbers: converted here, where they are read.
type Figure = string | number;

interface FigureRow {
  percent: Figure | null;
  reported_percent: Figure | null;
  coverage: Figure | null;
  completion: Completion;
  milestone_count: Figure;
  reported_milestone_count: Figure;
}

interface ProgressRow extends FigureRow {
  key: string;
  milestone_coverage: Figure | null;
  commitment_count: Figure;
  reported_count: Figure;
  [level: string]: Figure | null;
}

export interface TimelinePointRow {
  month: string;
  planned: number;
  completed: number;
  plannedCumulative: number;
  completedCumulative: number;
}

export interface StatusCountRow {
  status: MilestoneStatus | null;
  count: number;
}

/** The parts of a plan's dashboard that are read from its milestone state. */
export type DashboardSection = 'plan' | 'theme' | 'agency' | 'status' | 'timeline' | 'undated';

export interface DashboardSections {
  plan?: Progress | null;
  theme?: Map<string, Progress>;
  agency?: Map<string, Progress>;
  status?: StatusCountRow[];
  timeline?: TimelinePointRow[];
  undated?: number;
}

/**
 * Theme, agency (as lead) or plan roll-up over the commitment progress `cp`, keyed by theme id, agency id or
 * plan id: a SELECT. Every commitment counts once.
 */
function groupedSql(group: 'plan' | 'theme' | 'agency'): string {
  const keyColumn = { plan: 'cp.action_plan_id', theme: 'cp.theme_id', agency: 'ca.agency_id' }[
    group
  ];
  const join =
    group === 'agency'
      ? `JOIN commitment_agency ca ON ca.commitment_id = cp.commitment_id AND ca.role = 'LEAD'`
      : '';
  return `
    SELECT *,
      CASE WHEN with_percent > 0 THEN round(total / commitment_count, 1) END AS percent,
      CASE WHEN with_percent > 0 THEN round(total / with_percent, 1) END AS reported_percent,
      round(reported_count::numeric / commitment_count, 3) AS coverage,
      CASE WHEN weight > 0 THEN round(reported_weight / weight, 3) END AS milestone_coverage,
      ${COMPLETION_FROM(
        'reported_count > 0',
        `"${Completion.COMPLETE}" = commitment_count`,
        'total',
        '100 * commitment_count',
        'started',
      )} AS completion
    FROM (
      SELECT ${keyColumn} AS key, COUNT(*) AS commitment_count,
        COUNT(*) FILTER (WHERE cp.completion <> 'NO_EVIDENCE') AS reported_count,
        COUNT(*) FILTER (WHERE cp.completion IN ('LIMITED', 'SUBSTANTIAL', 'COMPLETE')) > 0 AS started,
        COUNT(cp.percent) AS with_percent, COALESCE(SUM(cp.percent), 0) AS total,
        SUM(cp.weight) AS weight, SUM(cp.reported_weight) AS reported_weight,
        SUM(cp.milestone_count) AS milestone_count,
        SUM(cp.reported_milestone_count) AS reported_milestone_count,
        ${LEVELS.map((level) => `COUNT(*) FILTER (WHERE cp.completion = '${level}') AS "${level}"`).join(', ')}
      FROM cp ${join}
      GROUP BY ${keyColumn}
    ) grouped`;
}

/**
 * Milestones planned to end and actually completed per month, from the plan's first month to the last month
 * anything is planned or completed: one GROUP BY over the months and the milestones. A completion counts in the
 * month of its actual end, else of the update that reported it; one whose date no source gives is left out (see
 * the undated section), never placed at the day it was loaded. CTEs after the milestone state's, then a SELECT.
 */
function timelineSql(visiblePlans: string): { ctes: string; select: string } {
  return {
    ctes: `
      tm AS (
        SELECT s.planned_end,
          CASE WHEN s.status = 'COMPLETED'
            THEN COALESCE(s.actual_end, CASE WHEN s.last_update_dated THEN s.last_update_on END)
          END AS completed_on
        FROM ${MILESTONE_STATE} s
      ),
      bounds AS (
        SELECT date_trunc('month', LEAST(MIN(tm.planned_end), MIN(tm.completed_on), MIN(p.period_start))) AS first,
          date_trunc('month', GREATEST(MAX(tm.planned_end), MAX(tm.completed_on), MAX(p.period_end))) AS last
        FROM tm, action_plan p
        WHERE p.id = :planId AND p.id IN (${visiblePlans})
      ),
      months AS (
        SELECT generate_series(first, last, interval '1 month') AS month FROM bounds WHERE first IS NOT NULL
      ),
      counted AS (
        SELECT x.month, SUM(x.planned) AS planned, SUM(x.completed) AS completed
        FROM (
          SELECT months.month, 0 AS planned, 0 AS completed, true AS in_range FROM months
          UNION ALL SELECT date_trunc('month', tm.planned_end), 1, 0, false FROM tm
            WHERE tm.planned_end IS NOT NULL
          UNION ALL SELECT date_trunc('month', tm.completed_on), 0, 1, false FROM tm
            WHERE tm.completed_on IS NOT NULL
        ) x
        GROUP BY x.month HAVING bool_or(x.in_range)
      )`,
    select: `
      SELECT to_char(month, 'YYYY-MM') AS month, planned, completed,
        SUM(planned) OVER (ORDER BY month) AS "plannedCumulative",
        SUM(completed) OVER (ORDER BY month) AS "completedCumulative"
      FROM counted ORDER BY month`,
  };
}

const LEVELS = Object.values(Completion);

const num = (value: Figure | null): number | null => (value === null ? null : Number(value));

const figures = (row: FigureRow) => ({
  percent: num(row.percent),
  reportedPercent: num(row.reported_percent),
  coverage: num(row.coverage),
  completion: row.completion,
  milestoneCount: Number(row.milestone_count),
  reportedMilestoneCount: Number(row.reported_milestone_count),
});

const aggregateProgress = (row: ProgressRow): Progress => ({
  ...figures(row),
  milestoneCoverage: num(row.milestone_coverage),
  commitmentCount: Number(row.commitment_count),
  reportedCount: Number(row.reported_count),
  completionCounts: LEVELS.map((completion): CompletionCount => ({
    completion,
    count: Number(row[completion]),
  })),
});

/**
 * Progress figures for one viewer: every figure counts only what `scope` may see, as of the end of day `asOf`
 * (YYYY-MM-DD) when given, else now.
 */
export class ProgressQueries {
  constructor(
    private readonly db: DataSource | EntityManager,
    private readonly scope: ReadScope = ReadScope.PUBLIC,
    private readonly asOf: string | null = null,
  ) {}

  /** Runs `sql` with named parameters (`:name`), the scope's included. */
  private async query<T>(sql: string, parameters: Record<string, unknown>): Promise<T[]> {
    const driver = this.db instanceof DataSource ? this.db.driver : this.db.dataSource.driver;
    const [text, values] = driver.escapeQueryWithParameters(sql, {
      ...this.scope.parameters,
      ...asOfParameters(this.asOf),
      ...parameters,
    });
    return this.db.query<T[]>(text, values);
  }

  /** `WITH milestone_state AS (...)` over the milestones `where` chooses. */
  private withState(where: string): string {
    return `WITH ${MILESTONE_STATE} AS (${milestoneStateSql(this.scope, where, asOfOptions(this.asOf))})`;
  }

  async forCommitments(commitmentIds: readonly string[]): Promise<Map<string, Progress>> {
    const where = 'c.id = ANY(:commitmentIds)';
    const rows = await this.query<FigureRow & { commitment_id: string }>(
      `${this.withState(where)} ${commitmentProgressSql(this.scope, where)}`,
      { commitmentIds: [...commitmentIds] },
    );
    return new Map(
      rows.map((row) => [
        row.commitment_id,
        {
          ...figures(row),
          milestoneCoverage: num(row.coverage),
          commitmentCount: null,
          reportedCount: null,
          completionCounts: null,
        },
      ]),
    );
  }

  /**
   * Theme, agency (as lead) or plan roll-up for the given plans, keyed by theme id, agency id or plan id.
   * Every commitment counts once.
   */
  async aggregate(
    group: 'plan' | 'theme' | 'agency',
    planIds: readonly string[],
  ): Promise<Map<string, Progress>> {
    const where = 'c.action_plan_id = ANY(:planIds)';
    const rows = await this.query<ProgressRow>(
      `${this.withState(where)}, cp AS (${commitmentProgressSql(this.scope, where)}) ${groupedSql(group)}`,
      { planIds: [...planIds] },
    );
    return new Map(rows.map((row) => [row.key, aggregateProgress(row)]));
  }

  /**
   * The asked sections of one plan's dashboard in one statement, over one milestone state: the plan, theme
   * and agency roll-ups, milestones per status (no data first), the timeline, and the completed milestones
   * with neither an actual end nor a dated report (they cannot sit on a timeline).
   */
  async sections(planId: string, asked: ReadonlySet<DashboardSection>): Promise<DashboardSections> {
    const where = 'c.action_plan_id = :planId';
    const timeline = timelineSql(this.scope.visiblePlanIdsSql());
    const parts: Record<DashboardSection, string> = {
      plan: groupedSql('plan'),
      theme: groupedSql('theme'),
      agency: groupedSql('agency'),
      status: `SELECT s.status, COUNT(*) AS count FROM ${MILESTONE_STATE} s GROUP BY s.status`,
      timeline: timeline.select,
      undated: `SELECT COUNT(*) AS count FROM ${MILESTONE_STATE} s
        WHERE s.status = 'COMPLETED' AND s.actual_end IS NULL AND NOT s.last_update_dated`,
    };
    const chosen = [...asked];
    // CTEs no section reads are not run.
    const rows = await this.query<{ section: DashboardSection; rows: unknown[] | null }>(
      `${this.withState(where)}, cp AS (${commitmentProgressSql(this.scope, where)}), ${timeline.ctes}
       ${chosen
         .map(
           (section) =>
             `SELECT '${section}' AS section, (SELECT json_agg(part) FROM (${parts[section]}) part) AS rows`,
         )
         .join(' UNION ALL ')}`,
      { planId },
    );
    const of = <T>(section: DashboardSection) =>
      (rows.find((row) => row.section === section)?.rows ?? []) as T[];
    const result: DashboardSections = {};
    const keyed = (section: DashboardSection) =>
      new Map(of<ProgressRow>(section).map((row) => [row.key, aggregateProgress(row)]));
    if (asked.has('plan')) result.plan = keyed('plan').get(planId) ?? null;
    if (asked.has('theme')) result.theme = keyed('theme');
    if (asked.has('agency')) result.agency = keyed('agency');
    if (asked.has('status')) {
      const counts = new Map(
        of<{ status: MilestoneStatus | null; count: number }>('status').map((row) => [
          row.status,
          Number(row.count),
        ]),
      );
      result.status = [null, ...Object.values(MilestoneStatus)].map((status) => ({
        status,
        count: counts.get(status) ?? 0,
      }));
    }
    if (asked.has('timeline')) {
      result.timeline = of<TimelinePointRow>('timeline').map((row) => ({
        month: row.month,
        planned: Number(row.planned),
        completed: Number(row.completed),
        plannedCumulative: Number(row.plannedCumulative),
        completedCumulative: Number(row.completedCumulative),
      }));
    }
    if (asked.has('undated'))
      result.undated = Number(of<{ count: number }>('undated')[0]?.count ?? 0);
    return result;
  }

  /** Milestones per status, no data first. */
  async statusDistribution(planId: string): Promise<StatusCountRow[]> {
    return (await this.sections(planId, new Set(['status']))).status!;
  }

  /** Planned and completed milestones per month (see timelineSql). */
  async timeline(planId: string): Promise<TimelinePointRow[]> {
    return (await this.sections(planId, new Set(['timeline']))).timeline!;
  }

  /** Completed milestones with neither an actual end nor a dated report. */
  async undatedCompletions(planId: string): Promise<number> {
    return (await this.sections(planId, new Set(['undated']))).undated!;
  }
}
