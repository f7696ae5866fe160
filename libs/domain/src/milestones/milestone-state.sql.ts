import { DUE_SOON_DAYS, MilestoneFlag, STALE_DAYS } from '@ogp/common';
import type { ReadScope } from '../shared/read-scope';

/*
 * The read side's SQL: each milestone's state as one viewer may see it, and the roll-up rules of @ogp/common
 * (roll-up.ts) over that state, so aggregates run in the database. The two copies of the rules are held equal
 * by an integration test on generated plans.
 *   milestone percent: COMPLETED 100, NOT_STARTED 0, IN_PROGRESS its percent; else none (adds nothing)
 *   commitment percent: sum(weight x percent) over reported milestones / sum(weight) over non-cancelled ones;
 *     reported percent: the same sum / the weight of the reported ones with a percent
 *   coverage: reported weight / non-cancelled weight
 *   theme, agency, plan: sum of the commitments' (shown) percents / commitments; coverage = share of
 *     commitments reported, milestone coverage = reported / non-cancelled weight over them all
 *   rounded half up: percents to 0.1, coverage shares to 0.001 (round() on numeric rounds half away from zero)
 */

/** The name every query gives the viewer's milestone state (a CTE of `milestoneStateSql`). */
export const MILESTONE_STATE = 'milestone_state';

export interface MilestoneStateOptions {
  /**
   * A SQL date expression (such as a parameter): the state as of the end of that day, from the updates whose
   * effective date is on or before it (an update no source dates has its recording day as effective date, so
   * it counts from that day). Left out: the current state.
   */
  asOf?: string;
}

/** The parameter that carries a read's asOf date (YYYY-MM-DD) in the statements below. */
export const AS_OF_PARAMETER = 'asOf';

/**
 * One row per milestone chosen by `where` (a condition on milestone `m` and commitment `c`), of unarchived
 * commitments of plans the viewer may read, with the state the viewer may see: the latest update they may see,
 * by effective date, then recording time. No such update: no data (status null), whatever the hidden ones say.
 *
 * As of a date, the verification shows only when it is known to have held then: the latest update is the one
 * seen, and the milestone row (whose verdict it carries) has not changed since that day. Else UNVERIFIED.
 *
 * The milestone's own status, percent, actual dates and last_update_on cache the latest update of any
 * visibility: they are used when no update is hidden from the viewer (nor, as of a date, dated after it), and
 * the state is read from the visible status_update rows otherwise (the actual start then, as the write path
 * keeps it, from the latest such row that gives one). The cached verification likewise: with updates hidden,
 * it is the latest verdict on an update the viewer sees, when that update is still the latest they see and none
 * they see was recorded after the verdict (as of a date: given by then), else UNVERIFIED. So for those who may
 * not see an INTERNAL update, nothing here differs from a world where it was never recorded.
 *
 * Columns: milestone_id, commitment_id, action_plan_id, theme_id, weight, planned_end, status,
 * progress_percent, actual_start(_precision), actual_end(_precision), last_update_on, last_update_dated (false
 * when no source dates the latest visible update), verification, version (without the reports the viewer may
 * not see).
 */
export function milestoneStateSql(
  scope: ReadScope,
  where: string,
  options: MilestoneStateOptions = {},
): string {
  const hidden = (update: string) => `NOT ${scope.updateVisibleSql(update, 'c')}`;
  const late = (update: string) =>
    options.asOf ? `${update}.effective_date > ${options.asOf}::date` : 'false';
  // An update the state must not reflect: hidden from the viewer, or dated after asOf.
  const unseen = (update: string) => `${hidden(update)} OR ${late(update)}`;
  // Days are UTC days, as the request's today is.
  const dayEnd = options.asOf
    ? `((${options.asOf}::date + 1)::timestamp AT TIME ZONE 'UTC')`
    : null;
  // Latest first; PUBLIC and INTERNAL updates are in different chains, whose sequences do not compare.
  const latestFirst = (update: string) =>
    `${update}.effective_date DESC, ${update}.recorded_at DESC, ${update}.sequence DESC`;
  // The version counts the reports on the milestone (and one for a plan file's history): those the viewer
  // may not see are left out, so it moves only with what the viewer sees.
  const version = scope.seesEverything
    ? 'x.version'
    : `x.version - x.hidden_reports - CASE WHEN x.hidden_imports > 0 AND NOT x.visible_import
        THEN 1 ELSE 0 END`;
  // The verdict cached on the milestone belongs to the latest update of any visibility, and every update sets
  // it back to UNVERIFIED: right only when nothing is hidden. Else it is read from the verdicts on the updates
  // the viewer sees, as it would stand had the hidden updates never been recorded: it holds while its update is
  // the latest they see and none they see was recorded after it.
  const verdict = `CASE
      WHEN x.all_seen THEN CASE WHEN ${dayEnd ? `x.updated_at < ${dayEnd}` : 'true'}
        THEN x.verification ELSE 'UNVERIFIED' END
      WHEN x.late_count = 0 THEN COALESCE(j.verdict, 'UNVERIFIED')
      ELSE 'UNVERIFIED' END`;
  const cached = (column: string, fromUpdate = `v.${column}`) =>
    `CASE WHEN x.all_seen THEN x.${column} ELSE ${fromUpdate} END AS ${column}`;
  const seen = (update: string) => `${update}.id IS NOT NULL AND NOT (${unseen(update)})`;
  // One pass over the chosen milestones and their updates, grouped by milestone: the counts, and the ids of the
  // latest update seen (and the latest that gives an actual start). Its joins are all on keys, so the cost
  // grows with the plan whatever the planner estimates (no statistics right after a bulk load included).
  return `
    SELECT x.milestone_id, x.commitment_id, x.action_plan_id, x.theme_id, x.weight, x.planned_end,
      ${cached('status')}, ${cached('progress_percent')},
      ${cached('actual_start', 'st.actual_start')},
      ${cached('actual_start_precision', 'st.actual_start_precision')},
      ${cached('actual_end')}, ${cached('actual_end_precision')},
      ${cached('last_update_on', 'v.effective_date')},
      v.effective_date_known AS last_update_dated,
      ${verdict} AS verification,
      ${version} AS version
    FROM (
      SELECT m.id AS milestone_id, m.commitment_id, c.action_plan_id, c.theme_id, m.weight, m.planned_end,
        m.status, m.progress_percent, m.actual_start, m.actual_start_precision, m.actual_end,
        m.actual_end_precision, m.last_update_on, m.verification, m.updated_at, m.version,
        COUNT(su.id) FILTER (WHERE ${unseen('su')}) = 0 AS all_seen,
        COUNT(su.id) FILTER (WHERE NOT (${hidden('su')}) AND ${late('su')}) AS late_count,
        COUNT(su.id) FILTER (WHERE ${hidden('su')} AND su.origin = 'USER') AS hidden_reports,
        COUNT(su.id) FILTER (WHERE ${hidden('su')} AND su.origin = 'IMPORT') AS hidden_imports,
        COALESCE(bool_or(su.origin = 'IMPORT' AND NOT (${hidden('su')})), false) AS visible_import,
        MAX(su.recorded_at) FILTER (WHERE NOT (${hidden('su')})) AS seen_recorded_max,
        (array_agg(su.id ORDER BY ${latestFirst('su')}) FILTER (WHERE ${seen('su')}))[1] AS latest_id,
        (array_agg(su.id ORDER BY ${latestFirst('su')})
          FILTER (WHERE ${seen('su')} AND su.actual_start IS NOT NULL))[1] AS start_id
      FROM milestone m
      JOIN commitment c ON c.id = m.commitment_id
      LEFT JOIN status_update su ON su.milestone_id = m.id
      WHERE m.archived_at IS NULL AND c.archived_at IS NULL
        AND c.action_plan_id IN (${scope.visiblePlanIdsSql()}) AND (${where})
      GROUP BY m.id, c.id
    ) x
    LEFT JOIN status_update v ON v.id = x.latest_id
    LEFT JOIN status_update st ON st.id = x.start_id
    LEFT JOIN LATERAL (
      SELECT CASE WHEN judged.id = x.latest_id ${dayEnd ? `AND jv.recorded_at < ${dayEnd}` : ''}
          AND NOT (x.seen_recorded_max > jv.recorded_at)
        THEN jv.verdict END AS verdict
      FROM milestone_verification jv
      JOIN status_update judged ON judged.id = jv.status_update_id
      JOIN commitment c ON c.id = x.commitment_id
      WHERE NOT x.all_seen AND jv.milestone_id = x.milestone_id AND NOT (${hidden('judged')})
      ORDER BY jv.recorded_at DESC, jv.sequence DESC
      LIMIT 1
    ) j ON true`;
}

const MILESTONE_PERCENT = (s: string) => `CASE ${s}.status WHEN 'COMPLETED' THEN 100
  WHEN 'NOT_STARTED' THEN 0 WHEN 'IN_PROGRESS' THEN ${s}.progress_percent END::numeric`;

const STARTED = `('IN_PROGRESS', 'COMPLETED')`;

/**
 * The completion level from exact sums, as roll-up.ts gives it: `sum` out of `full` (100 % of the whole),
 * COMPLETE only when `allComplete`, at least LIMITED once `started`.
 */
export const COMPLETION_FROM = (
  reported: string,
  allComplete: string,
  sum: string,
  full: string,
  started: string,
) => `CASE WHEN NOT (${reported}) THEN 'NO_EVIDENCE' WHEN ${allComplete} THEN 'COMPLETE'
  WHEN 2 * ${sum} >= ${full} THEN 'SUBSTANTIAL' WHEN ${sum} > 0 OR ${started} THEN 'LIMITED'
  ELSE 'NOT_STARTED' END`;

/**
 * Commitment-level roll-up over the commitments chosen by `where` (a condition on `c`), from the milestone
 * state `states` (a CTE of `milestoneStateSql` over the same `where`: exactly those commitments). Columns:
 * commitment_id, action_plan_id, theme_id, percent, reported_percent, coverage, completion, weight and
 * reported_weight (non-cancelled, reported), milestone_count and reported_milestone_count.
 */
export function commitmentProgressSql(
  scope: ReadScope,
  where: string,
  states = MILESTONE_STATE,
): string {
  // One GROUP BY over the milestone states and one row per chosen commitment (so those without milestones are
  // there too): no join, so no plan the planner can misjudge.
  return `
    SELECT r.commitment_id, r.action_plan_id, r.theme_id,
      CASE WHEN r.with_percent > 0 THEN round(r.total / r.active, 1) END AS percent,
      CASE WHEN r.with_percent > 0 THEN round(r.total / r.with_percent, 1) END AS reported_percent,
      CASE WHEN r.active > 0 THEN round(r.reported / r.active, 3) END AS coverage,
      ${COMPLETION_FROM('r.reported > 0', 'r.total = 100 * r.active', 'r.total', '100 * r.active', 'r.started')} AS completion,
      r.active AS weight, r.reported AS reported_weight, r.milestone_count, r.reported_milestone_count
    FROM (
      SELECT s.commitment_id, s.action_plan_id, s.theme_id,
        COALESCE(SUM(s.weight * s.pct), 0) AS total,
        SUM(s.weight) FILTER (WHERE s.pct IS NOT NULL) AS with_percent,
        COALESCE(SUM(s.weight) FILTER (WHERE s.status <> 'CANCELLED'), 0) AS reported,
        COALESCE(SUM(s.weight) FILTER (WHERE s.status IS DISTINCT FROM 'CANCELLED'), 0) AS active,
        COUNT(s.milestone_id) FILTER (WHERE s.status IS DISTINCT FROM 'CANCELLED') AS milestone_count,
        COUNT(*) FILTER (WHERE s.status <> 'CANCELLED') AS reported_milestone_count,
        COALESCE(bool_or(s.status IN ${STARTED}), false) AS started
      FROM (
        SELECT st.milestone_id, st.commitment_id, st.action_plan_id, st.theme_id, st.weight, st.status,
          ${MILESTONE_PERCENT('st')} AS pct
        FROM ${states} st
        UNION ALL
        SELECT NULL, c.id, c.action_plan_id, c.theme_id, NULL, NULL, NULL
        FROM commitment c
        WHERE c.archived_at IS NULL AND c.action_plan_id IN (${scope.visiblePlanIdsSql()}) AND (${where})
      ) s
      GROUP BY s.commitment_id, s.action_plan_id, s.theme_id
    ) r`;
}

/** Milestone flag conditions on the milestone state `s` as of the date in parameter `param`. */
export function milestoneFlagSql(flag: MilestoneFlag, param: string, s = 's'): string {
  const open = `(${s}.status IS NULL OR ${s}.status IN ('NOT_STARTED', 'IN_PROGRESS'))`;
  switch (flag) {
    case MilestoneFlag.OVERDUE:
      return `(${open} AND ${s}.planned_end < ${param}::date)`;
    case MilestoneFlag.DUE_SOON:
      return `(${open} AND ${s}.planned_end BETWEEN ${param}::date AND ${param}::date + ${DUE_SOON_DAYS})`;
    case MilestoneFlag.STALE:
      return `(${s}.status = 'IN_PROGRESS' AND ${s}.last_update_on < ${param}::date - ${STALE_DAYS})`;
  }
}

/** `milestoneStateSql` options for a read as of `asOf` (null: the current state). */
export function asOfOptions(asOf: string | null): MilestoneStateOptions {
  return asOf === null ? {} : { asOf: `:${AS_OF_PARAMETER}` };
}

/** The parameters `asOfOptions` refers to. */
export function asOfParameters(asOf: string | null): Record<string, unknown> {
  return asOf === null ? {} : { [AS_OF_PARAMETER]: asOf };
}
