import { Completion, MilestoneStatus } from './enums';

export interface MilestoneProgressInput {
  /** null = never reported. */
  status: MilestoneStatus | null;
  /** null for CANCELLED, and for historic IN_PROGRESS updates that no source gives a figure for. */
  progressPercent: number | null;
}

export interface WeightedMilestoneInput extends MilestoneProgressInput {
  /** Positive; 1 unless the plan says a milestone is a bigger share of the work. */
  weight: number;
}

export interface Progress {
  /** Floored to one decimal; null = no data (never shown as 0 %). */
  percent: number | null;
  /** Share (0-1) of the weight, or of the commitments, that the percent rests on; floored to 3 decimals. */
  coverage: number | null;
  /** From the exact, unfloored percent. */
  completion: Completion;
}

export interface AggregateProgress extends Progress {
  commitmentCount: number;
  /** Commitments with a percent. */
  reportedCount: number;
  /** Every level is present, zeros included, so a chart or table never misses a row. */
  completionCounts: Record<Completion, number>;
}

/** A commitment as aggregateProgress takes it when its completion is known (see aggregateProgress). */
export interface CommitmentProgressInput {
  percent: number | null;
  completion: Completion;
}

// The SQL read side floors the same way. The epsilon absorbs binary error (0.7 * 10 = 6.9999...) without
// lifting a value that really lies below the next step: with whole weights it lies at least 1 / total weight
// below it.
function floorTo(value: number, decimals: 1 | 3): number {
  const scale = decimals === 1 ? 10 : 1000;
  return Math.floor(value * scale + 1e-9) / scale;
}

/** The percent floored to one decimal, as every progress figure is shown. */
export function floorPercent(value: number): number {
  return floorTo(value, 1);
}

/** A coverage share floored to three decimals. */
export function floorCoverage(value: number): number {
  return floorTo(value, 3);
}

// A weighted mean of equal values must be that value exactly (0.1 + 0.2 weights would give 99.999... for all
// COMPLETED, and so SUBSTANTIAL); keeping the mean inside [min, max] of its values guarantees it.
function boundedMean(values: readonly number[], weights?: readonly number[]): number {
  let sum = 0;
  let totalWeight = 0;
  let min = Infinity;
  let max = -Infinity;
  values.forEach((value, index) => {
    const weight = weights ? weights[index] : 1;
    sum += weight * value;
    totalWeight += weight;
    min = Math.min(min, value);
    max = Math.max(max, value);
  });
  return Math.min(Math.max(sum / totalWeight, min), max);
}

/**
 * A milestone's contribution to the average: COMPLETED 100, NOT_STARTED 0, IN_PROGRESS its percent (0-99).
 * null (left out) for CANCELLED, never reported, and IN_PROGRESS with no known percent.
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
      if (!Number.isFinite(progressPercent) || progressPercent < 0 || progressPercent > 99) {
        throw new RangeError(
          `An IN_PROGRESS milestone's progressPercent must be 0 to 99, got ${progressPercent}`,
        );
      }
      return progressPercent;
    default:
      throw new RangeError(`Unknown milestone status ${String(status)}`);
  }
}

/** The IRM completion level of a percent: null NO_EVIDENCE, 0 NOT_STARTED, under 50 LIMITED, ... */
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

function requireWeight(weight: number): number {
  if (!Number.isFinite(weight) || weight <= 0) {
    throw new RangeError(`A milestone's weight must be a positive number, got ${weight}`);
  }
  return weight;
}

interface CommitmentSums {
  /** Milestones that count, in input order. */
  counted: { weight: number; percent: number }[];
  countedWeight: number;
  nonCancelledWeight: number;
  exact: number | null;
}

function sumCommitment(milestones: readonly WeightedMilestoneInput[]): CommitmentSums {
  const counted: { weight: number; percent: number }[] = [];
  let countedWeight = 0;
  let nonCancelledWeight = 0;
  for (const milestone of milestones) {
    const weight = requireWeight(milestone.weight);
    if (milestone.status !== MilestoneStatus.CANCELLED) nonCancelledWeight += weight;
    const percent = milestonePercent(milestone);
    if (percent === null) continue;
    counted.push({ weight, percent });
    countedWeight += weight;
  }
  const exact =
    counted.length === 0
      ? null
      : boundedMean(
          counted.map((entry) => entry.percent),
          counted.map((entry) => entry.weight),
        );
  return { counted, countedWeight, nonCancelledWeight, exact };
}

/**
 * A commitment's progress: the weighted mean of its counted milestones, and the share of the non-cancelled
 * weight that the mean rests on.
 */
export function commitmentProgress(milestones: readonly WeightedMilestoneInput[]): Progress {
  const { countedWeight, nonCancelledWeight, exact } = sumCommitment(milestones);
  return {
    percent: exact === null ? null : floorPercent(exact),
    coverage: nonCancelledWeight === 0 ? null : floorCoverage(countedWeight / nonCancelledWeight),
    completion: completionOf(exact),
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

/**
 * Theme, agency and plan progress: the plain mean of the commitments' displayed percents (each commitment
 * counts once, as OGP counts commitments), the share of commitments with a percent, and how many commitments
 * sit at each completion level.
 *
 * Pass the commitments' Progress (or { percent, completion }) rather than bare percents when you have it: a
 * commitment at exactly 0.05 % shows 0.0 but is LIMITED, and only its own completion knows that.
 */
export function aggregateProgress(
  commitments: readonly (number | null | CommitmentProgressInput)[],
): AggregateProgress {
  const completionCounts = emptyCounts();
  const percents: number[] = [];
  for (const commitment of commitments) {
    const percent =
      typeof commitment === 'object' && commitment !== null ? commitment.percent : commitment;
    const completion =
      typeof commitment === 'object' && commitment !== null
        ? commitment.completion
        : completionOf(commitment);
    if (percent !== null) {
      completionOf(percent); // range check only
      percents.push(percent);
    }
    completionCounts[completion] += 1;
  }
  const exact = percents.length === 0 ? null : boundedMean(percents);
  return {
    percent: exact === null ? null : floorPercent(exact),
    coverage: commitments.length === 0 ? null : floorCoverage(percents.length / commitments.length),
    completion: completionOf(exact),
    commitmentCount: commitments.length,
    reportedCount: percents.length,
    completionCounts,
  };
}

/** The roll-up rules in plain words, printed beside the figures so anyone can recompute them. */
export const ROLL_UP_RULES: { da: string; en: string } = {
  da:
    'En milepæl tæller 100 %, når den er gennemført, 0 %, når den ikke er påbegyndt, og den rapporterede ' +
    'procent (0-99), mens den er i gang. Annullerede milepæle, milepæle, der aldrig er rapporteret, og ' +
    'igangværende milepæle uden en kendt procent tæller ikke med. Et initiativs procent er det vægtede ' +
    'gennemsnit af de milepæle, der tæller med: sum(vægt × procent) / sum(vægt). Dækningen er deres vægt ' +
    'divideret med vægten af alle milepæle, der ikke er annulleret. Tæller ingen milepæle med, vises ' +
    '"Ingen data", aldrig 0 %. Gennemførelsesgraden følger IRM-skalaen: 0 ikke påbegyndt, over 0 og under ' +
    '50 begrænset, 50 til under 100 væsentlig, 100 fuldført. Et temas, en myndigheds og en handlingsplans ' +
    'procent er gennemsnittet af initiativernes procenter (hvert initiativ tæller én gang), og dækningen er ' +
    'andelen af initiativer med en procent. Procenter afkortes (rundes ikke op) til én decimal og dækning ' +
    'til tre; gennemførelsesgraden bestemmes af den nøjagtige værdi.',
  en:
    'A milestone counts 100 % when completed, 0 % when not started and its reported percent (0-99) while in ' +
    'progress. Cancelled milestones, milestones never reported and in-progress milestones with no known ' +
    "percent are left out. A commitment's percent is the weighted mean of the milestones that count: " +
    'sum(weight × percent) / sum(weight). Its coverage is their weight divided by the weight of all ' +
    'milestones that are not cancelled. When no milestone counts, it shows "No data", never 0 %. Completion ' +
    'follows the IRM scale: 0 not started, above 0 and under 50 limited, 50 to under 100 substantial, 100 ' +
    "complete. A theme's, agency's or plan's percent is the mean of its commitments' percents (each " +
    'commitment counts once), and its coverage is the share of commitments with a percent. Percents are cut ' +
    '(never rounded up) to one decimal and coverage to three; completion is judged on the exact value.',
};

function formatNumber(value: number, locale: 'da' | 'en', decimals?: number): string {
  const text = decimals === undefined ? String(Number(value.toFixed(3))) : value.toFixed(decimals);
  return locale === 'da' ? text.replace('.', ',') : text;
}

/**
 * The commitment formula with its numbers filled in, e.g.
 * "(1 × 100 + 2 × 40) / 3 = 60.0 %; coverage 3 of 4 weight".
 */
export function describeCommitmentProgress(
  milestones: readonly WeightedMilestoneInput[],
  locale: 'da' | 'en',
): string {
  const { counted, countedWeight, nonCancelledWeight, exact } = sumCommitment(milestones);
  const da = locale === 'da';
  if (nonCancelledWeight === 0) {
    return da
      ? 'Ingen data: ingen milepæle, der ikke er annulleret'
      : 'No data: no milestones that are not cancelled';
  }
  const coverage = da
    ? `dækning: vægt ${formatNumber(countedWeight, locale)} af ${formatNumber(nonCancelledWeight, locale)}`
    : `coverage ${formatNumber(countedWeight, locale)} of ${formatNumber(nonCancelledWeight, locale)} weight`;
  if (exact === null) {
    return da
      ? `Ingen data: ingen milepæle med en kendt procent; ${coverage}`
      : `No data: no milestone with a known percent; ${coverage}`;
  }
  const terms = counted
    .map(
      ({ weight, percent }) => `${formatNumber(weight, locale)} × ${formatNumber(percent, locale)}`,
    )
    .join(' + ');
  const result = formatNumber(floorPercent(exact), locale, 1);
  return `(${terms}) / ${formatNumber(countedWeight, locale)} = ${result} %; ${coverage}`;
}
