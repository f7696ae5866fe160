import { randomUUID } from 'node:crypto';
import {
  Role,
  Visibility,
  checkStatusChange,
  type NoteReason,
  errorMessage,
  type ErrorMessage,
} from '@ogp/common';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  DomainException,
  ErrorCode,
  EVENT_RELAY,
  addToOutbox,
  assertUuid,
  requireRole,
  type Actor,
  type OutboxNudge,
  type PlanActivityEvent,
  type UserActor,
  hasText,
  utcToday,
} from '@ogp/core';
import { DataSource, type EntityManager } from 'typeorm';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ReadScope } from '../shared/read-scope';
import { toMilestone } from '../milestones';
import { toStatusUpdate } from './status-update.mapper';
import { AuditChain } from './audit-chain';
import { latestStatusUpdate, findMilestoneTarget, type MilestoneTarget } from './milestone-target';
import { checkInput } from './record-milestone-update.checks';
import type { RecordMilestoneUpdateInput } from './dto/record-milestone-update.input';
import type { RecordMilestoneUpdatePayload } from './record-milestone-update.payload';
import { StatusUpdateEntity, UpdateOrigin } from './status-update.entity';

const NOTE_REASONS: Record<NoteReason, ErrorMessage> = {
  REOPEN: errorMessage('progress.noteReopen'),
  CANCELLATION: errorMessage('progress.noteCancel'),
  PERCENT_BACKWARDS: errorMessage('progress.noteLower'),
};

/**
 * The one write path of progress: check permission and input, lock the plan's chain head, check the version,
 * append the status update to the chain, move the milestone's cached state, add the live event to the outbox;
 * after the commit, nudge the relay that sends it (never waiting for it).
 */
@Injectable()
export class MilestoneUpdatesService {
  constructor(
    private readonly db: DataSource,
    @Optional() @Inject(EVENT_RELAY) private readonly relay?: OutboxNudge,
  ) {}

  async record(
    actor: Actor,
    input: RecordMilestoneUpdateInput,
  ): Promise<RecordMilestoneUpdatePayload> {
    const user = requireRole(actor, Role.ADMIN, Role.COORDINATOR);
    const today = utcToday();
    const milestoneId = assertUuid('input.milestoneId', input.milestoneId);
    let committed: { payload: RecordMilestoneUpdatePayload; target: MilestoneTarget };
    try {
      committed = await this.db.transaction((manager) => this.write(manager, user, input, today));
    } catch (error) {
      // Built after the rollback, so a stale writer holds the plan's lock no longer than it must.
      if (error instanceof StaleVersion) throw await conflict(this.db.manager, milestoneId);
      throw error;
    }
    if (committed.payload.statusUpdate.visibility === Visibility.PUBLIC) this.relay?.nudge();
    return committed.payload;
  }

  /**
   * The same write inside a transaction the caller holds (a bulk import: many updates, one transaction):
   * permission, checks, chain, version and outbox alike. A stale expected version throws StaleVersion (the
   * caller decides what to tell); the caller commits, then calls `nudgeRelay`.
   */
  async recordWithin(
    manager: EntityManager,
    actor: Actor,
    input: RecordMilestoneUpdateInput,
    today: string,
  ): Promise<RecordMilestoneUpdatePayload> {
    const user = requireRole(actor, Role.ADMIN, Role.COORDINATOR);
    return (await this.write(manager, user, input, today)).payload;
  }

  /** Sends the live events a committed transaction left in the outbox now, instead of at the next poll. */
  nudgeRelay(): void {
    this.relay?.nudge();
  }

  private async write(
    manager: EntityManager,
    user: UserActor,
    input: RecordMilestoneUpdateInput,
    today: string,
  ): Promise<{ payload: RecordMilestoneUpdatePayload; target: MilestoneTarget }> {
    const target = await findMilestoneTarget(manager, 'input.milestoneId', input.milestoneId);
    await requireReporter(manager, user, target);
    if (target.archived) {
      throw DomainException.badInput(
        'input.milestoneId',
        errorMessage('progress.archived'),
        target.milestoneId,
      );
    }
    const checked = checkInput(input, today);
    // Already stale: no need to queue for the plan's lock.
    if (target.version !== input.expectedVersion) throw new StaleVersion();

    // From here on, appends to this plan's chains wait for this transaction. An INTERNAL update goes into its
    // commitment's internal chain, so the public chain neither counts nor links it.
    const chain = await AuditChain.lock(
      manager,
      target.planId,
      checked.visibility === Visibility.INTERNAL ? target.commitmentId : null,
    );
    const [{ version }]: { version: number }[] = await manager.query(
      'SELECT version FROM milestone WHERE id = $1',
      [target.milestoneId],
    );
    if (version !== input.expectedVersion) throw new StaleVersion();
    const milestones = manager.getRepository(MilestoneEntity);
    const milestone = await milestones.findOneByOrFail({ id: target.milestoneId });
    const problems = checkStatusChange({
      from:
        milestone.status === null
          ? null
          : { status: milestone.status, progressPercent: milestone.progressPercent },
      to: { status: input.status, progressPercent: checked.progressPercent },
      hasNote: hasText(checked.note),
    });
    for (const problem of problems) {
      if (problem.code === 'INVALID_TRANSITION') {
        throw new DomainException(
          ErrorCode.INVALID_TRANSITION,
          errorMessage('progress.transition', { from: problem.from, to: problem.to }),
          { field: 'input.status', from: problem.from, to: problem.to },
          'input.status',
        );
      }
    }
    const noteProblem = problems.find((p) => p.code === 'NOTE_REQUIRED');
    if (noteProblem) {
      throw DomainException.badInput('input.note', NOTE_REASONS[noteProblem.reason]);
    }

    const row = chain.link('status_update', {
      id: randomUUID(),
      actionPlanId: target.planId,
      milestoneId: target.milestoneId,
      status: input.status,
      progressPercent: checked.progressPercent,
      effectiveDate: checked.effectiveDate,
      effectiveDatePrecision: checked.effectiveDatePrecision,
      effectiveDateKnown: true,
      actualStart: checked.actualStart,
      actualStartPrecision: checked.actualStartPrecision,
      actualEnd: checked.actualEnd,
      actualEndPrecision: checked.actualEndPrecision,
      note: checked.note,
      evidence: checked.evidence,
      visibility: checked.visibility,
      origin: UpdateOrigin.USER,
      recordedAt: new Date(),
      recordedById: user.userId,
      recordedByName: user.displayName,
    });
    await manager.insert(StatusUpdateEntity, row);
    // The cache is the latest update by effective date: a back-dated report joins the log without
    // overwriting a newer state. The version moves either way, and verification starts again.
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE milestone m SET
           status = latest.status,
           progress_percent = latest.progress_percent,
           actual_start = COALESCE(latest.actual_start, m.actual_start),
           actual_start_precision = CASE WHEN latest.actual_start IS NULL
             THEN m.actual_start_precision ELSE latest.actual_start_precision END,
           actual_end = latest.actual_end,
           actual_end_precision = latest.actual_end_precision,
           last_update_on = latest.effective_date,
           verification = 'UNVERIFIED',
           version = m.version + 1,
           updated_at = now()
         FROM (SELECT * FROM status_update WHERE milestone_id = $1
               ORDER BY effective_date DESC, recorded_at DESC, sequence DESC LIMIT 1) latest
         WHERE m.id = $1 AND m.version = $2`,
      [target.milestoneId, input.expectedVersion],
    );
    if (affected !== 1) throw new StaleVersion();
    await chain.saveHead(manager);
    const saved = await milestones.findOneByOrFail({ id: target.milestoneId });
    const statusUpdate = await manager
      .getRepository(StatusUpdateEntity)
      .findOneByOrFail({ id: row.id });
    // Only PUBLIC updates are told live; the event leaves if and when this transaction commits.
    if (statusUpdate.visibility === Visibility.PUBLIC) {
      await addToOutbox(manager, planActivity(target, statusUpdate));
    }
    return {
      target,
      // The reporter may see every update of the milestone, so the cached state is theirs.
      payload: {
        milestone: toMilestone(saved, today),
        statusUpdate: toStatusUpdate(statusUpdate),
      },
    };
  }
}

/** The live event of a PUBLIC update (its effective date is stored as the end of its period). */
function planActivity(
  target: MilestoneTarget,
  statusUpdate: StatusUpdateEntity,
): PlanActivityEvent {
  return {
    kind: 'STATUS_UPDATE',
    planId: target.planId,
    planSlug: target.planSlug,
    statusUpdateId: statusUpdate.id,
    sequence: statusUpdate.sequence,
    milestoneId: target.milestoneId,
    commitmentOgpId: target.commitmentOgpId,
    status: statusUpdate.status,
    progressPercent: statusUpdate.progressPercent,
    effectiveDate: statusUpdate.effectiveDate,
    recordedAt: statusUpdate.recordedAt.toISOString(),
  };
}

/**
 * Administrators, and coordinators of the commitment's lead agency (not supporting ones). A milestone of a plan
 * the user may not read is NOT_FOUND, word for word as an unknown id: FORBIDDEN would tell it exists.
 */
async function requireReporter(
  manager: EntityManager,
  user: UserActor,
  target: MilestoneTarget,
): Promise<void> {
  if (user.roles.has(Role.ADMIN)) return;
  const scope = ReadScope.of(user);
  if (!scope.seesEverything) {
    // ReadScope's rule for plans, archived ones included: those answer that they are archived, as before.
    const [{ readable }]: { readable: boolean }[] = await manager.query(
      `SELECT p.is_published OR EXISTS (SELECT 1 FROM commitment c
           JOIN commitment_agency lead ON lead.commitment_id = c.id AND lead.role = 'LEAD'
           WHERE c.action_plan_id = p.id AND c.archived_at IS NULL AND lead.agency_id = ANY($2)) AS readable
       FROM action_plan p WHERE p.id = $1`,
      [target.planId, [...scope.leadAgencyIds]],
    );
    if (!readable) throw DomainException.notFound('milestone', 'id', target.milestoneId);
  }
  if (target.leadAgencyId !== null && user.agencyIds.has(target.leadAgencyId)) return;
  throw new DomainException(
    ErrorCode.FORBIDDEN,
    errorMessage('progress.notLead', { ogpId: target.commitmentOgpId }),
  );
}

/** The expected version is not the milestone's: the transaction is rolled back, then CONFLICT is answered. */
export class StaleVersion extends Error {}

async function conflict(manager: EntityManager, milestoneId: string): Promise<DomainException> {
  const current = await manager.getRepository(MilestoneEntity).findOneByOrFail({
    id: milestoneId,
  });
  const latest = await latestStatusUpdate(manager, milestoneId);
  return new DomainException(
    ErrorCode.CONFLICT,
    errorMessage('progress.conflict', { version: current.version }),
    {
      field: 'input.expectedVersion',
      currentVersion: current.version,
      latestUpdate: latest ? toStatusUpdate(latest) : null,
    },
    'input.expectedVersion',
  );
}
