import { errorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '@ogp/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanFileProblem } from './plan-file.problem';
import type { PlanFile } from './plan-file.types';
import { planFileClashes } from './plan-file-clashes';
import { validatePlanFile } from './validate-plan-file';
import { writePlanFile } from './plan-writer';

export { IMPORT_ACTOR_NAME } from './plan-file-chain';

export interface PlanLoadResult {
  /** The new plan's id (for a dry run, the id it had until the load was rolled back). */
  planId: string;
  slug: string;
  themes: number;
  agenciesCreated: number;
  commitments: number;
  milestones: number;
  statusUpdates: number;
  assessments: number;
  /** True when nothing was kept: the load was a dry run. */
  dryRun: boolean;
}

/**
 * How far a load has come: `done` of `total` rows of one stage written. The commitments stage counts each
 * commitment with its milestones, status updates and assessments.
 */
export interface PlanLoadProgress {
  stage: 'agencies' | 'themes' | 'commitments';
  done: number;
  total: number;
}

export interface PlanLoadOptions {
  /**
   * Checks and writes everything as a load would, in a transaction that is then rolled back: the same answer,
   * the same problems, and nothing changed.
   */
  dryRun?: boolean;
  /** The user the history rows are recorded by; by default none, and the name IMPORT_ACTOR_NAME. */
  actor?: { userId: string; displayName: string } | null;
  /**
   * Told after every agency and theme written, after each batch of commitments (about 5,000 rows with their
   * milestones and history), and at the start of each stage.
   */
  onProgress?: (progress: PlanLoadProgress) => void;
  /** Where the new rows' ids come from: random UUIDs by default; a seeded source makes loads repeatable. */
  ids?: () => string;
  /** When the history rows are recorded: by default, the moment of the load. */
  recordedAt?: Date;
  /**
   * Analyse the tables the load filled once it is committed (default true), so the planner has statistics for
   * the new rows at once; false for a caller that loads many plans and analyses once at the end.
   */
  analyze?: boolean;
}

/** The tables a plan load writes to, analysed after a load. */
const LOADED_TABLES = [
  'agency',
  'agency_source',
  'action_plan',
  'action_plan_source',
  'theme',
  'theme_source',
  'commitment',
  'commitment_source',
  'commitment_agency',
  'commitment_stakeholder',
  'milestone',
  'milestone_source',
  'status_update',
  'assessment',
  'source',
];

/** ANALYZE on every table a plan load fills: the planner's statistics then count the rows just loaded. */
export async function analyzeLoadedTables(db: DataSource | EntityManager): Promise<void> {
  await db.query(`ANALYZE ${LOADED_TABLES.map((table) => `"${table}"`).join(', ')}`);
}

/** A plan file that cannot be loaded: every problem with its JSON path. Nothing was written. */
export class PlanFileInvalidException extends DomainException {
  constructor(readonly problems: PlanFileProblem[]) {
    super(
      ErrorCode.BAD_USER_INPUT,
      errorMessage('planFile.invalid', {
        count: problems.length,
        problems: problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
      }),
      { problems },
    );
  }
}

/** Thrown out of a dry run's transaction to roll it back, carrying what the load would have done. */
class DryRunRollback extends Error {
  constructor(readonly result: PlanLoadResult) {
    super('dry run: rolled back');
  }
}

/**
 * Loads a whole plan file in one transaction: validated first, nothing written when any problem exists.
 * Agencies and sources are shared between plans (reused by slug and URL; an agency only by plans of its
 * country, which it is given when it is created); everything else is new. The rows go in with a few multi-row
 * INSERTs per table (writePlanFile), and the tables are analysed once the load is committed.
 */
export class PlanLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(input: unknown, options: PlanLoadOptions = {}): Promise<PlanLoadResult> {
    const problems = validatePlanFile(input);
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        // The file's own problems and the database's, told together.
        problems.push(...(await planFileClashes(manager, input)));
        if (problems.length > 0) throw new PlanFileInvalidException(problems);
        const written = {
          ...(await writePlanFile(manager, input as PlanFile, options)),
          dryRun: false,
        };
        if (options.dryRun) throw new DryRunRollback({ ...written, dryRun: true });
        return written;
      });
      if (options.analyze !== false) await analyzeLoadedTables(this.dataSource);
      return result;
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    }
  }
}
