import { AgencyRole, OgpValue, Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type Actor,
  InputProblems,
  archivedItem,
  checkKey,
  checkText,
  isGiven,
  writeTransaction,
  appendRow,
  archiveRow,
  lockedRow,
  checkTitleAndDescription,
} from '@ogp/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyEntity } from '../agencies/agency.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { OGP_ID, OGP_ID_SHAPE } from './commitment-keys';
import { referencedAgencies } from '../agencies';
import { toCommitment } from './commitment.mapper';
import { ThemeEntity } from '../themes/theme.entity';
import { CommitmentAgencyEntity } from './commitment-agency.entity';
import { CommitmentEntity } from './commitment.entity';
import type { Commitment } from './commitment.model';
import type { CreateCommitmentInput } from './dto/create-commitment.input';
import type { UpdateCommitmentInput } from './dto/update-commitment.input';

const UNIQUE_FIELDS = {
  ogp_id: 'input.ogpId',
  'action_plan_id, number': 'input.number',
};

/** commitment.number is varchar(20). */
const NUMBER_MAX = 20;

interface AgencyChanges {
  /** The new lead, when it changes. */
  lead?: AgencyEntity;
  /** The whole new list of supporting agencies, when given. */
  supporting?: AgencyEntity[];
}

/** Setting up the commitments of a plan (administrators only). Commitments are archived, never deleted. */
@Injectable()
export class CommitmentsAdminService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: CreateCommitmentInput): Promise<Commitment> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const problems = new InputProblems();
      // Locked against other commitment writers of the plan (not against history writers, which only
      // reference it), so two new commitments never get the same position.
      const plan =
        typeof input.planSlug === 'string'
          ? await manager.getRepository(ActionPlanEntity).findOne({
              where: { slug: input.planSlug },
              lock: { mode: 'for_no_key_update' },
            })
          : null;
      if (!plan) problems.add('input.planSlug', errorMessage('plan.unknown'), input.planSlug);
      else if (plan.archivedAt) {
        problems.add('input.planSlug', errorMessage('plan.archivedReference'), plan.slug);
      }
      const usable = plan && !plan.archivedAt ? plan : null;
      const { changes, agencies } = await checkCommitment(manager, problems, input, null, usable);
      problems.throwIfAny();
      const commitments = manager.getRepository(CommitmentEntity);
      const saved = await appendRow(manager, CommitmentEntity, 'action_plan_id', usable!.id, {
        ...changes,
        actionPlanId: usable!.id,
        notes: { da: null, en: null },
      });
      await writeAgencies(manager, saved.id, agencies);
      return toCommitment(await commitments.findOneByOrFail({ id: saved.id }));
    });
  }

  async update(actor: Actor, ogpId: string, input: UpdateCommitmentInput): Promise<Commitment> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const commitment = await lockedRow(manager, CommitmentEntity, 'commitment', 'ogpId', ogpId);
      if (commitment.archivedAt !== null) throw archivedItem('ogpId', 'commitment', ogpId);
      const plan = await manager
        .getRepository(ActionPlanEntity)
        .findOneByOrFail({ id: commitment.actionPlanId });
      const problems = new InputProblems();
      const { changes, agencies } = await checkCommitment(
        manager,
        problems,
        input,
        commitment,
        plan,
      );
      problems.throwIfAny();
      const commitments = manager.getRepository(CommitmentEntity);
      if (Object.keys(changes).length > 0) {
        await commitments.update({ id: commitment.id }, changes);
      }
      await writeAgencies(manager, commitment.id, agencies);
      return toCommitment(await commitments.findOneByOrFail({ id: commitment.id }));
    });
  }

  /** Takes a commitment and its milestones out of the public reads; the history stays. Idempotent. */
  async archive(actor: Actor, ogpId: string): Promise<Commitment> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const commitment = await lockedRow(manager, CommitmentEntity, 'commitment', 'ogpId', ogpId);
      return toCommitment(await archiveRow(manager, CommitmentEntity, commitment));
    });
  }
}

/**
 * The lead is replaced in place (its LEAD row deleted and the new one inserted in this transaction; the
 * deferred trigger checks there is exactly one lead at commit). A new lead that was supporting stops being so.
 */
async function writeAgencies(
  manager: EntityManager,
  commitmentId: string,
  { lead, supporting }: AgencyChanges,
): Promise<void> {
  const links = manager.getRepository(CommitmentAgencyEntity);
  if (lead) {
    await manager.query(
      `DELETE FROM commitment_agency WHERE commitment_id = $1 AND (role = 'LEAD' OR agency_id = $2)`,
      [commitmentId, lead.id],
    );
    await links.insert({ commitmentId, agencyId: lead.id, role: AgencyRole.LEAD });
  }
  if (supporting) {
    await manager.query(
      `DELETE FROM commitment_agency WHERE commitment_id = $1 AND role = 'SUPPORTING'`,
      [commitmentId],
    );
    if (supporting.length > 0) {
      await links.insert(
        supporting.map((agency) => ({
          commitmentId,
          agencyId: agency.id,
          role: AgencyRole.SUPPORTING,
        })),
      );
    }
  }
}

async function checkCommitment(
  manager: EntityManager,
  problems: InputProblems,
  input: CreateCommitmentInput | UpdateCommitmentInput,
  current: CommitmentEntity | null,
  plan: ActionPlanEntity | null,
): Promise<{ changes: Partial<CommitmentEntity>; agencies: AgencyChanges }> {
  const changes: Partial<CommitmentEntity> = {};
  const agencies: AgencyChanges = {};
  const creating = current === null;
  const commitments = manager.getRepository(CommitmentEntity);

  if (creating || isGiven(input.themeKey)) {
    if (input.themeKey == null) problems.add('input.themeKey', errorMessage('field.required'));
    else if (plan) {
      // Read FOR SHARE: the theme cannot be archived before this commitment is in it.
      const theme = await manager.getRepository(ThemeEntity).findOne({
        where: { actionPlanId: plan.id, key: input.themeKey },
        lock: { mode: 'pessimistic_read' },
      });
      if (!theme) {
        problems.add(
          'input.themeKey',
          errorMessage('theme.unknownInPlan', { plan: plan.slug }),
          input.themeKey,
        );
      } else if (theme.archivedAt) {
        problems.add('input.themeKey', errorMessage('theme.archivedReference'), input.themeKey);
      } else if (theme.id !== current?.themeId) changes.themeId = theme.id;
    }
  }
  if (creating || isGiven(input.ogpId)) {
    const ogpId = checkKey(problems, 'input.ogpId', input.ogpId, OGP_ID, 6, OGP_ID_SHAPE);
    if (ogpId !== undefined && ogpId !== current?.ogpId) {
      const clash = await commitments.findOne({
        where: { ogpId },
        relations: { actionPlan: true },
      });
      if (clash) {
        problems.add(
          'input.ogpId',
          errorMessage(
            clash.archivedAt ? 'commitment.ogpIdTakenArchived' : 'commitment.ogpIdTaken',
            {
              plan: clash.actionPlan!.slug,
            },
          ),
          ogpId,
        );
      } else changes.ogpId = ogpId;
    }
  }
  if (creating || isGiven(input.number)) {
    const number = checkText(problems, 'input.number', input.number, {
      max: NUMBER_MAX,
      nullable: false,
    });
    if (typeof number === 'string' && number !== current?.number) {
      const clash = plan ? await commitments.findOneBy({ actionPlanId: plan.id, number }) : null;
      if (clash) {
        problems.add(
          'input.number',
          errorMessage(
            clash.archivedAt ? 'commitment.numberTakenArchived' : 'commitment.numberTaken',
            { ogpId: clash.ogpId },
          ),
          number,
        );
      } else changes.number = number;
    }
  }
  checkTitleAndDescription(problems, creating, input, current, changes);
  if (creating || isGiven(input.ogpValues)) {
    const values = [...new Set(input.ogpValues ?? [])];
    const unknown = values.filter((value) => !Object.values(OgpValue).includes(value));
    if (unknown.length > 0) {
      problems.add(
        'input.ogpValues',
        errorMessage('commitment.unknownValues', { values: unknown }),
        unknown,
      );
    } else changes.ogpValues = values;
  }

  const currentLinks = current
    ? await manager.getRepository(CommitmentAgencyEntity).find({
        where: { commitmentId: current.id },
        relations: { agency: true },
      })
    : [];
  const currentLead = currentLinks.find((link) => link.role === AgencyRole.LEAD)?.agency ?? null;
  let lead = currentLead;
  if (creating || isGiven(input.leadAgencySlug)) {
    if (input.leadAgencySlug == null) {
      problems.add('input.leadAgencySlug', errorMessage('commitment.leadRequired'));
    } else {
      const [found] =
        (await referencedAgencies(
          manager,
          problems,
          'input.leadAgencySlug',
          [input.leadAgencySlug],
          plan?.countryCode,
        )) ?? [];
      if (found) {
        lead = found;
        if (found.id !== currentLead?.id) agencies.lead = found;
      }
    }
  }
  if (creating || isGiven(input.supportingAgencySlugs)) {
    const slugs = input.supportingAgencySlugs ?? [];
    const supporting = await referencedAgencies(
      manager,
      problems,
      'input.supportingAgencySlugs',
      slugs,
      plan?.countryCode,
    );
    if (supporting && lead && supporting.some((agency) => agency.id === lead.id)) {
      problems.add(
        'input.supportingAgencySlugs',
        errorMessage('commitment.leadAlsoSupporting', { slug: lead.slug }),
        lead.slug,
      );
    } else if (supporting) agencies.supporting = supporting;
  }
  return { changes, agencies };
}
