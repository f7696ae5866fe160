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
  const cached = (column: string, fromUpdate = `v.${column}`) =>
    `CASE WHEN k.all_seen THEN m.${column} ELSE ${fromUpdate} END AS ${column}`;
  // Latest first; PUBLIC and INTERNAL updates are in different chains, whose sequences do not compare.
  const latestFirst = (update: string) =>
    `${update}.effective_date DESC, ${update}.recorded_at DESC, ${update}.sequence DESC`;
  // The milestone's cached verdict belongs to the latest update of any visibility, and every update sets it
  // back to UNVERIFIED: right only when nothing is hidden. Else the verdict is read from the verdicts on the
  // updates the viewer sees, as it would stand had the hidden updates never been recorded.
  const verdict = `CASE
      WHEN k.all_seen THEN CASE WHEN ${dayEnd ? `m.updated_at < ${dayEnd}` : 'true'}
        THEN m.verification ELSE 'UNVERIFIED' END
      WHEN k.late_count = 0 THEN COALESCE(vv.verdict, 'UNVERIFIED')
      ELSE 'UNVERIFIED' END`;
  // The version counts the reports on the milestone (and one for a plan file's history): those the viewer
  // may not see are left out, so it moves only with what the viewer sees.
  const version = scope.seesEverything
    ? 'm.version'
    : `m.version - k.hidden_reports - CASE WHEN k.hidden_imports > 0 AND NOT EXISTS (
        SELECT 1 FROM status_update i WHERE i.milestone_id = m.id AND i.origin = 'IMPORT'
          AND NOT (${hidden('i')})) THEN 1 ELSE 0 END`;
  return `
    SELECT m.id AS milestone_id, m.commitment_id, c.action_plan_id, c.theme_id, m.weight, m.planned_end,
      ${cached('status')}, ${cached('progress_percent')},
      ${cached('actual_start', 'st.actual_start')},
      ${cached('actual_start_precision', 'st.actual_start_precision')},
      ${cached('actual_end')}, ${cached('actual_end_precision')},
      ${cached('last_update_on', 'v.effective_date')},
      v.effective_date_known AS last_update_dated,
      ${verdict} AS verification,
      ${version} AS version
    FROM milestone m
    JOIN commitment c ON c.id = m.commitment_id
    LEFT JOIN LATERAL (
      SELECT su.id, su.status, su.progress_percent, su.actual_start, su.actual_start_precision, su.actual_end,
        su.actual_end_precision, su.effective_date, su.effective_date_known, su.sequence
      FROM status_update su
      WHERE su.milestone_id = m.id AND NOT (${unseen('su')})
      ORDER BY ${latestFirst('su')}
      LIMIT 1
    ) v ON true
    CROSS JOIN LATERAL (
      SELECT COUNT(*) FILTER (WHERE ${unseen('h')}) = 0 AS all_seen,
        COUNT(*) FILTER (WHERE NOT (${hidden('h')}) AND ${late('h')}) AS late_count,
        COUNT(*) FILTER (WHERE ${hidden('h')} AND h.origin = 'USER') AS hidden_reports,
        COUNT(*) FILTER (WHERE ${hidden('h')} AND h.origin = 'IMPORT') AS hidden_imports
      FROM status_update h
      WHERE h.milestone_id = m.id
    ) k
    LEFT JOIN LATERAL (
      SELECT a.actual_start, a.actual_start_precision
      FROM status_update a
      WHERE NOT k.all_seen AND a.milestone_id = m.id AND a.actual_start IS NOT NULL
        AND NOT (${unseen('a')})
      ORDER BY ${latestFirst('a')}
      LIMIT 1
    ) st ON true
    LEFT JOIN LATERAL (
      SELECT CASE WHEN judged.id = v.id ${dayEnd ? `AND j.recorded_at < ${dayEnd}` : ''}
          AND NOT EXISTS (SELECT 1 FROM status_update r WHERE r.milestone_id = m.id
            AND NOT (${hidden('r')}) AND r.recorded_at > j.recorded_at)
        THEN j.verdict END AS verdict
      FROM milestone_verification j JOIN status_update judged ON judged.id = j.status_update_id
      WHERE NOT k.all_seen AND j.milestone_id = m.id AND NOT (${hidden('judged')})
      ORDER BY j.recorded_at DESC, j.sequence DESC
      LIMIT 1
    ) vv ON true
    WHERE m.archived_at IS NULL AND c.archived_at IS NULL
      AND c.action_plan_id IN (${scope.visiblePlanIdsSql()}) AND (${where})`;
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
 * state `states` (a CTE of `milestoneStateSql` that covers at least those commitments). Columns:
 * commitment_id, action_plan_id, theme_id, percent, reported_percent, coverage, completion, weight and
 * reported_weight (non-cancelled, reported), milestone_count and reported_milestone_count.
 */
export function commitmentProgressSql(
  scope: ReadScope,
  where: string,
  states = MILESTONE_STATE,
): string {
  return `
    SELECT c.id AS commitment_id, c.action_plan_id, c.theme_id,
      CASE WHEN r.with_percent > 0 THEN round(r.total / r.active, 1) END AS percent,
      CASE WHEN r.with_percent > 0 THEN round(r.total / r.with_percent, 1) END AS reported_percent,
      CASE WHEN r.active > 0 THEN round(r.reported / r.active, 3) END AS coverage,
      ${COMPLETION_FROM(
        'COALESCE(r.reported, 0) > 0',
        'r.total = 100 * r.active',
        'r.total',
        '100 * r.active',
        'r.started',
      )} AS completion,
      COALESCE(r.active, 0) AS weight, COALESCE(r.reported, 0) AS reported_weight,
      COALESCE(r.milestone_count, 0) AS milestone_count,
      COALESCE(r.reported_milestone_count, 0) AS reported_milestone_count
    FROM commitment c
    LEFT JOIN (
      SELECT s.commitment_id,
        COALESCE(SUM(s.weight * p.pct), 0) AS total,
        SUM(s.weight) FILTER (WHERE p.pct IS NOT NULL) AS with_percent,
        COALESCE(SUM(s.weight) FILTER (WHERE s.status <> 'CANCELLED'), 0) AS reported,
        COALESCE(SUM(s.weight) FILTER (WHERE s.status IS DISTINCT FROM 'CANCELLED'), 0) AS active,
        COUNT(*) FILTER (WHERE s.status IS DISTINCT FROM 'CANCELLED') AS milestone_count,
        COUNT(*) FILTER (WHERE s.status <> 'CANCELLED') AS reported_milestone_count,
        COALESCE(bool_or(s.status IN ${STARTED}), false) AS started
      FROM ${states} s CROSS JOIN LATERAL (SELECT ${MILESTONE_PERCENT('s')} AS pct) p
      GROUP BY s.commitment_id
    ) r ON r.commitment_id = c.id
    WHERE c.archived_at IS NULL AND c.action_plan_id IN (${scope.visiblePlanIdsSql()}) AND (${where})`;
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
