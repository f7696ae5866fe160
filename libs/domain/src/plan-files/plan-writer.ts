import { randomUUID } from 'node:crypto';
import { AgencyRole, OgpValue } from '@ogp/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CommitmentAgencyEntity } from '../commitments/commitment-agency.entity';
import { CommitmentStakeholderEntity } from '../commitments/commitment-stakeholder.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import { ThemeEntity } from '../themes/theme.entity';
import { insertEntities, insertRows, sourceJunction } from './bulk-insert';
import { PlanFileChain } from './plan-file-chain';
import type { PlanFile, PlanFileCommitment, PlanFileSource } from './plan-file.types';
import { endOf, startOf, text } from './plan-file-values';
import type { PlanLoadOptions, PlanLoadProgress, PlanLoadResult } from './plan-loader';
import { SourceCache } from './source-cache';

/** Commitments are written in batches of about this many rows (with their milestones and history). */
const ROWS_PER_BATCH = 5_000;

/** The rows of one batch of commitments, by table, in the order they are written (parents first). */
class Batch {
  commitments: Partial<CommitmentEntity>[] = [];
  agencies: Partial<CommitmentAgencyEntity>[] = [];
  stakeholders: Partial<CommitmentStakeholderEntity>[] = [];
  commitmentSources: Record<string, unknown>[] = [];
  milestones: Partial<MilestoneEntity>[] = [];
  milestoneSources: Record<string, unknown>[] = [];
  statusUpdates: StatusUpdateEntity[] = [];
  assessments: AssessmentEntity[] = [];
  /** The rows of the file these stand for, as the progress counts them. */
  fileRows = 0;

  get size(): number {
    return this.milestones.length + this.statusUpdates.length + this.commitments.length;
  }
}

/**
 * Writes a validated plan file with a few multi-row INSERTs per table (see insertRows) instead of a statement
 * per row: ids are made here, so every row's parent is known before anything is written, and each milestone is
 * written with its current state. Same rows, same chain, same progress stages as row by row.
 */
export async function writePlanFile(
  manager: EntityManager,
  file: PlanFile,
  options: PlanLoadOptions,
): Promise<Omit<PlanLoadResult, 'dryRun'>> {
  const newId = options.ids ?? randomUUID;
  const progress = progressOf(file, options.onProgress);
  const sources = new SourceCache(manager);
  const junctions = new Map<EntityTarget<ObjectLiteral>, ReturnType<typeof sourceJunction>>();
  const junctionOf = (target: EntityTarget<ObjectLiteral>) => {
    if (!junctions.has(target)) junctions.set(target, sourceJunction(manager, target));
    return junctions.get(target)!;
  };
  /** The junction rows that give an owner its sources (made in the source table when new). */
  const links = async (
    target: EntityTarget<ObjectLiteral>,
    ownerId: string,
    list: PlanFileSource[] | undefined,
  ) => {
    if (!list?.length) return [];
    const junction = junctionOf(target);
    return (await sources.all(list)).map((source) => ({
      [junction.owner]: ownerId,
      [junction.source]: source.id,
    }));
  };

  // Agencies are reused by slug; the others are made, with their parents (agencies of the file), at once.
  const keys = file.agencies.map((agency) => agency.key);
  const existing: { id: string; slug: string }[] = keys.length
    ? await manager.query('SELECT id, slug FROM agency WHERE slug = ANY($1)', [keys])
    : [];
  const agencyIds = new Map(existing.map((row) => [row.slug, row.id]));
  const created = file.agencies.filter((agency) => !agencyIds.has(agency.key));
  for (const agency of created) agencyIds.set(agency.key, newId());
  const agencySources: Record<string, unknown>[] = [];
  for (const agency of created) {
    agencySources.push(...(await links(AgencyEntity, agencyIds.get(agency.key)!, agency.sources)));
  }
  await insertEntities(
    manager,
    AgencyEntity,
    created.map((agency) => ({
      id: agencyIds.get(agency.key),
      slug: agency.key,
      countryCode: file.plan.countryCode,
      name: text(agency.name),
      abbreviation: agency.abbreviation ?? null,
      // An agency that was already there keeps its parent.
      parentId: agency.parent ? agencyIds.get(agency.parent) : null,
    })),
  );
  await insertRows(manager, junctionOf(AgencyEntity).table, agencySources);
  for (let i = 0; i < created.length; i += 1) progress.step('agencies');

  const planId = newId();
  const [periodStart, periodStartPrecision] = startOf(file.plan.periodStart);
  const [periodEnd, periodEndPrecision] = endOf(file.plan.periodEnd);
  await insertEntities(manager, ActionPlanEntity, [
    {
      id: planId,
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
    },
  ]);
  await insertRows(
    manager,
    junctionOf(ActionPlanEntity).table,
    await links(ActionPlanEntity, planId, file.plan.sources),
  );

  const themeIds = new Map(file.themes.map((theme) => [theme.key, newId()]));
  const themeSources: Record<string, unknown>[] = [];
  for (const theme of file.themes) {
    themeSources.push(...(await links(ThemeEntity, themeIds.get(theme.key)!, theme.sources)));
  }
  await insertEntities(
    manager,
    ThemeEntity,
    file.themes.map((theme) => ({
      id: themeIds.get(theme.key),
      actionPlanId: planId,
      key: theme.key,
      number: theme.number,
      title: text(theme.title),
    })),
  );
  await insertRows(manager, junctionOf(ThemeEntity).table, themeSources);
  for (let i = 0; i < file.themes.length; i += 1) progress.step('themes');

  const chain = new PlanFileChain(
    planId,
    options.actor ? { id: options.actor.userId, name: options.actor.displayName } : undefined,
    newId,
    options.recordedAt,
  );
  const counts = { milestones: 0, statusUpdates: 0, assessments: 0 };
  let batch = new Batch();
  // A batch is written while the next one is made: the statements of a transaction run one after another, and
  // the hashing and row building of the next batch overlap the database's work on this one.
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const rows = batch;
    batch = new Batch();
    // A commitment's internal chain is complete once all its milestones are in the batch.
    for (const row of rows.commitments) Object.assign(row, chain.internalHead(row.id!));
    writing = writing.then(async () => {
      await insertEntities(manager, CommitmentEntity, rows.commitments);
      await insertEntities(manager, CommitmentAgencyEntity, rows.agencies);
      await insertEntities(manager, CommitmentStakeholderEntity, rows.stakeholders);
      await insertRows(manager, junctionOf(CommitmentEntity).table, rows.commitmentSources);
      await insertEntities(manager, MilestoneEntity, rows.milestones);
      await insertRows(manager, junctionOf(MilestoneEntity).table, rows.milestoneSources);
      await insertEntities(manager, StatusUpdateEntity, rows.statusUpdates);
      await insertEntities(manager, AssessmentEntity, rows.assessments);
      progress.step('commitments', rows.fileRows);
    });
    // Heard when awaited (before the next batch or at the end); not an unhandled rejection meanwhile.
    writing.catch(() => undefined);
  };
  for (const [position, item] of file.commitments.entries()) {
    const commitmentId = newId();
    batch.commitments.push({
      id: commitmentId,
      actionPlanId: planId,
      themeId: themeIds.get(item.themeKey),
      ogpId: item.ogpId,
      number: item.number,
      position: position + 1,
      title: text(item.title),
      description: text(item.description),
      ogpValues: (item.ogpValues ?? []) as OgpValue[],
      notes: text(item.notes),
    });
    batch.agencies.push(
      { commitmentId, agencyId: agencyIds.get(item.leadAgency)!, role: AgencyRole.LEAD },
      ...(item.supportingAgencies ?? []).map((key) => ({
        commitmentId,
        agencyId: agencyIds.get(key)!,
        role: AgencyRole.SUPPORTING,
      })),
    );
    for (const [index, name] of (item.otherStakeholders ?? []).entries()) {
      batch.stakeholders.push({ id: newId(), commitmentId, position: index + 1, name: text(name) });
    }
    batch.commitmentSources.push(...(await links(CommitmentEntity, commitmentId, item.sources)));
    for (const [index, entry] of (item.milestones ?? []).entries()) {
      const milestoneId = newId();
      const [plannedStart, plannedStartPrecision] = startOf(entry.plannedStart);
      const [plannedEnd, plannedEndPrecision] = endOf(entry.plannedEnd);
      const rows = (entry.history ?? []).map((update) =>
        chain.statusUpdate(commitmentId, milestoneId, update),
      );
      batch.milestones.push({
        id: milestoneId,
        commitmentId,
        position: index + 1,
        title: text(entry.title),
        description: text(entry.description),
        plannedStart,
        plannedStartPrecision,
        plannedEnd,
        plannedEndPrecision,
        weight: String(entry.weight ?? 1),
        notes: text(entry.notes),
        ...currentState(rows),
        // As if written, then moved to its latest state by a second write: version 1, or 2 with history.
        version: rows.length > 0 ? 2 : 1,
      });
      batch.milestoneSources.push(...(await links(MilestoneEntity, milestoneId, entry.sources)));
      batch.statusUpdates.push(...rows);
      counts.milestones += 1;
      counts.statusUpdates += rows.length;
    }
    const assessments = (item.assessments ?? []).map((a) => chain.assessment(commitmentId, a));
    batch.assessments.push(...assessments);
    counts.assessments += assessments.length;
    batch.fileRows += rowsOf(item);
    if (batch.size >= ROWS_PER_BATCH) {
      await writing;
      flush();
    }
  }
  if (batch.commitments.length > 0) flush();
  await writing;
  await chain.savePlanHead(manager);
  return {
    planId,
    slug: file.plan.slug,
    themes: file.themes.length,
    agenciesCreated: created.length,
    commitments: file.commitments.length,
    ...counts,
  };
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

/**
 * The milestone's current state: its latest update by effective date (later entries win ties); every field
 * null when it has no history ("no data").
 */
function currentState(rows: StatusUpdateEntity[]): Partial<MilestoneEntity> {
  if (rows.length === 0) {
    return {
      status: null,
      progressPercent: null,
      actualStart: null,
      actualStartPrecision: null,
      actualEnd: null,
      actualEndPrecision: null,
      lastUpdateOn: null,
    };
  }
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
