import { Injectable } from '@nestjs/common';
import { Role } from '@ogp/common';
import { requireRole, type Actor } from '@ogp/core';
import { DataSource } from 'typeorm';
import type { PlanFileProblem } from './plan-file.problem';
import { PlanFileInvalidException, PlanLoader, type PlanLoadResult } from './plan-loader';

/** What an import tells of the plan file: its slug and how many rows of each kind it holds (or held). */
export interface PlanImportSummary {
  slug: string | null;
  themes: number;
  commitments: number;
  milestones: number;
  statusUpdates: number;
  assessments: number;
  /** Agencies the file names that do not exist yet (reused agencies are not counted). */
  agenciesCreated: number;
}

/** The answer to an import: ok with no problems (loaded, or for a dry run loadable), or every problem. */
export interface PlanImportAnswer {
  dryRun: boolean;
  ok: boolean;
  problems: PlanFileProblem[];
  summary: PlanImportSummary;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

/**
 * Plan files imported by administrators: the plan loader, run for real (one transaction, recorded as the
 * importing administrator) or as a dry run (the same load, rolled back), so the two never disagree.
 */
@Injectable()
export class PlanImportService {
  constructor(private readonly db: DataSource) {}

  /** UNAUTHENTICATED for the anonymous, FORBIDDEN for anyone but an administrator. */
  static mayImport(actor: Actor) {
    return requireRole(actor, Role.ADMIN);
  }

  async import(actor: Actor, input: unknown, dryRun: boolean): Promise<PlanImportAnswer> {
    const admin = PlanImportService.mayImport(actor);
    try {
      const result = await new PlanLoader(this.db).load(input, {
        dryRun,
        actor: { userId: admin.userId, displayName: admin.displayName },
      });
      return { dryRun, ok: true, problems: [], summary: summaryOfLoad(result) };
    } catch (error) {
      if (!(error instanceof PlanFileInvalidException)) throw error;
      return { dryRun, ok: false, problems: error.problems, summary: await this.summaryOf(input) };
    }
  }

  /** The summary of a file that was not loaded, counted from whatever shape it has. */
  private async summaryOf(input: unknown): Promise<PlanImportSummary> {
    const commitments = list(field(input, 'commitments'));
    const milestones = commitments.flatMap((c) => list(field(c, 'milestones')));
    const keys = [
      ...new Set(
        list(field(input, 'agencies'))
          .map((a) => field(a, 'key'))
          .filter((key): key is string => typeof key === 'string'),
      ),
    ];
    const existing: { count: string }[] = keys.length
      ? await this.db.query('SELECT COUNT(*) AS count FROM agency WHERE slug = ANY($1)', [keys])
      : [{ count: '0' }];
    const slug = field(field(input, 'plan'), 'slug');
    return {
      slug: typeof slug === 'string' ? slug : null,
      themes: list(field(input, 'themes')).length,
      commitments: commitments.length,
      milestones: milestones.length,
      statusUpdates: milestones.reduce<number>((n, m) => n + list(field(m, 'history')).length, 0),
      assessments: commitments.reduce<number>(
        (n, c) => n + list(field(c, 'assessments')).length,
        0,
      ),
      agenciesCreated: keys.length - Number(existing[0].count),
    };
  }
}

function summaryOfLoad(result: PlanLoadResult): PlanImportSummary {
  return {
    slug: result.slug,
    themes: result.themes,
    commitments: result.commitments,
    milestones: result.milestones,
    statusUpdates: result.statusUpdates,
    assessments: result.assessments,
    agenciesCreated: result.agenciesCreated,
  };
}
