import { Injectable } from '@nestjs/common';
import { Role, englishMessage, errorMessage, type ErrorParamValue } from '@ogp/common';
import { requireRole, utcToday, type Actor, type UserActor } from '@ogp/core';
import { DataSource, type EntityManager } from 'typeorm';
import { PlansService } from '../plans';
import { MilestoneUpdatesService, StaleVersion } from '../status-updates';
import { readImportFile, type ImportFormat } from './import-file';
import {
  importProblem,
  problemsOfError,
  type ImportConflict,
  type ImportProblem,
} from './import-problems';
import { parseSheet, type ParsedRow, type ParsedSheet } from './import-rows';

/** What an import (or its dry run) answers. */
export interface ProgressImportResult {
  dryRun: boolean;
  /** True when every row can be applied (a dry run) or was (an import). */
  ok: boolean;
  /** Rows with something filled in. */
  rows: number;
  /** Rows that name a milestone and fill in nothing: never applied. */
  skipped: number;
  problems: ImportProblem[];
  conflicts: ImportConflict[];
  applied: number;
  /** Said when there was nothing to apply. */
  notice: { message: string; messageKey: string; params: Record<string, ErrorParamValue> } | null;
}

interface PlanMilestone {
  id: string;
  version: number;
  position: number;
  ogp_id: string;
}

/** Thrown inside the transaction to roll it back: a dry run, or a row that cannot be applied. */
class RollBack extends Error {}

/**
 * Bulk progress: a file of milestone updates, each row through the one write path of progress
 * (MilestoneUpdatesService.recordWithin: rights, checks, transition rules, audit chain, live event), all in one
 * transaction that holds the plan's lock from the first row to the commit. Every row is tried (each in a
 * savepoint), so one answer lists every problem and every stale version; then a dry run rolls back, and so does
 * an import with any problem: all rows or none.
 */
@Injectable()
export class ProgressImportService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly updates: MilestoneUpdatesService,
  ) {}

  async run(
    actor: Actor,
    slug: string,
    body: Buffer,
    format: ImportFormat,
    options: { dryRun: boolean; onRow?: (done: number, total: number) => void },
  ): Promise<ProgressImportResult> {
    const user = requireRole(actor, Role.ADMIN, Role.COORDINATOR);
    const plan = await this.plans.bySlug(actor, slug);
    const sheet = parseSheet(await readImportFile(body, format));
    const problems = [...sheet.problems];
    const conflicts: ImportConflict[] = [];
    let applied = 0;
    // A header row with problems reads no rows; a row with a cell that cannot be read is still looked up, so
    // its milestone, rights and version are checked with the others.
    if (sheet.rows.length > 0) {
      try {
        await this.db.transaction(async (manager) => {
          // Every write of this plan waits until this import commits or rolls back, and it waits for theirs:
          // two imports of the same versions cannot both apply.
          await manager.query('SELECT 1 FROM action_plan WHERE id = $1 FOR UPDATE', [plan.id]);
          const written = await this.tryRows(manager, user, plan, sheet, {
            problems,
            conflicts,
            onRow: options.onRow,
          });
          if (options.dryRun || problems.length > 0 || conflicts.length > 0) throw new RollBack();
          applied = written;
        });
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
      }
      if (applied > 0) this.updates.nudgeRelay();
    }
    problems.sort((a, b) => a.row - b.row);
    const nothing =
      sheet.problems.length === 0 && sheet.rows.length === 0
        ? errorMessage('progressImport.nothingToApply')
        : null;
    return {
      dryRun: options.dryRun,
      ok: problems.length === 0 && conflicts.length === 0,
      rows: sheet.rows.length,
      skipped: sheet.skipped,
      problems,
      conflicts,
      applied,
      notice: nothing && {
        message: englishMessage(nothing),
        messageKey: nothing.key,
        params: nothing.params,
      },
    };
  }

  /** Runs every row through the write path, each in a savepoint; returns how many went through. */
  private async tryRows(
    manager: EntityManager,
    user: UserActor,
    plan: { id: string; slug: string },
    sheet: ParsedSheet,
    out: {
      problems: ImportProblem[];
      conflicts: ImportConflict[];
      onRow?: (done: number, total: number) => void;
    },
  ): Promise<number> {
    const milestones: PlanMilestone[] = await manager.query(
      `SELECT m.id, m.version, m.position, c.ogp_id FROM milestone m
       JOIN commitment c ON c.id = m.commitment_id WHERE c.action_plan_id = $1`,
      [plan.id],
    );
    const byId = new Map(milestones.map((m) => [m.id, m]));
    const byKey = new Map(milestones.map((m) => [`${m.ogp_id}#${m.position}`, m]));
    const firstRowOf = new Map<string, number>();
    const today = utcToday();
    let written = 0;
    for (const [index, row] of sheet.rows.entries()) {
      out.onRow?.(index, sheet.rows.length);
      const problem = (key: ParsedRow['keyColumn'], reason: Parameters<typeof importProblem>[2]) =>
        out.problems.push(importProblem(row.row, sheet.columns.header(key), reason));
      const target = resolve(row, byId, byKey, plan.slug, problem);
      if (!target) continue;
      const earlier = firstRowOf.get(target.id);
      if (earlier !== undefined) {
        problem(row.keyColumn, errorMessage('progressImport.rowTwice', { row: earlier }));
        continue;
      }
      firstRowOf.set(target.id, row.row);
      const conflict = (currentVersion: number) =>
        out.conflicts.push({
          row: row.row,
          milestoneId: target.id,
          ogpId: target.ogp_id,
          milestoneNumber: target.position,
          expectedVersion: row.expectedVersion!,
          currentVersion,
        });
      const stale = row.expectedVersion !== null && row.expectedVersion !== target.version;
      if (stale) conflict(target.version);
      if (row.update === null || row.expectedVersion === null) continue;
      await manager.query('SAVEPOINT progress_import_row');
      try {
        await this.updates.recordWithin(
          manager,
          user,
          { ...row.update, milestoneId: target.id, expectedVersion: row.expectedVersion },
          today,
        );
        await manager.query('RELEASE SAVEPOINT progress_import_row');
        written += 1;
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT progress_import_row');
        await manager.query('RELEASE SAVEPOINT progress_import_row');
        if (error instanceof StaleVersion) {
          if (!stale) {
            const [{ version }]: { version: number }[] = await manager.query(
              'SELECT version FROM milestone WHERE id = $1',
              [target.id],
            );
            conflict(version);
          }
        } else {
          out.problems.push(...problemsOfError(error, row.row, row.keyColumn, sheet.columns));
        }
      }
    }
    out.onRow?.(sheet.rows.length, sheet.rows.length);
    return written;
  }
}

/** The milestone of the plan a row names (by id, or by OGP id and number; both must agree), or a problem. */
function resolve(
  row: ParsedRow,
  byId: Map<string, PlanMilestone>,
  byKey: Map<string, PlanMilestone>,
  slug: string,
  problem: (key: ParsedRow['keyColumn'], reason: Parameters<typeof importProblem>[2]) => void,
): PlanMilestone | null {
  if (row.milestoneId === null && (row.ogpId === null || row.milestoneNumber === null)) return null;
  const unknown = errorMessage('progressImport.unknownMilestone', { plan: slug });
  const byKeyMatch =
    row.ogpId !== null && row.milestoneNumber !== null
      ? byKey.get(`${row.ogpId}#${row.milestoneNumber}`)
      : undefined;
  if (row.milestoneId === null) {
    if (!byKeyMatch) problem('ogpId', unknown);
    return byKeyMatch ?? null;
  }
  const byIdMatch = byId.get(row.milestoneId.toLowerCase());
  if (!byIdMatch) {
    problem('milestoneId', unknown);
    return null;
  }
  if (row.ogpId !== null && row.milestoneNumber !== null && byKeyMatch !== byIdMatch) {
    problem('milestoneId', errorMessage('progressImport.keysDisagree'));
    return null;
  }
  return byIdMatch;
}
