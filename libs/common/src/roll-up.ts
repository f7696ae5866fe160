import { Completion, MilestoneStatus } from './enums';

/*
 * The roll-up: a figure counts what reports show, as the IRM counts what evidence shows. A milestone nobody
 * reported adds nothing and is never given a status; a cancelled one is left out of every figure. The SQL read
 * side (libs/domain/src/milestones/milestone-state.sql.ts) computes the same figures in the database; an
 * integration test holds the two equal.
 *
 * The arithmetic is exact: weights are held to thousandths (as the database holds them) and percents are whole
 * numbers (milestones) or tenths (commitments), so every sum is a whole number and rounding half up never meets
 * binary error.
 */

export interface MilestoneProgressInput {
  /** null = never reported. */
  status: MilestoneStatus | null;
  /** null for CANCELLED, and for IN_PROGRESS reports that give no figure (a source says "in progress"). */
  progressPercent: number | null;
}

export interface WeightedMilestoneInput extends MilestoneProgressInput {
  /** Positive; 1 unless the plan says a milestone is a bigger share of the work. */
  weight: number;
}

export interface Progress {
  /**
   * Evidence-backed percent, rounded half up to one decimal: what reports show over everything that is not
   * cancelled, unreported work counting for nothing. null = no data (never shown as 0 %).
   */
  percent: number | null;
  /** The mean of what was reported (unreported work left out), rounded half up to one decimal. */
  reportedPercent: number | null;
  /**
   * Share (0-1) that is reported, rounded half up to three decimals (one decimal as a percent): of the
   * non-cancelled milestone weight for a commitment, of the commitments for a theme, agency or plan.
   */
  coverage: number | null;
  /** Share (0-1) of the non-cancelled milestone weight that is reported, three decimals. */
  milestoneCoverage: number | null;
  /** The IRM completion level, judged on the exact (unrounded) figure. */
  completion: Completion;
  /** Milestones that are not cancelled. */
  milestoneCount: number;
  /** Of those, the ones reported. */
  reportedMilestoneCount: number;
}

export interface CommitmentProgress extends Progress {
  /** Weight of the milestones that are not cancelled, and of those reported (for milestone coverage above). */
  weight: number;
  reportedWeight: number;
}

export interface AggregateProgress extends Progress {
  commitmentCount: number;
  /** Commitments with any milestone reported (completion other than NO_EVIDENCE). */
  reportedCount: number;
  /** Every level is present, zeros included, so a chart or table never misses a row. */
  completionCounts: Record<Completion, number>;
}

/** A commitment as aggregateProgress takes it: what commitmentProgress gives. */
export type CommitmentRollUpInput = Pick<
  CommitmentProgress,
  | 'percent'
  | 'completion'
  | 'weight'
  | 'reportedWeight'
  | 'milestoneCount'
  | 'reportedMilestoneCount'
>;

/** Completion levels from lowest to highest; a first report never moves a commitment down this order. */
export const COMPLETION_RANK: readonly Completion[] = [
  Completion.NO_EVIDENCE,
  Completion.NOT_STARTED,
  Completion.LIMITED,
  Completion.SUBSTANTIAL,
  Completion.COMPLETE,
];

const WEIGHT_UNITS = 1000;

/** numerator / denominator (whole numbers, denominator > 0) rounded half up to `decimals`, exactly. */
function ratio(numerator: number, denominator: number, decimals: 1 | 3): number {
  const scale = 10n ** BigInt(decimals);
  const twice = 2n * BigInt(denominator);
  return Number((2n * BigInt(numerator) * scale + BigInt(denominator)) / twice) / Number(scale);
}

function weightUnits(weight: number): number {
  if (!Number.isFinite(weight) || weight <= 0) {
    throw new RangeError(`A milestone's weight must be a positive number, got ${weight}`);
  }
  const units = Math.round(weight * WEIGHT_UNITS);
  if (units === 0)
    throw new RangeError(`A milestone's weight must be at least 0.001, got ${weight}`);
  return units;
}

/**
 * A milestone's percent: COMPLETED 100, NOT_STARTED 0, IN_PROGRESS its reported percent (a whole number 0-99).
 * null (adds nothing) for CANCELLED, never reported, and IN_PROGRESS with no figure.
 */
export function milestonePercent({
  status,
  progressPercent,
}: MilestoneProgressInput): number | null {
  switch (status) {
    case null:
    case MilestoneStatus.CANCELLED:
      return null;
    case MilestoneStatus.COMPLETED:
      return 100;
    case MilestoneStatus.NOT_STARTED:
      return 0;
    case MilestoneStatus.IN_PROGRESS:
      if (progressPercent === null) return null;
      // Out-of-range data would silently skew every figure above it; fail loudly instead.
      if (!Number.isInteger(progressPercent) || progressPercent < 0 || progressPercent > 99) {
        throw new RangeError(
          `An IN_PROGRESS milestone's progressPercent must be a whole number 0 to 99, got ${progressPercent}`,
        );
      }
      return progressPercent;
    default:
      throw new RangeError(`Unknown milestone status ${String(status)}`);
  }
}

/** The IRM level of an exact percent alone: null NO_EVIDENCE, 0 NOT_STARTED, under 50 LIMITED, ... */
export function completionOf(percent: number | null): Completion {
  if (percent === null) return Completion.NO_EVIDENCE;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`A percent must be 0 to 100, got ${percent}`);
  }
  if (percent === 0) return Completion.NOT_STARTED;
  if (percent < 50) return Completion.LIMITED;
  if (percent < 100) return Completion.SUBSTANTIAL;
  return Completion.COMPLETE;
}

/**
 * The level from exact sums: `sum` out of `full` (full = 100 % x whole), COMPLETE only when `allComplete`, and
 * at least LIMITED once anything is under way or done (`started`).
 */
function levelOf(
  sum: number,
  full: number,
  { reported, started, allComplete }: { reported: boolean; started: boolean; allComplete: boolean },
): Completion {
  if (!reported) return Completion.NO_EVIDENCE;
  if (allComplete) return Completion.COMPLETE;
  if (2 * sum >= full) return Completion.SUBSTANTIAL;
  if (sum > 0 || started) return Completion.LIMITED;
  return Completion.NOT_STARTED;
}

/** What a commitment's figures rest on, in whole numbers (weights in thousandths). */
export interface CommitmentSums {
  /** Reported milestones that carry a percent, in input order: the terms of the sum. */
  terms: { weight: number; percent: number }[];
  /** sum(weight units x percent) over those terms. */
  sum: number;
  /** Weight units of the terms, of every reported milestone, and of every non-cancelled one. */
  percentUnits: number;
  reportedUnits: number;
  units: number;
  milestoneCount: number;
  reportedMilestoneCount: number;
  /** Any milestone reported IN_PROGRESS or COMPLETED. */
  started: boolean;
}

export function commitmentSums(milestones: readonly WeightedMilestoneInput[]): CommitmentSums {
  const sums: CommitmentSums = {
    terms: [],
    sum: 0,
    percentUnits: 0,
    reportedUnits: 0,
    units: 0,
    milestoneCount: 0,
    reportedMilestoneCount: 0,
    started: false,
  };
  for (const milestone of milestones) {
    const units = weightUnits(milestone.weight);
    const percent = milestonePercent(milestone);
    if (milestone.status === MilestoneStatus.CANCELLED) continue;
    sums.units += units;
    sums.milestoneCount += 1;
    if (milestone.status === null) continue;
    sums.reportedUnits += units;
    sums.reportedMilestoneCount += 1;
    if (milestone.status !== MilestoneStatus.NOT_STARTED) sums.started = true;
    if (percent === null) continue;
    sums.terms.push({ weight: units / WEIGHT_UNITS, percent });
    sums.sum += units * percent;
    sums.percentUnits += units;
  }
  return sums;
}

/**
 * A commitment's progress. percent = sum(weight x percent) over reported milestones / sum(weight) over all
 * non-cancelled ones; reportedPercent = the same sum / the weight of the reported milestones that give a
 * percent; coverage = reported weight / non-cancelled weight. Nothing reported: no data (NO_EVIDENCE).
 */
export function commitmentProgress(
  milestones: readonly WeightedMilestoneInput[],
): CommitmentProgress {
  const s = commitmentSums(milestones);
  const withPercent = s.percentUnits > 0;
  const coverage = s.units === 0 ? null : ratio(s.reportedUnits, s.units, 3);
  return {
    percent: withPercent ? ratio(s.sum, s.units, 1) : null,
    reportedPercent: withPercent ? ratio(s.sum, s.percentUnits, 1) : null,
    coverage,
    milestoneCoverage: coverage,
    completion: levelOf(s.sum, 100 * s.units, {
      reported: s.reportedUnits > 0,
      started: s.started,
      // Only COMPLETED gives 100, so this holds exactly when every non-cancelled milestone is COMPLETED.
      allComplete: s.units > 0 && s.sum === 100 * s.units,
    }),
    milestoneCount: s.milestoneCount,
    reportedMilestoneCount: s.reportedMilestoneCount,
    weight: s.units / WEIGHT_UNITS,
    reportedWeight: s.reportedUnits / WEIGHT_UNITS,
  };
}

function emptyCounts(): Record<Completion, number> {
  return {
    [Completion.NO_EVIDENCE]: 0,
    [Completion.NOT_STARTED]: 0,
    [Completion.LIMITED]: 0,
    [Completion.SUBSTANTIAL]: 0,
    [Completion.COMPLETE]: 0,
  };
}

function percentTenths(percent: number): number {
  completionOf(percent); // range check only
  return Math.round(percent * 10);
}

/**
 * The percent of a theme, agency or plan from its commitments' (shown) percents: their sum / the number of
 * commitments, one with no percent adding nothing. null when none has a percent.
 */
export function aggregatePercent(percents: readonly (number | null)[]): number | null {
  const shown = percents.filter((percent): percent is number => percent !== null);
  if (shown.length === 0) return null;
  const tenths = shown.reduce((sum, percent) => sum + percentTenths(percent), 0);
  return ratio(tenths, 10 * percents.length, 1);
}

/**
 * Theme, agency and plan progress. First the count of commitments at each completion level; percent = sum of
 * the commitments' (shown) evidence-backed percents / number of commitments, each counting once as OGP counts
 * commitments and one with no data adding nothing; reportedPercent = that sum / the commitments with a
 * percent; coverage = reported commitments / commitments; milestoneCoverage = reported / non-cancelled
 * milestone weight over all of them. COMPLETE only when every commitment is.
 */
export function aggregateProgress(
  commitments: readonly CommitmentRollUpInput[],
): AggregateProgress {
  const completionCounts = emptyCounts();
  let tenths = 0;
  let withPercent = 0;
  let units = 0;
  let reportedUnits = 0;
  let milestoneCount = 0;
  let reportedMilestoneCount = 0;
  for (const commitment of commitments) {
    completionCounts[commitment.completion] += 1;
    if (commitment.percent !== null) {
      tenths += percentTenths(commitment.percent);
      withPercent += 1;
    }
    units += Math.round(commitment.weight * WEIGHT_UNITS);
    reportedUnits += Math.round(commitment.reportedWeight * WEIGHT_UNITS);
    milestoneCount += commitment.milestoneCount;
    reportedMilestoneCount += commitment.reportedMilestoneCount;
  }
  const count = commitments.length;
  const reportedCount = count - completionCounts[Completion.NO_EVIDENCE];
  const startedCount =
    completionCounts[Completion.LIMITED] +
    completionCounts[Completion.SUBSTANTIAL] +
    completionCounts[Completion.COMPLETE];
  return {
    percent: withPercent > 0 ? ratio(tenths, 10 * count, 1) : null,
    reportedPercent: withPercent > 0 ? ratio(tenths, 10 * withPercent, 1) : null,
    coverage: count === 0 ? null : ratio(reportedCount, count, 3),
    milestoneCoverage: units === 0 ? null : ratio(reportedUnits, units, 3),
    completion: levelOf(tenths, 1000 * count, {
      reported: reportedCount > 0,
      started: startedCount > 0,
      allComplete: count > 0 && completionCounts[Completion.COMPLETE] === count,
    }),
    milestoneCount,
    reportedMilestoneCount,
    commitmentCount: count,
    reportedCount,
    completionCounts,
  };
}
