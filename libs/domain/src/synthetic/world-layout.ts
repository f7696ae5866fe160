import { Prng, apportion } from './prng';

/** What scale 1 holds, besides the large plans: 80 countries, 400 plans, 6,000 commitments. */
export const WORLD_AT_SCALE_1 = { countries: 80, plans: 400, commitments: 6_000 } as const;
/** Every commitment has 5 milestones and every milestone 10 status updates on average, exactly in sum. */
export const MILESTONES_PER_COMMITMENT = 5;
export const UPDATES_PER_MILESTONE = 10;
/** At every scale, plans this large are added (in commitments). */
export const LARGE_PLANS: readonly number[] = [1_000, 5_000];
/** The seed of the world `npm run data:synthetic` makes unless told another. */
export const DEFAULT_SEED = 'ogp-synthetic-world';

export interface SyntheticWorldOptions {
  /** 1: the world above; 10: ten times the plans and rows (the large plans stay as they are). */
  scale: number;
  seed?: string;
  /** The sizes of the large plans, in commitments; LARGE_PLANS by default. */
  largePlans?: readonly number[];
}

/** One plan of the world before it is written out: where it belongs and how big it is. */
export interface PlannedPlan {
  /** Its place in the world: plans are made and loaded in this order. */
  index: number;
  country: SyntheticCountry;
  /** 1, 2, ... within its country. */
  numberInCountry: number;
  commitments: number;
  /** Its first commitment's OGP id number: the country's commitments are numbered across its plans. */
  firstOgpNumber: number;
  large: boolean;
}

export interface SyntheticCountry {
  code: string;
  name: string;
}

export interface WorldLayout {
  seed: string;
  countries: SyntheticCountry[];
  plans: PlannedPlan[];
  totals: { plans: number; commitments: number; milestones: number; statusUpdates: number };
}

/**
 * Two-letter codes no OGP member uses (rows X and Q, which ISO 3166 leaves to users, then unassigned codes of
 * rows J and W), so a synthetic country never shares a code, an agency or an OGP id prefix with a real one.
 */
function countryCodes(): string[] {
  const taken = new Set(['QA', 'JE', 'JM', 'JO', 'JP', 'WF', 'WS']);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return ['X', 'Q', 'J', 'W'].flatMap((first) =>
    [...letters].map((second) => first + second).filter((code) => !taken.has(code)),
  );
}

/** Commitments per plan as real plans have them: a median near 14, most between 10 and 30. */
const planSize = (rng: Prng) => Math.exp(rng.normal(Math.log(14), 0.45));

/** The whole world's shape: its countries and every plan's size, from the seed alone. */
export function worldLayout(options: SyntheticWorldOptions): WorldLayout {
  const { scale } = options;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError('the scale must be above 0');
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = new Prng(`${seed}:layout`);
  const planCount = Math.max(1, Math.round(WORLD_AT_SCALE_1.plans * scale));
  const commitmentCount = Math.max(planCount, Math.round(WORLD_AT_SCALE_1.commitments * scale));
  const countries = countryCodes()
    .slice(0, Math.min(WORLD_AT_SCALE_1.countries, planCount))
    .map((code, i) => ({ code, name: `Synthetic country ${i + 1} (${code})` }));
  const sizes = apportion(rng, planCount, commitmentCount, 1, 120, () => planSize(rng));
  const perCountry = new Map<string, { plans: number; commitments: number }>();
  const place = (index: number, commitments: number, large: boolean): PlannedPlan => {
    const country = countries[index % countries.length];
    const before = perCountry.get(country.code) ?? { plans: 0, commitments: 0 };
    perCountry.set(country.code, {
      plans: before.plans + 1,
      commitments: before.commitments + commitments,
    });
    // OGP ids have four digits: a country's commitments must fit in them.
    if (before.commitments + commitments > 9_999) {
      throw new RangeError(`scale ${scale} gives ${country.code} more than 9,999 commitments`);
    }
    return {
      index,
      country,
      numberInCountry: before.plans + 1,
      commitments,
      firstOgpNumber: before.commitments + 1,
      large,
    };
  };
  const plans = sizes.map((size, i) => place(i, size, false));
  for (const size of options.largePlans ?? LARGE_PLANS) {
    plans.push(place(plans.length, size, true));
  }
  const commitments = plans.reduce((sum, plan) => sum + plan.commitments, 0);
  const milestones = commitments * MILESTONES_PER_COMMITMENT;
  return {
    seed,
    countries,
    plans,
    totals: {
      plans: plans.length,
      commitments,
      milestones,
      statusUpdates: milestones * UPDATES_PER_MILESTONE,
    },
  };
}
