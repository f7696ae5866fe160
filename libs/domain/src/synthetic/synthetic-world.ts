import type { DataSource } from 'typeorm';
import { PlanLoader, analyzeLoadedTables, type PlanLoadProgress } from '../plan-files';
import { Prng } from './prng';
import { SYNTHETIC_SLUG_PREFIX, syntheticPlanFile } from './synthetic-plan';
import {
  MILESTONES_PER_COMMITMENT,
  UPDATES_PER_MILESTONE,
  worldLayout,
  type PlannedPlan,
  type SyntheticWorldOptions,
  type WorldLayout,
} from './world-layout';

/** The history of the synthetic world is recorded as of this moment, whenever it is made. */
export const SYNTHETIC_RECORDED_AT = new Date('2026-01-01T00:00:00.000Z');

/** Countries loaded at the same time, each on a connection of its own. */
const CONCURRENT_COUNTRIES = 2;

export interface SyntheticWorldResult {
  layout: WorldLayout;
  /** Rows written: commitments, milestones, status updates, assessments. */
  commitments: number;
  milestones: number;
  statusUpdates: number;
  assessments: number;
}

/** A synthetic world is already there: its history rows are append-only, so it cannot be made again over it. */
export class SyntheticWorldExistsError extends Error {
  constructor(readonly plans: number) {
    super(
      `${plans} synthetic plans (slugs "${SYNTHETIC_SLUG_PREFIX}...") are already loaded: ` +
        'make the synthetic world into an empty database.',
    );
  }
}

/** The rows a planned plan's commitments stand for (what the loader's commitments stage counts). */
const rowsOf = (commitments: number) =>
  commitments * (1 + MILESTONES_PER_COMMITMENT * (1 + UPDATES_PER_MILESTONE)) +
  Math.ceil(commitments / 3);

/**
 * Makes the synthetic world and loads it plan by plan through the plan loader (each plan in its own
 * transaction, with ids and recording time from the seed, so two worlds of one seed are the same rows), then
 * analyses the tables once. A failed plan stops the load; the plans loaded before it stay. `onProgress` hears the rows of the whole world: done of total.
 */
export async function loadSyntheticWorld(
  db: DataSource,
  options: SyntheticWorldOptions,
  onProgress?: (progress: PlanLoadProgress) => void,
): Promise<SyntheticWorldResult> {
  const layout = worldLayout(options);
  const [existing]: { count: string }[] = await db.query(
    `SELECT COUNT(*) AS count FROM action_plan WHERE starts_with(slug, $1)`,
    [SYNTHETIC_SLUG_PREFIX],
  );
  if (Number(existing.count) > 0) throw new SyntheticWorldExistsError(Number(existing.count));
  const total = layout.plans.reduce((sum, plan) => sum + rowsOf(plan.commitments), 0);
  const result = { layout, commitments: 0, milestones: 0, statusUpdates: 0, assessments: 0 };
  let done = 0;
  onProgress?.({ stage: 'commitments', done: 0, total });
  const loadPlan = async (plan: PlannedPlan) => {
    const ids = new Prng(`${layout.seed}:ids:${plan.index}`);
    let told = 0;
    const loaded = await new PlanLoader(db).load(syntheticPlanFile(layout.seed, plan), {
      ids: () => ids.uuid(),
      recordedAt: SYNTHETIC_RECORDED_AT,
      analyze: false,
      onProgress: (p) => {
        if (p.stage !== 'commitments' || p.done === told) return;
        done += p.done - told;
        told = p.done;
        onProgress?.({ stage: 'commitments', done, total });
      },
    });
    result.commitments += loaded.commitments;
    result.milestones += loaded.milestones;
    result.statusUpdates += loaded.statusUpdates;
    result.assessments += loaded.assessments;
  };
  // A country's plans load in order (its first plan makes its agencies, so every plan draws the same ids each
  // time); two countries at once, so one plan's hashing overlaps another's writing.
  const queues = new Map<string, PlannedPlan[]>();
  for (const plan of layout.plans) {
    queues.set(plan.country.code, [...(queues.get(plan.country.code) ?? []), plan]);
  }
  const countries = [...queues.values()];
  let failed = false;
  const worker = async () => {
    try {
      for (let plans = countries.shift(); plans && !failed; plans = countries.shift()) {
        for (const plan of plans) if (!failed) await loadPlan(plan);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  // Both workers end before the first failure is told, so nothing is still writing after it.
  const outcomes = await Promise.allSettled(Array.from({ length: CONCURRENT_COUNTRIES }, worker));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  await analyzeLoadedTables(db);
  return result;
}
