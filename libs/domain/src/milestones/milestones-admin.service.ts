import { Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  assertUuid,
  requireRole,
  type Actor,
  InputProblems,
  archivedItem,
  checkPrefixedPeriod,
  isGiven,
  writeTransaction,
  appendRow,
  archiveRow,
  lockedRow,
  checkTitleAndDescription,
} from '@ogp/core';
import { DataSource } from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { checkWeight } from './milestone-weight.check';
import { toMilestone } from './milestone.mapper';
import type { CreateMilestoneInput } from './dto/create-milestone.input';
import type { UpdateMilestoneInput } from './dto/update-milestone.input';
import { MilestoneEntity } from './milestone.entity';
import type { Milestone } from './milestone.model';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Planning milestones (administrators only): title, description, planned dates and weight. Status, percent,
 * actual dates and verification belong to the progress write path and its history, never to this one.
 */
@Injectable()
export class MilestonesAdminService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: CreateMilestoneInput): Promise<Milestone> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, {}, async (manager) => {
      const problems = new InputProblems();
      // Locked against other writers of the commitment's milestones (so positions never repeat) and against
      // archiving it, which locks the row FOR UPDATE.
      const commitment =
        typeof input.commitmentOgpId === 'string'
          ? await manager.getRepository(CommitmentEntity).findOne({
              where: { ogpId: input.commitmentOgpId },
              lock: { mode: 'for_no_key_update' },
            })
          : null;
      const plan = commitment
        ? await manager.getRepository(ActionPlanEntity).findOneBy({ id: commitment.actionPlanId })
        : null;
      if (!commitment) {
        problems.add(
          'input.commitmentOgpId',
          errorMessage('commitment.unknown'),
          input.commitmentOgpId,
        );
      } else if (commitment.archivedAt || plan?.archivedAt) {
        problems.add(
          'input.commitmentOgpId',
          commitment.archivedAt
            ? errorMessage('commitment.archivedReference')
            : errorMessage('commitment.ofArchivedPlan'),
          input.commitmentOgpId,
        );
      }
      const changes = checkMilestone(problems, input, null);
      problems.throwIfAny();
      const milestones = manager.getRepository(MilestoneEntity);
      const saved = await appendRow(manager, MilestoneEntity, 'commitment_id', commitment!.id, {
        ...changes,
        commitmentId: commitment!.id,
        notes: { da: null, en: null },
      });
      return toAdminMilestone(await milestones.findOneByOrFail({ id: saved.id }));
    });
  }

  async update(actor: Actor, id: string, input: UpdateMilestoneInput): Promise<Milestone> {
    requireRole(actor, Role.ADMIN);
    const milestoneId = assertUuid('id', id);
    return writeTransaction(this.db, {}, async (manager) => {
      const milestone = await lockedRow(manager, MilestoneEntity, 'milestone', 'id', milestoneId);
      if (milestone.archivedAt !== null) throw archivedItem('id', 'milestone', milestoneId);
      const problems = new InputProblems();
      const changes = checkMilestone(problems, input, milestone);
      problems.throwIfAny();
      const milestones = manager.getRepository(MilestoneEntity);
      if (Object.keys(changes).length > 0) {
        // The version guards the progress claim (a coordinator names the version they saw); a change of plan
        // does not make their report stale, so it keeps the version TypeORM would otherwise bump.
        await milestones.update({ id: milestone.id }, { ...changes, version: () => 'version' });
      }
      return toAdminMilestone(await milestones.findOneByOrFail({ id: milestone.id }));
    });
  }

  /** Takes a milestone out of the public reads and the roll-ups; its history stays. Idempotent. */
  async archive(actor: Actor, id: string): Promise<Milestone> {
    requireRole(actor, Role.ADMIN);
    const milestoneId = assertUuid('id', id);
    return writeTransaction(this.db, {}, async (manager) => {
      const milestone = await lockedRow(manager, MilestoneEntity, 'milestone', 'id', milestoneId);
      // Archiving is not a report: the version coordinators name stays where it is.
      const archived = await archiveRow(manager, MilestoneEntity, milestone, {
        columns: { version: () => 'version' },
      });
      return toAdminMilestone(archived);
    });
  }
}

/**
 * The milestone as its administrator sees it: administrators may read every update, so the progress the row
 * caches (the latest update of any visibility) is theirs to see.
 */
function toAdminMilestone(entity: MilestoneEntity): Milestone {
  return toMilestone(entity, today());
}

/** The planning columns to write (all of them for a new milestone), each problem collected. */
function checkMilestone(
  problems: InputProblems,
  input: CreateMilestoneInput | UpdateMilestoneInput,
  current: MilestoneEntity | null,
): Partial<MilestoneEntity> {
  const changes: Partial<MilestoneEntity> = {};
  const creating = current === null;
  checkTitleAndDescription(problems, creating, input, current, changes);
  checkPrefixedPeriod(problems, 'planned', input, current, 'milestone', changes);
  if (creating || isGiven(input.weight)) {
    // A new milestone weighs 1 unless told otherwise; on an update, null is refused (the column needs a weight).
    const weight = checkWeight(
      problems,
      'input.weight',
      creating ? (input.weight ?? 1) : (input.weight ?? null),
    );
    if (weight !== undefined) changes.weight = String(weight);
  }
  return changes;
}
