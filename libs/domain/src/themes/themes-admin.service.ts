import { Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  DomainException,
  assertUuid,
  requireRole,
  type Actor,
  InputProblems,
  KEY,
  KEY_SHAPE,
  SLUG_MAX,
  TITLE_MAX,
  archivedItem,
  checkKey,
  checkLocalized,
  checkPositiveInteger,
  isGiven,
  writeTransaction,
  archiveRow,
  lockedRow,
} from '@ogp/core';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { toTheme } from './theme.mapper';
import type { CreateThemeInput } from './dto/create-theme.input';
import type { UpdateThemeInput } from './dto/update-theme.input';
import { ThemeEntity } from './theme.entity';
import type { Theme } from './theme.model';

const UNIQUE_FIELDS = {
  'action_plan_id, key': 'input.key',
  'action_plan_id, number': 'input.number',
};

/** Setting up the themes of a plan (administrators only). Themes are archived, never deleted. */
@Injectable()
export class ThemesAdminService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: CreateThemeInput): Promise<Theme> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const problems = new InputProblems();
      const plan = await planBySlug(manager, input.planSlug);
      if (!plan) problems.add('input.planSlug', errorMessage('plan.unknown'), input.planSlug);
      else if (plan.archivedAt) {
        problems.add('input.planSlug', errorMessage('plan.archivedReference'), plan.slug);
      }
      const changes = await checkTheme(manager, problems, input, null, plan?.id ?? null);
      problems.throwIfAny();
      const themes = manager.getRepository(ThemeEntity);
      const saved = await themes.save(themes.create({ ...changes, actionPlanId: plan!.id }));
      return toTheme(await themes.findOneByOrFail({ id: saved.id }));
    });
  }

  async update(actor: Actor, id: string, input: UpdateThemeInput): Promise<Theme> {
    requireRole(actor, Role.ADMIN);
    const themeId = assertUuid('id', id);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const theme = await lockedRow(manager, ThemeEntity, 'theme', 'id', themeId);
      if (theme.archivedAt !== null) throw archivedItem('id', 'theme', theme.key);
      const problems = new InputProblems();
      const changes = await checkTheme(manager, problems, input, theme, theme.actionPlanId);
      problems.throwIfAny();
      const themes = manager.getRepository(ThemeEntity);
      if (Object.keys(changes).length > 0) await themes.update({ id: theme.id }, changes);
      return toTheme(await themes.findOneByOrFail({ id: theme.id }));
    });
  }

  /**
   * Takes a theme out of the public reads. Refused while unarchived commitments belong to it (move or archive
   * them first), so no visible commitment points at an archived theme. Idempotent.
   */
  async archive(actor: Actor, id: string): Promise<Theme> {
    requireRole(actor, Role.ADMIN);
    const themeId = assertUuid('id', id);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const theme = await lockedRow(manager, ThemeEntity, 'theme', 'id', themeId);
      const refuse = async (): Promise<void> => {
        const holding = await manager.getRepository(CommitmentEntity).find({
          where: { themeId: theme.id, archivedAt: IsNull() },
          order: { position: 'ASC' },
        });
        if (holding.length > 0) {
          const ogpIds = holding.map((c) => c.ogpId);
          throw DomainException.badInput(
            'id',
            errorMessage('theme.holdsCommitments', { key: theme.key, ogpIds }),
            ogpIds,
          );
        }
      };
      return toTheme(await archiveRow(manager, ThemeEntity, theme, { refuse }));
    });
  }
}

/** TypeORM drops an undefined condition (and would find any row), so a missing slug finds nothing. */
async function planBySlug(
  manager: EntityManager,
  slug: string | null | undefined,
): Promise<ActionPlanEntity | null> {
  if (typeof slug !== 'string') return null;
  return manager.getRepository(ActionPlanEntity).findOneBy({ slug });
}

async function checkTheme(
  manager: EntityManager,
  problems: InputProblems,
  input: CreateThemeInput | UpdateThemeInput,
  current: ThemeEntity | null,
  planId: string | null,
): Promise<Partial<ThemeEntity>> {
  const changes: Partial<ThemeEntity> = {};
  const creating = current === null;
  const themes = manager.getRepository(ThemeEntity);

  if (creating || isGiven(input.key)) {
    const key = checkKey(problems, 'input.key', input.key, KEY, SLUG_MAX, KEY_SHAPE);
    if (key !== undefined && key !== current?.key) {
      const clash = planId ? await themes.findOneBy({ actionPlanId: planId, key }) : null;
      if (clash) {
        const reason = clash.archivedAt ? 'theme.keyTakenArchived' : 'theme.keyTaken';
        problems.add('input.key', errorMessage(reason), key);
      } else changes.key = key;
    }
  }
  if (creating || isGiven(input.number)) {
    const number = checkPositiveInteger(problems, 'input.number', input.number);
    if (number !== undefined && number !== current?.number) {
      const clash = planId ? await themes.findOneBy({ actionPlanId: planId, number }) : null;
      if (clash) {
        problems.add(
          'input.number',
          errorMessage(clash.archivedAt ? 'theme.numberTakenArchived' : 'theme.numberTaken', {
            key: clash.key,
          }),
          number,
        );
      } else changes.number = number;
    }
  }
  if (creating || isGiven(input.title)) {
    const title = checkLocalized(problems, 'input.title', current?.title ?? null, input.title, {
      required: true,
      max: TITLE_MAX,
    });
    if (title) changes.title = title;
  }
  return changes;
}
