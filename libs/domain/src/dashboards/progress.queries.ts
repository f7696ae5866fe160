import { Completion, DUE_SOON_DAYS, MilestoneFlag, MilestoneStatus, STALE_DAYS } from '@ogp/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { CompletionCount, Progress } from './progress.model';

/*
 * The roll-up rules of @ogp/common (roll-up.ts), in SQL, so aggregates run in the database. The two are held
 * equal by an integration test on generated plans.
 *   milestone percent: COMPLETED 100, NOT_STARTED 0, IN_PROGRESS its percent; else left out (null)
 *   commitment percent: sum(weight x percent) / sum(weight) over counted milestones, floored to 0.1
 *   coverage: counted weight / non-cancelled weight, floored to 0.001
 *   theme, agency, plan: mean of the commitments' (floored) percents; coverage = share of commitments reported
 */

const MILESTONE_PERCENT = `CASE m.status WHEN 'COMPLETED' THEN 100 WHEN 'NOT_STARTED' THEN 0
  WHEN 'IN_PROGRESS' THEN m.progress_percent END::numeric`;

const COMPLETION_OF = (exact: string) => `CASE WHEN ${exact} IS NULL THEN 'NO_EVIDENCE'
  WHEN ${exact} = 0 THEN 'NOT_STARTED' WHEN ${exact} < 50 THEN 'LIMITED'
  WHEN ${exact} < 100 THEN 'SUBSTANTIAL' ELSE 'COMPLETE' END`;

/** Commitment-level roll-up over the commitments chosen by `where` (a condition on `c`). */
export function commitmentProgressSql(where: string): string {
  return `
    SELECT c.id AS commitment_id, c.action_plan_id, c.theme_id, floor(r.exact * 10) / 10 AS percent,
      CASE WHEN r.active > 0 THEN floor(COALESCE(r.counted, 0) / r.active * 1000) / 1000 END AS coverage,
      ${COMPLETION_OF('r.exact')} AS completion
    FROM commitment c
    CROSS JOIN LATERAL (
      SELECT SUM(m.weight * p.pct) FILTER (WHERE p.pct IS NOT NULL)
               / NULLIF(SUM(m.weight) FILTER (WHERE p.pct IS NOT NULL), 0) AS exact,
             SUM(m.weight) FILTER (WHERE p.pct IS NOT NULL) AS counted,
             SUM(m.weight) FILTER (WHERE m.status IS DISTINCT FROM 'CANCELLED') AS active
      FROM milestone m CROSS JOIN LATERAL (SELECT ${MILESTONE_PERCENT} AS pct) p
      WHERE m.commitment_id = c.id AND m.archived_at IS NULL
    ) r
    WHERE c.archived_at IS NULL AND (${where})`;
}

/** Milestone flag conditions on `m` as of the date in parameter `$param`. */
export function milestoneFlagSql(flag: MilestoneFlag, param: string): string {
  const open = `(m.status IS NULL OR m.status IN ('NOT_STARTED', 'IN_PROGRESS'))`;
  switch (flag) {
    case MilestoneFlag.OVERDUE:
      return `(${open} AND m.planned_end < ${param}::date)`;
    case MilestoneFlag.DUE_SOON:
      return `(${open} AND m.planned_end BETWEEN ${param}::date AND ${param}::date + ${DUE_SOON_DAYS})`;
    case MilestoneFlag.STALE:
      return `(m.status = 'IN_PROGRESS' AND m.last_update_on < ${param}::date - ${STALE_DAYS})`;
  }
}

interface ProgressRow {
  key: string;
  percent: string | null;
  exact: string | null;
  coverage: string | null;
  commitment_count: string;
  reported_count: string;
  completion: Completion;
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

export class ProgressQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  async forCommitments(commitmentIds: readonly string[]): Promise<Map<string, Progress>> {
    const rows: {
      commitment_id: string;
      percent: string | null;
      coverage: string | null;
      completion: Completion;
    }[] = await this.db.query(commitmentProgressSql('c.id = ANY($1)'), [commitmentIds]);
    return new Map(
      rows.map((row) => [
        row.commitment_id,
        {
          percent: num(row.percent),
          coverage: num(row.coverage),
          completion: row.completion,
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
    const keyColumn = { plan: 'cp.action_plan_id', theme: 'cp.theme_id', agency: 'ca.agency_id' }[
      group
    ];
    const join =
      group === 'agency'
        ? `JOIN commitment_agency ca ON ca.commitment_id = cp.commitment_id AND ca.role = 'LEAD'`
        : '';
    const rows: ProgressRow[] = await this.db.query(
      `WITH cp AS (${commitmentProgressSql('c.action_plan_id = ANY($1)')}),
       grouped AS (
         SELECT ${keyColumn} AS key, AVG(cp.percent) AS exact, COUNT(*) AS commitment_count,
           COUNT(cp.percent) AS reported_count,
           ${LEVELS.map((level) => `COUNT(*) FILTER (WHERE cp.completion = '${level}') AS "${level}"`).join(', ')}
         FROM cp ${join}
         GROUP BY ${keyColumn}
       )
       SELECT *, floor(exact * 10) / 10 AS percent,
         floor(reported_count::numeric / NULLIF(commitment_count, 0) * 1000) / 1000 AS coverage,
         ${COMPLETION_OF('exact')} AS completion
       FROM grouped`,
      [planIds],
    );
    return new Map(
      rows.map((row) => [
        row.key,
        {
          percent: num(row.percent),
          coverage: num(row.coverage),
          completion: row.completion,
          commitmentCount: Number(row.commitment_count),
          reportedCount: Number(row.reported_count),
          completionCounts: LEVELS.map((completion): CompletionCount => ({
            completion,
            count: Number(row[completion]),
          })),
        },
      ]),
    );
  }

  /** Completed milestones with neither an actual end nor a dated report: they cannot sit on a timeline. */
  async undatedCompletions(planId: string): Promise<number> {
    const [row] = await this.db.query<{ count: string }[]>(
      `SELECT COUNT(*) AS count
       FROM milestone m JOIN commitment c ON c.id = m.commitment_id
       JOIN LATERAL (
         SELECT su.effective_date_known FROM status_update su
         WHERE su.milestone_id = m.id ORDER BY su.effective_date DESC, su.sequence DESC LIMIT 1
       ) latest ON true
       WHERE c.action_plan_id = $1 AND m.archived_at IS NULL AND c.archived_at IS NULL
         AND m.status = 'COMPLETED' AND m.actual_end IS NULL AND NOT latest.effective_date_known`,
      [planId],
    );
    return Number(row.count);
  }

  async statusDistribution(planId: string): Promise<StatusCountRow[]> {
    const rows: { status: MilestoneStatus | null; count: string }[] = await this.db.query(
      `SELECT m.status, COUNT(*) AS count
       FROM milestone m JOIN commitment c ON c.id = m.commitment_id
       WHERE c.action_plan_id = $1 AND m.archived_at IS NULL AND c.archived_at IS NULL
       GROUP BY m.status`,
      [planId],
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
    const rows: {
      month: string;
      planned: string;
      completed: string;
      planned_cumulative: string;
      completed_cumulative: string;
    }[] = await this.db.query(
      `WITH m AS (
           SELECT m.planned_end,
             CASE WHEN m.status = 'COMPLETED'
               THEN COALESCE(m.actual_end, CASE WHEN latest.effective_date_known THEN latest.effective_date END)
             END AS completed_on
           FROM milestone m JOIN commitment c ON c.id = m.commitment_id
           LEFT JOIN LATERAL (
             SELECT su.effective_date, su.effective_date_known FROM status_update su
             WHERE su.milestone_id = m.id ORDER BY su.effective_date DESC, su.sequence DESC LIMIT 1
           ) latest ON true
           WHERE c.action_plan_id = $1 AND m.archived_at IS NULL AND c.archived_at IS NULL
         ),
         bounds AS (
           SELECT date_trunc('month', LEAST(MIN(m.planned_end), MIN(m.completed_on), MIN(p.period_start))) AS first,
                  date_trunc('month', GREATEST(MAX(m.planned_end), MAX(m.completed_on), MAX(p.period_end))) AS last
           FROM m, action_plan p WHERE p.id = $1
         ),
         months AS (
           SELECT generate_series(first, last, interval '1 month') AS month FROM bounds WHERE first IS NOT NULL
         ),
         counted AS (
           SELECT months.month,
             (SELECT COUNT(*) FROM m WHERE date_trunc('month', m.planned_end) = months.month) AS planned,
             (SELECT COUNT(*) FROM m WHERE date_trunc('month', m.completed_on) = months.month) AS completed
           FROM months
         )
         SELECT to_char(month, 'YYYY-MM') AS month, planned, completed,
           SUM(planned) OVER (ORDER BY month) AS planned_cumulative,
           SUM(completed) OVER (ORDER BY month) AS completed_cumulative
         FROM counted ORDER BY month`,
      [planId],
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
