import type {
  PlanFile,
  PlanFileAgency,
  PlanFileCommitment,
  PlanFileMilestone,
  PlanFileOgpValue,
  PlanFileStatusUpdate,
  PlanFileTheme,
} from '../plan-files';
import { Prng, apportion } from './prng';
import { MILESTONES_PER_COMMITMENT, UPDATES_PER_MILESTONE, type PlannedPlan } from './world-layout';

/** Every synthetic plan's slug starts with this; nothing else in the tracker does. */
export const SYNTHETIC_SLUG_PREFIX = 'synthetic-';
/** No synthetic fact is dated after this day, so none is in the future. */
const LAST_DAY = '2025-12-31';

const TOPICS: readonly [string, string][] = [
  ['Open data', 'Åbne data'],
  ['Access to information', 'Aktindsigt'],
  ['Anti-corruption', 'Antikorruption'],
  ['Fiscal openness', 'Åbne offentlige finanser'],
  ['Public participation', 'Borgerinddragelse'],
  ['Digital government', 'Digital forvaltning'],
  ['Justice', 'Retsvæsen'],
  ['Open contracting', 'Åbne udbud'],
  ['Climate and environment', 'Klima og miljø'],
  ['Health', 'Sundhed'],
];
const VALUES: readonly PlanFileOgpValue[] = [
  'ACCESS_TO_INFORMATION',
  'CIVIC_PARTICIPATION',
  'PUBLIC_ACCOUNTABILITY',
  'TECHNOLOGY_AND_INNOVATION',
];

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The slug of a planned plan: `synthetic-<country>-<number>` (with `-large` for a large one). */
export function syntheticSlug(plan: PlannedPlan): string {
  const country = plan.country.code.toLowerCase();
  return `${SYNTHETIC_SLUG_PREFIX}${country}-${plan.numberInCountry}${plan.large ? '-large' : ''}`;
}

/**
 * One plan of the synthetic world as a plan file, marked synthetic and titled so in both languages. Made from the
 * seed and the plan's place alone, so any plan can be made again without the others.
 */
export function syntheticPlanFile(seed: string, plan: PlannedPlan): PlanFile {
  const rng = new Prng(`${seed}:plan:${plan.index}`);
  const slug = syntheticSlug(plan);
  const { code } = plan.country;
  const startYear = 2012 + 2 * ((plan.numberInCountry - 1) % 6);
  const span = {
    from: Date.parse(`${startYear}-01-01T00:00:00Z`),
    to: Math.min(Date.parse(`${startYear + 2}-12-31T00:00:00Z`), Date.parse(LAST_DAY)),
  };
  const size = plan.large ? ` (${plan.commitments.toLocaleString('en')} commitments)` : '';
  const agencyCount = clamp(Math.ceil(plan.commitments / 3), 3, 40);
  const agencies: PlanFileAgency[] = Array.from({ length: agencyCount }, (_, i) => ({
    key: `synthetic-${code.toLowerCase()}-agency-${i + 1}`,
    name: {
      en: `Synthetic agency ${i + 1} of ${plan.country.name}`,
      da: `Syntetisk myndighed ${i + 1} i ${plan.country.name}`,
    },
  }));
  const themes: PlanFileTheme[] = Array.from(
    { length: clamp(Math.round(plan.commitments / 5), 2, TOPICS.length) },
    (_, i) => ({
      key: `theme-${i + 1}`,
      number: i + 1,
      title: { en: `Synthetic theme: ${TOPICS[i][0]}`, da: `Syntetisk tema: ${TOPICS[i][1]}` },
    }),
  );
  const milestoneCounts = apportion(
    rng,
    plan.commitments,
    plan.commitments * MILESTONES_PER_COMMITMENT,
    1,
    12,
    () => rng.int(2, 8),
  );
  const updateCounts = apportion(
    rng,
    plan.commitments * MILESTONES_PER_COMMITMENT,
    plan.commitments * MILESTONES_PER_COMMITMENT * UPDATES_PER_MILESTONE,
    0,
    30,
    () => (rng.chance(0.1) ? 0 : rng.int(1, 21)),
  );
  let nextMilestone = 0;
  const perTheme = themes.map(() => 0);
  const commitments = Array.from({ length: plan.commitments }, (_, c): PlanFileCommitment => {
    const theme = c % themes.length;
    perTheme[theme] += 1;
    const ogpId = `${code}${String(plan.firstOgpNumber + c).padStart(4, '0')}`;
    const lead = rng.int(0, agencies.length - 1);
    const supporting = [rng.int(0, agencies.length - 1), rng.int(0, agencies.length - 1)]
      .filter((s, i, all) => s !== lead && all.indexOf(s) === i)
      .slice(0, rng.int(0, 2));
    const topic = TOPICS[theme];
    const milestones = Array.from({ length: milestoneCounts[c] }, (_, m) =>
      milestone(rng, span, `${ogpId}/${m + 1}`, updateCounts[nextMilestone++]),
    );
    return {
      ogpId,
      number: `${theme + 1}.${perTheme[theme]}`,
      themeKey: themes[theme].key,
      title: {
        en: `Synthetic commitment ${ogpId}: ${topic[0].toLowerCase()}`,
        da: `Syntetisk forpligtelse ${ogpId}: ${topic[1].toLowerCase()}`,
      },
      description: { en: 'Generated test data, not a real commitment.' },
      leadAgency: agencies[lead].key,
      supportingAgencies: supporting.map((s) => agencies[s].key),
      ogpValues: VALUES.filter(() => rng.chance(0.4)),
      milestones,
      assessments:
        c % 3 === 0
          ? [
              {
                stage: 'DESIGN',
                assessor: 'IRM',
                assessedOn: String(startYear + 1),
                source: { url: `https://example.org/synthetic/${slug}/irm-design` },
                verifiable: true,
                specificity: rng.pick(['LOW', 'MEDIUM', 'HIGH'] as const),
                potentialImpact: rng.pick(['MINOR', 'MODERATE', 'TRANSFORMATIVE'] as const),
                note: { en: 'Synthetic assessment: generated, not a real IRM finding.' },
              },
            ]
          : [],
    };
  });
  return {
    formatVersion: 1,
    synthetic: true,
    plan: {
      slug,
      countryCode: code,
      title: {
        en: `Synthetic action plan ${plan.numberInCountry} of ${plan.country.name}${size}`,
        da: `Syntetisk handlingsplan ${plan.numberInCountry} for ${plan.country.name}${size}`,
      },
      description: {
        en: 'Generated test data for measuring the tracker, not a real plan.',
        da: 'Genererede testdata til at måle trackeren, ikke en rigtig plan.',
      },
      actionPlanNumber: plan.numberInCountry,
      periodStart: String(startYear),
      periodEnd: String(startYear + 2),
      coordinatingAgency: agencies[0].key,
      sources: [{ url: `https://example.org/synthetic/${slug}`, title: 'Synthetic plan' }],
    },
    agencies,
    themes,
    commitments,
  };
}

/** A milestone inside the plan's period with `updates` reports, oldest first, moving on as real ones do. */
function milestone(
  rng: Prng,
  span: { from: number; to: number },
  label: string,
  updates: number,
): PlanFileMilestone {
  const quarter = 91 * 86_400_000;
  const start = span.from + rng.int(0, 5) * quarter;
  const end = Math.min(start + rng.int(1, 6) * quarter, span.to);
  const days = Array.from({ length: updates }, () => rng.int(span.from, span.to))
    .sort((a, b) => a - b)
    .map(day);
  const ending = rng.next();
  let percent = 0;
  let started = false;
  const history = days.map((date, u): PlanFileStatusUpdate => {
    const last = u === updates - 1;
    const base = {
      effectiveDate: date,
      note: { en: `Synthetic report ${u + 1}`, da: `Syntetisk rapport ${u + 1}` },
      evidence: [{ url: `https://example.org/synthetic/${label}/${u + 1}` }],
      ...(rng.chance(0.03) ? { visibility: 'INTERNAL' as const } : {}),
    };
    if (last && ending < 0.4) return { ...base, status: 'COMPLETED', actualEnd: date };
    if (last && ending < 0.45) return { ...base, status: 'CANCELLED', progressPercent: null };
    if (u === 0 && rng.chance(0.2)) return { ...base, status: 'NOT_STARTED', progressPercent: 0 };
    percent = Math.min(99, percent + rng.int(1, Math.ceil(99 / updates)));
    const first = !started;
    started = true;
    return {
      ...base,
      status: 'IN_PROGRESS',
      progressPercent: rng.chance(0.05) ? null : percent,
      ...(first ? { actualStart: date } : {}),
    };
  });
  return {
    title: { en: `Synthetic milestone ${label}`, da: `Syntetisk milepæl ${label}` },
    plannedStart: day(start).slice(0, 7),
    plannedEnd: day(end).slice(0, 7),
    weight: rng.chance(0.1) ? 2 : 1,
    history,
  };
}
