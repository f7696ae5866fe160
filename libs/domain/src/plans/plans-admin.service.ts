import { Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type Actor,
  InputProblems,
  SLUG_MAX,
  archivedItem,
  checkCalendarDate,
  checkKey,
  checkPrefixedPeriod,
  checkPositiveInteger,
  isGiven,
  writeTransaction,
  archiveRow,
  lockedRow,
  checkTitleAndDescription,
} from '@ogp/core';
import { DataSource, type EntityManager } from 'typeorm';
import { COUNTRY_CODE, COUNTRY_CODE_SHAPE, PLAN_SLUG, PLAN_SLUG_SHAPE } from './plan-keys';
import { referencedAgencies } from '../agencies';
import { toActionPlan } from './action-plan.mapper';
import { ActionPlanEntity } from './action-plan.entity';
import type { ActionPlan } from './action-plan.model';
import type { CreateActionPlanInput } from './dto/create-action-plan.input';
import type { UpdateActionPlanInput } from './dto/update-action-plan.input';

const UNIQUE_FIELDS = { slug: 'input.slug' };

type PlanInput = CreateActionPlanInput | UpdateActionPlanInput;

/** Setting up action plans (administrators only). Plans are archived, never deleted. */
@Injectable()
export class PlansAdminService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: CreateActionPlanInput): Promise<ActionPlan> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const changes = await checkPlan(manager, input, null);
      const plans = manager.getRepository(ActionPlanEntity);
      const saved = await plans.save(plans.create({ isPublished: false, ...changes }));
      return toActionPlan(await plans.findOneByOrFail({ id: saved.id }));
    });
  }

  async update(actor: Actor, slug: string, input: UpdateActionPlanInput): Promise<ActionPlan> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const plan = await lockedRow(manager, ActionPlanEntity, 'plan', 'slug', slug);
      if (plan.archivedAt !== null) throw archivedItem('slug', 'plan', slug);
      const changes = await checkPlan(manager, input, plan);
      const plans = manager.getRepository(ActionPlanEntity);
      if (Object.keys(changes).length > 0) await plans.update({ id: plan.id }, changes);
      return toActionPlan(await plans.findOneByOrFail({ id: plan.id }));
    });
  }

  /** Takes a plan out of the public reads; its themes, commitments and history stay. Idempotent. */
  async archive(actor: Actor, slug: string): Promise<ActionPlan> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const plan = await lockedRow(manager, ActionPlanEntity, 'plan', 'slug', slug);
      return toActionPlan(await archiveRow(manager, ActionPlanEntity, plan));
    });
  }
}

/** Every problem of the input, or the columns to write (all of them for a new plan). */
async function checkPlan(
  manager: EntityManager,
  input: PlanInput,
  current: ActionPlanEntity | null,
): Promise<Partial<ActionPlanEntity>> {
  const problems = new InputProblems();
  const changes: Partial<ActionPlanEntity> = {};
  const creating = current === null;

  if (creating || isGiven(input.slug)) {
    const slug = checkKey(problems, 'input.slug', input.slug, PLAN_SLUG, SLUG_MAX, PLAN_SLUG_SHAPE);
    if (slug !== undefined && slug !== current?.slug) {
      const taken = await manager.getRepository(ActionPlanEntity).findOneBy({ slug });
      if (taken) {
        problems.add(
          'input.slug',
          errorMessage(taken.archivedAt ? 'plan.slugTakenArchived' : 'plan.slugTaken'),
          slug,
        );
      } else changes.slug = slug;
    }
  }
  if (creating || isGiven(input.countryCode)) {
    const code = checkKey(
      problems,
      'input.countryCode',
      input.countryCode,
      COUNTRY_CODE,
      2,
      COUNTRY_CODE_SHAPE,
    );
    if (code !== undefined && current && code !== current.countryCode) {
      // Its agencies are of its country: a plan that names any keeps the country they belong to.
      const [named]: { slugs: string[] | null }[] = await manager.query(
        `SELECT array_agg(DISTINCT a.slug ORDER BY a.slug) AS slugs FROM agency a
         WHERE a.country_code <> $2 AND (a.id = (SELECT coordinating_agency_id FROM action_plan WHERE id = $1)
           OR a.id IN (SELECT ca.agency_id FROM commitment_agency ca
                       JOIN commitment c ON c.id = ca.commitment_id WHERE c.action_plan_id = $1))`,
        [current.id, code],
      );
      if (named.slugs?.length) {
        problems.add(
          'input.countryCode',
          errorMessage('plan.countryHasAgencies', {
            code,
            country: current.countryCode,
            slugs: named.slugs,
          }),
          code,
        );
      } else changes.countryCode = code;
    } else if (code !== undefined) changes.countryCode = code;
  }
  checkTitleAndDescription(problems, creating, input, current, changes);
  if (isGiven(input.actionPlanNumber)) {
    if (input.actionPlanNumber === null) changes.actionPlanNumber = null;
    else {
      const number = checkPositiveInteger(
        problems,
        'input.actionPlanNumber',
        input.actionPlanNumber,
      );
      if (number !== undefined) changes.actionPlanNumber = number;
    }
  }
  checkPrefixedPeriod(problems, 'period', input, current, 'plan', changes);
  if (isGiven(input.publishedOn)) {
    const publishedOn = checkCalendarDate(problems, 'input.publishedOn', input.publishedOn);
    if (publishedOn !== undefined) changes.publishedOn = publishedOn;
  }
  if (isGiven(input.coordinatingAgencySlug)) {
    if (input.coordinatingAgencySlug === null) changes.coordinatingAgencyId = null;
    else {
      const [agency] =
        (await referencedAgencies(
          manager,
          problems,
          'input.coordinatingAgencySlug',
          [input.coordinatingAgencySlug],
          changes.countryCode ?? current?.countryCode,
        )) ?? [];
      if (agency) changes.coordinatingAgencyId = agency.id;
    }
  }
  if (isGiven(input.isPublished)) {
    // A new plan may leave it null (unpublished); an existing one is either published or not.
    if (input.isPublished !== null) changes.isPublished = input.isPublished;
    else if (!creating) {
      problems.add('input.isPublished', errorMessage('plan.publishedNotClearable'));
    }
  }
  problems.throwIfAny();
  return changes;
}
