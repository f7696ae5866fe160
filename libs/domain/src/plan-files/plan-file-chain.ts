import { randomUUID } from 'node:crypto';
import { DatePrecision, MilestoneStatus, Visibility } from '@ogp/common';
import type { EntityManager } from 'typeorm';
import type { AssessmentEntity } from '../assessments/assessment.entity';
import { AuditChain } from '../status-updates';
import { type StatusUpdateEntity, UpdateOrigin } from '../status-updates/status-update.entity';
import { endOf, startOf, text } from './plan-file-values';
import type { PlanFileAssessment, PlanFileStatusUpdate } from './plan-file.types';

export const IMPORT_ACTOR_NAME = 'Plan import';

/** Who the loaded history rows are recorded by: a user (an administrator importing), or no one. */
export interface PlanFileRecorder {
  id: string | null;
  name: string;
}

/**
 * Builds the plan's chains of history rows in recording order (the hashing is the shared AuditChain's): the
 * public one, and an internal one per commitment for its INTERNAL updates.
 */
export class PlanFileChain {
  private readonly chain: AuditChain;
  private readonly internal = new Map<string, AuditChain>();

  constructor(
    private readonly planId: string,
    private readonly recorder: PlanFileRecorder = { id: null, name: IMPORT_ACTOR_NAME },
    /** Where the rows' ids come from. */
    private readonly newId: () => string = randomUUID,
    /** When the rows are recorded: by default, now. */
    private readonly recordedAt: Date = new Date(),
  ) {
    this.chain = new AuditChain(planId);
  }

  private chainFor(commitmentId: string, visibility: Visibility): AuditChain {
    if (visibility !== Visibility.INTERNAL) return this.chain;
    let chain = this.internal.get(commitmentId);
    if (!chain) {
      chain = new AuditChain(this.planId, null, 0, commitmentId);
      this.internal.set(commitmentId, chain);
    }
    return chain;
  }

  /** Stores the head of the plan's public chain on the plan. */
  async savePlanHead(manager: EntityManager): Promise<void> {
    await this.chain.saveHead(manager);
  }

  /**
   * The head of a commitment's internal chain as the commitment's columns hold it (null and 0 while it has no
   * INTERNAL rows), for writing with the commitment once all its rows are linked.
   */
  internalHead(commitmentId: string): {
    internalAuditHeadHash: string | null;
    internalAuditLength: number;
  } {
    const chain = this.internal.get(commitmentId);
    return {
      internalAuditHeadHash: chain?.headHash ?? null,
      internalAuditLength: chain?.length ?? 0,
    };
  }

  statusUpdate(
    commitmentId: string,
    milestoneId: string,
    update: PlanFileStatusUpdate,
  ): StatusUpdateEntity {
    // Validated: every outcome carries its date (no clock is read for a fact).
    const [effectiveDate, effectiveDatePrecision] = endOf(update.effectiveDate) as [
      string,
      DatePrecision,
    ];
    const [actualStart, actualStartPrecision] = startOf(update.actualStart);
    const [actualEnd, actualEndPrecision] = endOf(update.actualEnd);
    const status = update.status as MilestoneStatus;
    const row = {
      id: this.newId(),
      actionPlanId: this.planId,
      milestoneId,
      status,
      progressPercent:
        update.progressPercent ??
        (status === MilestoneStatus.COMPLETED
          ? 100
          : status === MilestoneStatus.NOT_STARTED
            ? 0
            : null),
      effectiveDate,
      effectiveDatePrecision,
      effectiveDateKnown: update.effectiveDateQualifier !== 'NOT_LATER_THAN',
      actualStart,
      actualStartPrecision,
      actualEnd,
      actualEndPrecision,
      note: text(update.note),
      evidence: update.evidence.map((e) => ({ url: e.url, title: e.title ?? null })),
      visibility: (update.visibility ?? 'PUBLIC') as Visibility,
      origin: UpdateOrigin.IMPORT,
      recordedAt: this.recordedAt,
      recordedById: this.recorder.id,
      recordedByName: this.recorder.name,
    };
    return this.chainFor(commitmentId, row.visibility).link('status_update', row);
  }

  assessment(commitmentId: string, entry: PlanFileAssessment): AssessmentEntity {
    const [assessedOn, assessedOnPrecision] = endOf(entry.assessedOn);
    const row = {
      id: this.newId(),
      actionPlanId: this.planId,
      commitmentId,
      stage: entry.stage,
      assessor: entry.assessor,
      assessedOn,
      assessedOnPrecision,
      sourceUrl: entry.source.url,
      sourceTitle: entry.source.title ?? null,
      verifiable: entry.verifiable ?? null,
      specificity: entry.specificity ?? null,
      relevantOgpValues: entry.relevantOgpValues ?? null,
      potentialImpact: entry.potentialImpact ?? null,
      completion: entry.completion ?? null,
      didItOpenGovernment: entry.didItOpenGovernment ?? null,
      starred: entry.starred ?? null,
      potentiallyStarred: entry.potentiallyStarred ?? null,
      note: text(entry.note),
      origin: UpdateOrigin.IMPORT,
      recordedAt: this.recordedAt,
      recordedById: this.recorder.id,
      recordedByName: this.recorder.name,
    };
    return this.chain.link('assessment', row) as unknown as AssessmentEntity;
  }
}
