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

interface FigureRow {
  percent: string | null;
  reported_percent: string | null;
  coverage: string | null;
  completion: Completion;
  milestone_count: string;
  reported_milestone_count: string;
}

interface ProgressRow extends FigureRow {
  key: string;
  plan_key: string | null;
  milestone_coverage: string | null;
  commitment_count: string;
  reported_count: string;
  [level: string]: string | null;
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

const LEVELS = Object.values(Completion);

// pg returns numeric and COUNT as strings: converted here, where they are read.
const num = (value: string | null): number | null => (value === null ? null : Number(value));

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
    const rows = await this.aggregateRows(group, planIds);
    return new Map(rows.map((row) => [row.key, aggregateProgress(row)]));
  }

  /** `aggregate` per plan: plan id to (theme, agency or plan id to progress). */
  async aggregateByPlan(
    group: 'plan' | 'theme' | 'agency',
    planIds: readonly string[],
  ): Promise<Map<string, Map<string, Progress>>> {
    const byPlan = new Map<string, Map<string, Progress>>(planIds.map((id) => [id, new Map()]));
    for (const row of await this.aggregateRows(group, planIds, true)) {
      byPlan.get(row.plan_key!)?.set(row.key, aggregateProgress(row));
    }
    return byPlan;
  }

  private async aggregateRows(
    group: 'plan' | 'theme' | 'agency',
    planIds: readonly string[],
    perPlan = false,
  ): Promise<ProgressRow[]> {
    const keyColumn = { plan: 'cp.action_plan_id', theme: 'cp.theme_id', agency: 'ca.agency_id' }[
      group
    ];
    const join =
      group === 'agency'
        ? `JOIN commitment_agency ca ON ca.commitment_id = cp.commitment_id AND ca.role = 'LEAD'`
        : '';
    const where = 'c.action_plan_id = ANY(:planIds)';
    return this.query<ProgressRow>(
      `${this.withState(where)},
       cp AS (${commitmentProgressSql(this.scope, where)}),
       grouped AS (
         SELECT ${perPlan ? 'cp.action_plan_id AS plan_key, ' : ''}${keyColumn} AS key,
           COUNT(*) AS commitment_count,
           COUNT(*) FILTER (WHERE cp.completion <> 'NO_EVIDENCE') AS reported_count,
           COUNT(*) FILTER (WHERE cp.completion IN ('LIMITED', 'SUBSTANTIAL', 'COMPLETE')) > 0 AS started,
           COUNT(cp.percent) AS with_percent, COALESCE(SUM(cp.percent), 0) AS total,
           SUM(cp.weight) AS weight, SUM(cp.reported_weight) AS reported_weight,
           SUM(cp.milestone_count) AS milestone_count,
           SUM(cp.reported_milestone_count) AS reported_milestone_count,
           ${LEVELS.map((level) => `COUNT(*) FILTER (WHERE cp.completion = '${level}') AS "${level}"`).join(', ')}
         FROM cp ${join}
         GROUP BY ${perPlan ? 'cp.action_plan_id, ' : ''}${keyColumn}
       )
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
       FROM grouped`,
      { planIds: [...planIds] },
    );
  }

  /** Completed milestones with neither an actual end nor a dated report: they cannot sit on a timeline. */
  async undatedCompletions(planId: string): Promise<number> {
    const [row] = await this.query<{ count: string }>(
      `${this.withState('c.action_plan_id = :planId')}
       SELECT COUNT(*) AS count FROM ${MILESTONE_STATE} s
       WHERE s.status = 'COMPLETED' AND s.actual_end IS NULL AND NOT s.last_update_dated`,
      { planId },
    );
    return Number(row.count);
  }

  async statusDistribution(planId: string): Promise<StatusCountRow[]> {
    const rows = await this.query<{ status: MilestoneStatus | null; count: string }>(
      `${this.withState('c.action_plan_id = :planId')}
       SELECT s.status, COUNT(*) AS count FROM ${MILESTONE_STATE} s GROUP BY s.status`,
      { planId },
    );
    const counts = new Map(rows.map((row) => [row.status, Number(row.count)]));
    return [null, ...Object.values(MilestoneStatus)].map((status) => ({
      status,
      count: counts.get(status) ?? 0,
    }));
  }

  /**
   * Milestones planned to end and actually completed per month, from the plan's first month to the last month
   * anything is planned or completed. A completion counts in the month of its actual end, else of the update
   * that reported it; one whose date no source gives is left out (see `undatedCompletions`), never placed at the
   * day it was loaded.
   */
  async timeline(planId: string): Promise<TimelinePointRow[]> {
    const rows = await this.query<{
      month: string;
      planned: string;
      completed: string;
      planned_cumulative: string;
      completed_cumulative: string;
    }>(
      `${this.withState('c.action_plan_id = :planId')},
         m AS (
           SELECT s.planned_end,
             CASE WHEN s.status = 'COMPLETED'
               THEN COALESCE(s.actual_end, CASE WHEN s.last_update_dated THEN s.last_update_on END)
             END AS completed_on
           FROM ${MILESTONE_STATE} s
         ),
         bounds AS (
           SELECT date_trunc('month', LEAST(MIN(m.planned_end), MIN(m.completed_on), MIN(p.period_start))) AS first,
                  date_trunc('month', GREATEST(MAX(m.planned_end), MAX(m.completed_on), MAX(p.period_end))) AS last
           FROM m, action_plan p
           WHERE p.id = :planId AND p.id IN (${this.scope.visiblePlanIdsSql()})
         ),
         months AS (
           SELECT generate_series(first, last, interval '1 month') AS month FROM bounds WHERE first IS NOT NULL
         ),
         counted AS (
           SELECT x.month, SUM(x.planned) AS planned, SUM(x.completed) AS completed
           FROM (
             SELECT months.month, 0 AS planned, 0 AS completed, true AS in_range FROM months
             UNION ALL SELECT date_trunc('month', m.planned_end), 1, 0, false FROM m
               WHERE m.planned_end IS NOT NULL
             UNION ALL SELECT date_trunc('month', m.completed_on), 0, 1, false FROM m
               WHERE m.completed_on IS NOT NULL
           ) x
           GROUP BY x.month HAVING bool_or(x.in_range)
         )
         SELECT to_char(month, 'YYYY-MM') AS month, planned, completed,
           SUM(planned) OVER (ORDER BY month) AS planned_cumulative,
           SUM(completed) OVER (ORDER BY month) AS completed_cumulative
         FROM counted ORDER BY month`,
      { planId },
    );
    return rows.map((row) => ({
      month: row.month,
      planned: Number(row.planned),
      completed: Number(row.completed),
      plannedCumulative: Number(row.planned_cumulative),
      completedCumulative: Number(row.completed_cumulative),
    }));
  }
}
