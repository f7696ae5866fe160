/*
 * The roll-up exactly as product.md writes it, worked out again here on purpose: end-to-end tests recompute the
 * API's figures with it, so it must not share code with @ogp/common. Plain floating point with a rounding
 * guard is enough for the plans tests use.
 */

export interface RuleMilestone {
  status: string | null;
  progressPercent: number | null;
  weight: number;
}

export interface RuleFigures {
  percent: number | null;
  reportedPercent: number | null;
  coverage: number | null;
  milestoneCoverage: number | null;
  completion: string;
  milestoneCount: number;
  reportedMilestoneCount: number;
}

export interface RuleCommitment extends RuleFigures {
  weight: number;
  reportedWeight: number;
}

export interface RuleAggregate extends RuleFigures {
  commitmentCount: number;
  reportedCount: number;
  completionCounts: { completion: string; count: number }[];
}

export const LEVELS = ['NO_EVIDENCE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];

/** Half up, to `decimals` places; the guard keeps 12.35 (binary 12.3499...) from rounding down. */
export function halfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 0.5 + 1e-7) / scale;
}

/** COMPLETED 100, NOT_STARTED 0, IN_PROGRESS its percent; never reported, cancelled or no figure: none. */
function milestonePercent(m: RuleMilestone): number | null {
  if (m.status === 'COMPLETED') return 100;
  if (m.status === 'NOT_STARTED') return 0;
  if (m.status === 'IN_PROGRESS') return m.progressPercent;
  return null;
}

function level(exact: number, started: boolean): string {
  if (exact >= 50) return 'SUBSTANTIAL';
  if (exact > 0 || started) return 'LIMITED';
  return 'NOT_STARTED';
}

export function commitmentByRule(milestones: readonly RuleMilestone[]): RuleCommitment {
  const counted = milestones.filter((m) => m.status !== 'CANCELLED');
  const reported = counted.filter((m) => m.status !== null);
  const withPercent = reported.filter((m) => milestonePercent(m) !== null);
  const weightOf = (list: RuleMilestone[]) => list.reduce((sum, m) => sum + m.weight, 0);
  const sum = withPercent.reduce((total, m) => total + m.weight * milestonePercent(m)!, 0);
  const weight = weightOf(counted);
  const reportedWeight = weightOf(reported);
  const coverage = weight > 0 ? halfUp(reportedWeight / weight, 3) : null;
  let completion: string;
  if (reported.length === 0) completion = 'NO_EVIDENCE';
  else if (reported.length === counted.length && reported.every((m) => m.status === 'COMPLETED'))
    completion = 'COMPLETE';
  else
    completion = level(
      sum / weight,
      reported.some((m) => m.status === 'IN_PROGRESS' || m.status === 'COMPLETED'),
    );
  return {
    percent: withPercent.length ? halfUp(sum / weight, 1) : null,
    reportedPercent: withPercent.length ? halfUp(sum / weightOf(withPercent), 1) : null,
    coverage,
    milestoneCoverage: coverage,
    completion,
    milestoneCount: counted.length,
    reportedMilestoneCount: reported.length,
    weight,
    reportedWeight,
  };
}

export function aggregateByRule(commitments: readonly RuleCommitment[]): RuleAggregate {
  const n = commitments.length;
  const shown = commitments.filter((c) => c.percent !== null);
  const sum = shown.reduce((total, c) => total + c.percent!, 0);
  const count = (level: string) => commitments.filter((c) => c.completion === level).length;
  const reportedCount = n - count('NO_EVIDENCE');
  const weight = commitments.reduce((total, c) => total + c.weight, 0);
  const reportedWeight = commitments.reduce((total, c) => total + c.reportedWeight, 0);
  let completion: string;
  if (reportedCount === 0) completion = 'NO_EVIDENCE';
  else if (count('COMPLETE') === n) completion = 'COMPLETE';
  else completion = level(sum / n, count('LIMITED') + count('SUBSTANTIAL') + count('COMPLETE') > 0);
  return {
    percent: shown.length ? halfUp(sum / n, 1) : null,
    reportedPercent: shown.length ? halfUp(sum / shown.length, 1) : null,
    coverage: n ? halfUp(reportedCount / n, 3) : null,
    milestoneCoverage: weight > 0 ? halfUp(reportedWeight / weight, 3) : null,
    completion,
    milestoneCount: commitments.reduce((total, c) => total + c.milestoneCount, 0),
    reportedMilestoneCount: commitments.reduce((total, c) => total + c.reportedMilestoneCount, 0),
    commitmentCount: n,
    reportedCount,
    completionCounts: LEVELS.map((completion) => ({ completion, count: count(completion) })),
  };
}

/** The GraphQL selection of every Progress field the rule gives. */
export const RULE_FIELDS = `percent reportedPercent coverage milestoneCoverage completion milestoneCount
  reportedMilestoneCount commitmentCount reportedCount completionCounts { completion count }`;

/** A commitment's figures as the API answers them (no counts: those are for themes, agencies, plans). */
export function asCommitmentAnswer(c: RuleCommitment) {
  const { weight: _weight, reportedWeight: _reported, ...figures } = c;
  return { ...figures, commitmentCount: null, reportedCount: null, completionCounts: null };
}
