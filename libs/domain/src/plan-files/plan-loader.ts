import { AgencyRole, OgpValue, errorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '@ogp/core';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CommitmentAgencyEntity } from '../commitments/commitment-agency.entity';
import { CommitmentStakeholderEntity } from '../commitments/commitment-stakeholder.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import { ThemeEntity } from '../themes/theme.entity';
import type { PlanFileProblem } from './plan-file.problem';
import type { PlanFile, PlanFileCommitment } from './plan-file.types';
import { planFileClashes } from './plan-file-clashes';
import { validatePlanFile } from './validate-plan-file';
import { PlanFileChain } from './plan-file-chain';
import { endOf, startOf, text } from './plan-file-values';
import { SourceCache } from './source-cache';

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
  /** Told after every agency, theme and commitment written (and at the start of each stage). */
  onProgress?: (progress: PlanLoadProgress) => void;
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
 * country, which it is given when it is created); everything else is new.
 */
export class PlanLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(input: unknown, options: PlanLoadOptions = {}): Promise<PlanLoadResult> {
    const problems = validatePlanFile(input);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The file's own problems and the database's, told together.
        problems.push(...(await planFileClashes(manager, input)));
        if (problems.length > 0) throw new PlanFileInvalidException(problems);
        const result = await this.write(manager, input as PlanFile, options);
        if (options.dryRun) throw new DryRunRollback({ ...result, dryRun: true });
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    }
  }

  private async write(
    manager: EntityManager,
    file: PlanFile,
    options: PlanLoadOptions,
  ): Promise<PlanLoadResult> {
    const progress = progressOf(file, options.onProgress);
    const sources = new SourceCache(manager);
    const agencyIds = new Map<string, string>();
    const created = new Set<string>();
    for (const agency of file.agencies) {
      const existing = await manager.findOneBy(AgencyEntity, { slug: agency.key });
      if (existing) {
        agencyIds.set(agency.key, existing.id);
        continue;
      }
      const saved = await manager.save(
        manager.create(AgencyEntity, {
          slug: agency.key,
          countryCode: file.plan.countryCode,
          name: text(agency.name),
          abbreviation: agency.abbreviation ?? null,
          sources: await sources.all(agency.sources),
        }),
      );
      created.add(agency.key);
      agencyIds.set(agency.key, saved.id);
      progress.step('agencies');
    }
    // Parents are set once all agencies exist; an agency that was already there keeps its parent.
    for (const agency of file.agencies) {
      if (agency.parent && created.has(agency.key)) {
        await manager.update(
          AgencyEntity,
          { id: agencyIds.get(agency.key) },
          { parentId: agencyIds.get(agency.parent) },
        );
      }
    }

    const [periodStart, periodStartPrecision] = startOf(file.plan.periodStart);
    const [periodEnd, periodEndPrecision] = endOf(file.plan.periodEnd);
    const plan = await manager.save(
      manager.create(ActionPlanEntity, {
        slug: file.plan.slug,
        countryCode: file.plan.countryCode,
        title: text(file.plan.title),
        description: text(file.plan.description),
        actionPlanNumber: file.plan.actionPlanNumber ?? null,
        periodStart,
        periodStartPrecision,
        periodEnd,
        periodEndPrecision,
        publishedOn: file.plan.publishedOn ?? null,
        coordinatingAgencyId: file.plan.coordinatingAgency
          ? agencyIds.get(file.plan.coordinatingAgency)
          : null,
        isPublished: file.plan.published ?? true,
        isSynthetic: file.synthetic ?? false,
        notes: text(file.plan.notes),
        sources: await sources.all(file.plan.sources),
      }),
    );

    const themeIds = new Map<string, string>();
    for (const theme of file.themes) {
      const saved = await manager.save(
        manager.create(ThemeEntity, {
          actionPlanId: plan.id,
          key: theme.key,
          number: theme.number,
          title: text(theme.title),
          sources: await sources.all(theme.sources),
        }),
      );
      themeIds.set(theme.key, saved.id);
      progress.step('themes');
    }

    const chain = new PlanFileChain(
      plan.id,
      options.actor ? { id: options.actor.userId, name: options.actor.displayName } : undefined,
    );
    let milestones = 0;
    let statusUpdates = 0;
    let assessments = 0;
    for (const [position, item] of file.commitments.entries()) {
      const commitment = await manager.save(
        manager.create(CommitmentEntity, {
          actionPlanId: plan.id,
          themeId: themeIds.get(item.themeKey),
          ogpId: item.ogpId,
          number: item.number,
          position: position + 1,
          title: text(item.title),
          description: text(item.description),
          ogpValues: (item.ogpValues ?? []) as OgpValue[],
          notes: text(item.notes),
          sources: await sources.all(item.sources),
        }),
      );
      await manager.insert(CommitmentAgencyEntity, [
        {
          commitmentId: commitment.id,
          agencyId: agencyIds.get(item.leadAgency)!,
          role: AgencyRole.LEAD,
        },
        ...(item.supportingAgencies ?? []).map((key) => ({
          commitmentId: commitment.id,
          agencyId: agencyIds.get(key)!,
          role: AgencyRole.SUPPORTING,
        })),
      ]);
      for (const [index, name] of (item.otherStakeholders ?? []).entries()) {
        await manager.insert(CommitmentStakeholderEntity, {
          commitmentId: commitment.id,
          position: index + 1,
          name: text(name),
        });
      }
      for (const [index, entry] of (item.milestones ?? []).entries()) {
        const [plannedStart, plannedStartPrecision] = startOf(entry.plannedStart);
        const [plannedEnd, plannedEndPrecision] = endOf(entry.plannedEnd);
        const milestone = await manager.save(
          manager.create(MilestoneEntity, {
            commitmentId: commitment.id,
            position: index + 1,
            title: text(entry.title),
            description: text(entry.description),
            plannedStart,
            plannedStartPrecision,
            plannedEnd,
            plannedEndPrecision,
            weight: String(entry.weight ?? 1),
            notes: text(entry.notes),
            sources: await sources.all(entry.sources),
          }),
        );
        milestones += 1;
        const rows = (entry.history ?? []).map((update) =>
          chain.statusUpdate(commitment.id, milestone.id, update),
        );
        if (rows.length > 0) {
          await manager.insert(StatusUpdateEntity, rows);
          statusUpdates += rows.length;
          await manager.update(MilestoneEntity, { id: milestone.id }, currentState(rows));
        }
      }
      const assessmentRows = (item.assessments ?? []).map((a) =>
        chain.assessment(commitment.id, a),
      );
      if (assessmentRows.length > 0) {
        await manager.insert(AssessmentEntity, assessmentRows);
        assessments += assessmentRows.length;
      }
      progress.step('commitments', rowsOf(item));
    }
    await chain.saveHeads(manager);
    return {
      planId: plan.id,
      slug: plan.slug,
      themes: file.themes.length,
      agenciesCreated: created.size,
      commitments: file.commitments.length,
      milestones,
      statusUpdates,
      assessments,
      dryRun: false,
    };
  }
}

/** The rows a commitment of the file stands for: itself, its milestones, their history, its assessments. */
const rowsOf = (commitment: PlanFileCommitment): number =>
  1 +
  (commitment.milestones ?? []).reduce((sum, m) => sum + 1 + (m.history ?? []).length, 0) +
  (commitment.assessments ?? []).length;

/** Counts a load's rows per stage and tells the listener, if there is one. */
function progressOf(file: PlanFile, listener: PlanLoadOptions['onProgress']) {
  const totals: Record<PlanLoadProgress['stage'], number> = {
    agencies: file.agencies.length,
    themes: file.themes.length,
    commitments: file.commitments.reduce((sum, c) => sum + rowsOf(c), 0),
  };
  const done = { agencies: 0, themes: 0, commitments: 0 };
  return {
    step(stage: PlanLoadProgress['stage'], rows = 1): void {
      if (!listener) return;
      if (done[stage] === 0) listener({ stage, done: 0, total: totals[stage] });
      done[stage] += rows;
      listener({ stage, done: done[stage], total: totals[stage] });
    },
  };
}

/** The milestone's current state is its latest update by effective date (later entries win ties). */
function currentState(rows: StatusUpdateEntity[]): Partial<MilestoneEntity> {
  const latest = rows.reduce((a, b) => (b.effectiveDate >= a.effectiveDate ? b : a));
  const started = rows.map((r) => r.actualStart).filter((d): d is string => d !== null);
  return {
    status: latest.status,
    progressPercent: latest.progressPercent,
    actualStart: latest.actualStart ?? started[started.length - 1] ?? null,
    actualStartPrecision: latest.actualStart ? latest.actualStartPrecision : null,
    actualEnd: latest.actualEnd,
    actualEndPrecision: latest.actualEndPrecision,
    lastUpdateOn: latest.effectiveDate,
  };
}
