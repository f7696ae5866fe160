import { randomUUID } from 'node:crypto';
import { Role, Verification, Visibility, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  assertUuid,
  DomainException,
  ErrorCode,
  requireRole,
  type Actor,
  InputProblems,
  checkNote,
  hasText,
  utcToday,
} from '@ogp/core';
import { DataSource } from 'typeorm';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { toMilestone } from '../milestones';
import {
  toStatusUpdate,
  AuditChain,
  findMilestoneTarget,
  latestStatusUpdate,
} from '../status-updates';
import type { VerifyMilestoneInput } from './dto/verify-milestone.input';
import { VerificationEntity } from './verification.entity';
import { toVerification } from './verification.mapper';
import { VerificationVerdict, type VerifyMilestonePayload } from './verification.model';

/**
 * Reviewers' verdicts: an append-only row in the chain of the update judged (the plan's public chain, or the
 * commitment's internal one for an INTERNAL update), and the milestone's verification. The milestone's
 * version guards the agency's claim, not the verdict, so it does not move.
 */
@Injectable()
export class VerificationsService {
  constructor(private readonly db: DataSource) {}

  async verify(actor: Actor, input: VerifyMilestoneInput): Promise<VerifyMilestonePayload> {
    const user = requireRole(actor, Role.REVIEWER, Role.ADMIN);
    const today = utcToday();
    return this.db.transaction(async (manager) => {
      const seen = input.statusUpdateId
        ? assertUuid('input.statusUpdateId', input.statusUpdateId)
        : null;
      const target = await findMilestoneTarget(manager, 'input.milestoneId', input.milestoneId);
      if (target.archived) {
        throw DomainException.badInput(
          'input.milestoneId',
          errorMessage('verification.archived'),
          target.milestoneId,
        );
      }
      const problems = new InputProblems();
      const note = checkNote(problems, 'input.note', input.note);
      if (
        input.verdict === VerificationVerdict.DISPUTED &&
        !hasText(note) &&
        !problems.has('input.note')
      ) {
        problems.add('input.note', errorMessage('verification.disputeNeedsNote'));
      }
      problems.throwIfAny();

      // The plan's lock first: the latest update cannot change under the verdict.
      await AuditChain.lock(manager, target.planId);
      const latest = await latestStatusUpdate(manager, target.milestoneId);
      if (!latest) {
        throw DomainException.badInput(
          'input.milestoneId',
          errorMessage('verification.neverReported'),
          target.milestoneId,
        );
      }
      if (seen && seen !== latest.id) {
        // A verdict on a report that is no longer the latest would land on one the reviewer never read.
        throw new DomainException(
          ErrorCode.CONFLICT,
          errorMessage('verification.conflict'),
          { field: 'input.statusUpdateId', latestUpdate: toStatusUpdate(latest) },
          'input.statusUpdateId',
        );
      }
      const verdict =
        input.verdict === VerificationVerdict.VERIFIED
          ? Verification.VERIFIED
          : Verification.DISPUTED;
      // A verdict joins the chain of the update it judges: on an INTERNAL one it is internal too.
      const chain = await AuditChain.lock(
        manager,
        target.planId,
        latest.visibility === Visibility.INTERNAL ? target.commitmentId : null,
      );
      const row = chain.link('verification', {
        id: randomUUID(),
        actionPlanId: target.planId,
        milestoneId: target.milestoneId,
        statusUpdateId: latest.id,
        verdict,
        note,
        recordedAt: new Date(),
        recordedById: user.userId,
        recordedByName: user.displayName,
      });
      await manager.insert(VerificationEntity, row);
      await manager.query(
        'UPDATE milestone SET verification = $2, updated_at = now() WHERE id = $1',
        [target.milestoneId, verdict],
      );
      await chain.saveHead(manager);
      const milestone = await manager
        .getRepository(MilestoneEntity)
        .findOneByOrFail({ id: target.milestoneId });
      const saved = await manager.getRepository(VerificationEntity).findOneByOrFail({ id: row.id });
      // Reviewers may read every update, so the cached state is theirs to see.
      return { milestone: toMilestone(milestone, today), verification: toVerification(saved) };
    });
  }
}
