import type { DataSource } from 'typeorm';
import {
  PlanLoader,
  type PlanLoadResult,
  type PlanFile,
  type PlanFileAgency,
  type PlanFileCommitment,
  type PlanFileMilestone,
  type PlanFileMilestoneStatus,
  type PlanFileSource,
  type PlanFileStatusUpdate,
  type PlanFileTheme,
} from '@ogp/domain';

/*
 * Plan files for tests. buildPlanFile makes a small hand-written plan whose figures are easy to work out by
 * hand; generatePlanFile makes a random but valid one from a seed (same seed, same plan).
 *
 * OGP ids must be unique across every plan in a database: buildPlanFile draws them from "Z?0000".."Z?9999"
 * with a counter, generatePlanFile from "Y?...." by seed, so the two never meet.
 */

let planCounter = 0;
let ogpCounter = 0;
const runTag = Math.random()
  .toString(36)
  .slice(2, 7)
  .replace(/[^a-z0-9]/g, 'x');

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A fresh OGP id ("ZA0001", "ZA0002", ...) never handed out before in this test file. */
export function nextOgpId(): string {
  const n = ogpCounter++;
  return `Z${LETTERS[Math.floor(n / 10000) % 26]}${String(n % 10000).padStart(4, '0')}`;
}

export const EVIDENCE: PlanFileSource = {
  url: 'https://example.org/progress-report',
  title: 'Progress report (test data)',
};

/**
 * One history entry with the note and evidence the format requires. A null date stands for an outcome no source
 * dates: the file then says it was true not later than the day the test writes it (today).
 */
export function historyEntry(
  status: PlanFileMilestoneStatus,
  effectiveDate: string | null,
  extra: Partial<PlanFileStatusUpdate> = {},
): PlanFileStatusUpdate {
  return {
    status,
    ...(effectiveDate === null
      ? {
          effectiveDate: new Date().toISOString().slice(0, 10),
          effectiveDateQualifier: 'NOT_LATER_THAN',
        }
      : { effectiveDate }),
    note: { en: `Test data: ${status.toLowerCase()}` },
    evidence: [EVIDENCE],
    ...extra,
  };
}

export interface MilestoneSpec extends Partial<PlanFileMilestone> {
  /** Shorthand for a one-entry history; null or left out = never reported. */
  status?: PlanFileMilestoneStatus | null;
  percent?: number | null;
}

/** A milestone in the given current state (one history entry dated 2019-03-15), or never reported. */
export function buildMilestone({
  status,
  percent,
  ...rest
}: MilestoneSpec = {}): PlanFileMilestone {
  const history =
    rest.history ??
    (status ? [historyEntry(status, '2019-03-15', { progressPercent: percent ?? null })] : []);
  return {
    title: { en: `Milestone (${status ?? 'never reported'})` },
    weight: 1,
    ...rest,
    history,
  };
}

export interface BuildPlanFileOverrides {
  synthetic?: boolean;
  plan?: Partial<PlanFile['plan']>;
  /** Keys for the three agencies (default: unique to this call); repeat a key to share an agency with another plan. */
  agencyKeys?: [string, string, string];
  agencies?: PlanFileAgency[];
  themes?: PlanFileTheme[];
  /**
   * Replaces the three default commitments. Missing ogpId, number, themeKey, leadAgency and title are filled in
   * (a fresh OGP id, the position, the first theme, the first agency).
   */
  commitments?: Partial<PlanFileCommitment>[];
}

export const THEME_KEYS = ['open-data', 'public-services'] as const;

/**
 * A small valid plan: 2 themes, 3 agencies, 3 commitments, 7 milestones with some history, one assessment.
 *
 *   1.1 (open-data, lead agency 0)  M1 w1 NOT_STARTED -> IN_PROGRESS 40 -> COMPLETED (actual end 2019-01-15)
 *                                   M2 w2 IN_PROGRESS 30     M3 w1 never reported
 *                                   -> (100 + 2 x 30) / 4 = 40.0 %, coverage 3/4, LIMITED
 *   1.2 (open-data, lead agency 1)  M1 NOT_STARTED   M2 CANCELLED  -> 0.0 %, coverage 1, NOT_STARTED
 *   2.1 (public-services, lead 2)   M1 IN_PROGRESS, no percent  M2 COMPLETED (actual end 2019-02-20)
 *                                   -> 100 / 2 = 50.0 %, coverage 1, SUBSTANTIAL
 * Planned ends: 2018-12 (x2), 2019-03, 2019-06 (x2), 2019-09, 2019-12. Plan period 2018-07 to 2020-06.
 */
export function buildPlanFile(overrides: BuildPlanFileOverrides = {}): PlanFile {
  const n = ++planCounter;
  const [a0, a1, a2] = overrides.agencyKeys ?? [
    `ministry-${runTag}-${n}`,
    `agency-${runTag}-${n}`,
    `board-${runTag}-${n}`,
  ];
  const agencies: PlanFileAgency[] = overrides.agencies ?? [
    { key: a0, name: { da: `Ministeriet ${n}`, en: `Ministry ${n}` } },
    { key: a1, name: { en: `Agency ${n}` }, abbreviation: 'AG', parent: a0 },
    { key: a2, name: { da: `Nævnet ${n}` } },
  ];
  const themes: PlanFileTheme[] = overrides.themes ?? [
    { key: THEME_KEYS[0], number: 1, title: { en: 'Open data' } },
    { key: THEME_KEYS[1], number: 2, title: { en: 'Better public services' } },
  ];
  const defaults: Partial<PlanFileCommitment>[] = [
    {
      number: '1.1',
      themeKey: THEME_KEYS[0],
      leadAgency: a0,
      supportingAgencies: [a1],
      ogpValues: ['ACCESS_TO_INFORMATION'],
      milestones: [
        {
          title: { en: 'Publish the data catalogue' },
          plannedStart: '2018-09',
          plannedEnd: '2018-12',
          history: [
            historyEntry('NOT_STARTED', '2018-09-01', { progressPercent: 0 }),
            historyEntry('IN_PROGRESS', '2018-11', { progressPercent: 40 }),
            historyEntry('COMPLETED', '2019-01-15', {
              progressPercent: 100,
              actualStart: '2018-10',
              actualEnd: '2019-01-15',
            }),
          ],
        },
        {
          title: { en: 'Open the address register' },
          plannedStart: '2019-01',
          plannedEnd: '2019-06',
          weight: 2,
          history: [historyEntry('IN_PROGRESS', '2019-03', { progressPercent: 30 })],
        },
        { title: { en: 'Evaluate reuse' }, plannedStart: '2019-H2', plannedEnd: '2019-H2' },
      ],
    },
    {
      number: '1.2',
      themeKey: THEME_KEYS[0],
      leadAgency: a1,
      milestones: [
        {
          title: { en: 'Consult users' },
          plannedStart: '2019-Q1',
          plannedEnd: '2019-Q2',
          history: [historyEntry('NOT_STARTED', '2019-02-01', { progressPercent: 0 })],
        },
        {
          title: { en: 'Pilot an API' },
          plannedEnd: '2019-09',
          history: [historyEntry('CANCELLED', '2019-05')],
        },
      ],
    },
    {
      number: '2.1',
      themeKey: THEME_KEYS[1],
      leadAgency: a2,
      supportingAgencies: [a0],
      otherStakeholders: [{ en: 'Civil society forum' }],
      milestones: [
        {
          title: { en: 'Redesign the forms' },
          plannedStart: '2018-07',
          plannedEnd: '2018-12',
          history: [historyEntry('IN_PROGRESS', '2018-H2', { progressPercent: null })],
        },
        {
          title: { en: 'Launch the service' },
          plannedEnd: '2019-03',
          history: [
            historyEntry('COMPLETED', '2019-03', { progressPercent: 100, actualEnd: '2019-02-20' }),
          ],
        },
      ],
      assessments: [
        {
          stage: 'MIDTERM',
          assessor: 'IRM',
          assessedOn: '2019-H1',
          source: { url: 'https://example.org/irm-midterm' },
          completion: 'LIMITED',
          relevantOgpValues: ['CIVIC_PARTICIPATION'],
        },
      ],
    },
  ];
  const commitments = (overrides.commitments ?? defaults).map(
    (partial, index): PlanFileCommitment => ({
      ogpId: partial.ogpId ?? nextOgpId(),
      number: partial.number ?? `${index + 1}`,
      themeKey: partial.themeKey ?? themes[0].key,
      leadAgency: partial.leadAgency ?? agencies[0].key,
      title: partial.title ?? { en: `Commitment ${index + 1} of test plan ${n}` },
      ...partial,
    }),
  );
  return {
    formatVersion: 1,
    ...(overrides.synthetic === undefined ? {} : { synthetic: overrides.synthetic }),
    plan: {
      slug: `test-plan-${runTag}-${n}`,
      countryCode: 'DK',
      title: { en: `Test plan ${n}` },
      periodStart: '2018-07',
      periodEnd: '2020-06',
      coordinatingAgency: a0,
      ...overrides.plan,
    },
    agencies,
    themes,
    commitments,
  };
}

/** mulberry32: a small seeded PRNG, so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GENERATED_WEIGHTS = [0.5, 1, 2, 3] as const;

/** The states a generated milestone ends in; null = never reported. */
type State =
  | { status: null }
  | { status: 'NOT_STARTED' }
  | { status: 'IN_PROGRESS'; percent: number | null }
  | { status: 'COMPLETED' }
  | { status: 'CANCELLED' };

/**
 * A random but valid synthetic plan, the same for the same seed (0 to 2599): `size` commitments (3 to 100)
 * over 2 to 4 themes and 2 to 5 agencies. Commitment 1 has no milestones, commitment 2 only cancelled ones,
 * commitment 3 one milestone in each state (never reported, NOT_STARTED, IN_PROGRESS with and without a
 * percent, COMPLETED, CANCELLED); the rest are random, with weights 0.5, 1, 2 and 3 and histories of up to
 * three entries whose last one (by effective date) is the current state.
 */
export function generatePlanFile(seed: number, size = 8): PlanFile {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2600) {
    throw new RangeError(`seed must be an integer from 0 to 2599, got ${seed}`);
  }
  if (size < 3 || size > 100) throw new RangeError(`size must be 3 to 100, got ${size}`);
  const random = prng(seed * 7919 + 17);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];

  const themeCount = int(2, 4);
  const agencyCount = int(2, 5);
  const themes: PlanFileTheme[] = Array.from({ length: themeCount }, (_, i) => ({
    key: `theme-${i + 1}`,
    number: i + 1,
    title: { en: `Synthetic theme ${i + 1}` },
  }));
  const agencies: PlanFileAgency[] = Array.from({ length: agencyCount }, (_, i) => ({
    key: `synthetic-${seed}-agency-${i + 1}`,
    name: { en: `Synthetic agency ${i + 1} (seed ${seed})` },
  }));
  const prefix = `Y${LETTERS[seed % 26]}${String(Math.floor(seed / 26)).padStart(2, '0')}`;

  const randomState = (): State => {
    const roll = int(0, 5);
    if (roll === 0) return { status: null };
    if (roll === 1) return { status: 'NOT_STARTED' };
    if (roll === 2) return { status: 'IN_PROGRESS', percent: int(0, 5) === 0 ? null : int(0, 99) };
    if (roll === 3) return { status: 'COMPLETED' };
    if (roll === 4) return { status: 'CANCELLED' };
    return { status: 'IN_PROGRESS', percent: int(1, 99) };
  };

  // Effective dates rise month by month from 2018-01, so the last entry is the latest; a last entry may be
  // one no source dates (not later than today, later than any of these).
  const history = (state: State): PlanFileStatusUpdate[] => {
    if (state.status === null) return [];
    const earlier: PlanFileStatusUpdate[] = [];
    let month = int(0, 6);
    const date = () => {
      const year = 2018 + Math.floor(month / 12);
      const text = `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
      month += int(1, 4);
      return random() < 0.5 ? text : `${text}-${String(int(1, 28)).padStart(2, '0')}`;
    };
    // Only allowed transitions: an optional NOT_STARTED, then an optional IN_PROGRESS at or below the final
    // percent, then the final state.
    if (state.status !== 'NOT_STARTED' && random() < 0.5) {
      earlier.push(historyEntry('NOT_STARTED', date(), { progressPercent: pick([0, null]) }));
    }
    const cap = state.status === 'IN_PROGRESS' ? (state.percent ?? -1) : 99;
    if (state.status !== 'NOT_STARTED' && cap >= 0 && random() < 0.5) {
      earlier.push(historyEntry('IN_PROGRESS', date(), { progressPercent: int(0, cap) }));
    }
    const when = int(0, 9) === 0 ? null : date();
    const percent =
      state.status === 'IN_PROGRESS'
        ? state.percent
        : state.status === 'NOT_STARTED'
          ? pick([0, null])
          : state.status === 'COMPLETED'
            ? pick([100, null])
            : null;
    const note =
      state.status === 'CANCELLED' ? { en: 'Cancelled: the plan was changed' } : undefined;
    return [
      ...earlier,
      historyEntry(state.status, when, { progressPercent: percent, ...(note ? { note } : {}) }),
    ];
  };

  const milestone = (c: number, m: number, state: State): PlanFileMilestone => {
    const startMonth = int(0, 18);
    const endMonth = startMonth + int(0, 12);
    const monthText = (k: number) =>
      `${2018 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    return {
      title: { en: `Milestone ${c}.${m}`, ...(random() < 0.5 ? { da: `Milepæl ${c}.${m}` } : {}) },
      plannedStart: random() < 0.2 ? null : monthText(startMonth),
      plannedEnd: random() < 0.1 ? null : monthText(endMonth),
      weight: pick(GENERATED_WEIGHTS),
      history: history(state),
    };
  };

  const everyState: State[] = [
    { status: null },
    { status: 'NOT_STARTED' },
    { status: 'IN_PROGRESS', percent: int(1, 99) },
    { status: 'IN_PROGRESS', percent: null },
    { status: 'COMPLETED' },
    { status: 'CANCELLED' },
  ];
  const commitments: PlanFileCommitment[] = Array.from({ length: size }, (_, i) => {
    const states: State[] =
      i === 0
        ? []
        : i === 1
          ? Array.from({ length: int(1, 3) }, (): State => ({ status: 'CANCELLED' }))
          : i === 2
            ? everyState
            : Array.from({ length: int(0, 6) }, randomState);
    const lead = pick(agencies).key;
    return {
      ogpId: `${prefix}${String(i).padStart(2, '0')}`,
      number: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      themeKey: i < themeCount ? themes[i].key : pick(themes).key,
      title: { en: `Synthetic commitment ${i + 1} (seed ${seed})` },
      leadAgency: lead,
      supportingAgencies: agencies
        .filter((agency) => agency.key !== lead)
        .filter(() => random() < 0.3)
        .map((agency) => agency.key),
      milestones: states.map((state, m) => milestone(i + 1, m + 1, state)),
    };
  });

  return {
    formatVersion: 1,
    synthetic: true,
    plan: {
      slug: `synthetic-${seed}-${size}`,
      countryCode: 'ZZ',
      title: { en: `Synthetic plan (seed ${seed}, ${size} commitments)` },
      periodStart: '2018-01',
      periodEnd: '2020-12',
      coordinatingAgency: agencies[0].key,
    },
    agencies,
    themes,
    commitments,
  };
}

/** Loads a plan file (a fresh buildPlanFile() by default) through the real loader. */
export async function createPlan(
  dataSource: DataSource,
  file: PlanFile = buildPlanFile(),
): Promise<PlanLoadResult & { file: PlanFile }> {
  const result = await new PlanLoader(dataSource).load(file);
  return { ...result, file };
}
