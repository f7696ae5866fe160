import { Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  DomainException,
  InputProblems,
  assertUuid,
  checkText,
  requireRole,
  type Actor,
} from '@ogp/core';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { toAgency } from '../agencies';
import { checkPassword, hashPassword } from './passwords';
import { UserEntity } from './user.entity';
import type { User } from './user.model';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencySlugs?: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest email address a mailbox can have (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/** Whether `email` (trimmed and lower-cased already) has the shape of an email address and fits a mailbox. */
export function isEmailAddress(email: string): boolean {
  return email.length <= EMAIL_MAX_LENGTH && EMAIL.test(email);
}

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    roles: entity.roles,
    agencies: (entity.agencies ?? []).map(toAgency),
    isActive: entity.isActive,
  };
}

/** Agencies by slug, every unknown slug named; a coordinator needs at least one. */
/** user.display_name is varchar(200). */
const DISPLAY_NAME_MAX = 200;

async function agenciesFor(
  manager: EntityManager,
  roles: Role[],
  slugs: string[],
  field: string,
): Promise<AgencyEntity[]> {
  const unique = [...new Set(slugs)];
  const agencies = unique.length
    ? await manager.getRepository(AgencyEntity).findBy({ slug: In(unique) })
    : [];
  const missing = unique.filter((slug) => !agencies.some((a) => a.slug === slug));
  if (missing.length > 0) {
    throw DomainException.badInput(
      field,
      errorMessage('agency.unknown', { slugs: missing }),
      missing,
    );
  }
  if (roles.includes(Role.COORDINATOR) && agencies.length === 0) {
    throw DomainException.badInput(field, errorMessage('user.coordinatorNeedsAgency'));
  }
  if (!roles.includes(Role.COORDINATOR) && agencies.length > 0) {
    throw DomainException.badInput(field, errorMessage('user.agenciesOnlyForCoordinators'));
  }
  return agencies;
}

function checkRoles(roles: unknown, field: string): Role[] {
  if (!Array.isArray(roles) || roles.length === 0) {
    throw DomainException.badInput(field, errorMessage('user.roleRequired'));
  }
  const unknown = roles.filter((role) => !Object.values(Role).includes(role as Role));
  if (unknown.length > 0)
    throw DomainException.badInput(field, errorMessage('user.unknownRoles', { roles: unknown }));
  return [...new Set(roles as Role[])].sort();
}

/**
 * Makes a user. Shared by the admin mutation and `npm run user:create` (whose caller is trusted by having the
 * server's files), so the rules are the same on both paths.
 */
export async function createUserRecord(
  manager: EntityManager,
  input: NewUser,
): Promise<UserEntity> {
  const email = input.email.trim().toLowerCase();
  if (!isEmailAddress(email)) {
    throw DomainException.badInput('input.email', errorMessage('user.email'), input.email);
  }
  const problems = new InputProblems();
  const checkedName = checkText(problems, 'input.displayName', input.displayName, {
    max: DISPLAY_NAME_MAX,
    nullable: false,
  });
  problems.throwIfAny();
  const displayName = checkedName!;
  checkPassword(input.password, 'input.password', { email, displayName });
  const roles = checkRoles(input.roles, 'input.roles');
  const agencies = await agenciesFor(manager, roles, input.agencySlugs ?? [], 'input.agencySlugs');
  if (await manager.getRepository(UserEntity).existsBy({ email })) {
    throw DomainException.badInput('input.email', errorMessage('user.emailTaken'), email);
  }
  const user = manager.getRepository(UserEntity).create({
    email,
    displayName,
    passwordHash: await hashPassword(input.password),
    roles,
    agencies,
  });
  return manager.getRepository(UserEntity).save(user);
}

@Injectable()
export class UsersService {
  constructor(private readonly db: DataSource) {}

  async me(actor: Actor): Promise<User | null> {
    if (actor.kind !== 'user') return null;
    return this.profile(actor.userId);
  }

  async list(actor: Actor): Promise<User[]> {
    requireRole(actor, Role.ADMIN);
    const users = await this.db
      .getRepository(UserEntity)
      .find({ relations: { agencies: true }, order: { email: 'ASC' } });
    return users.map(toUser);
  }

  async create(actor: Actor, input: NewUser): Promise<User> {
    requireRole(actor, Role.ADMIN);
    const user = await this.db.transaction((manager) => createUserRecord(manager, input));
    return this.profile(user.id);
  }

  /** Replaces a user's roles and (for coordinators) agencies in one step. */
  async setRoles(
    actor: Actor,
    userId: string,
    roles: Role[],
    agencySlugs: string[],
  ): Promise<User> {
    requireRole(actor, Role.ADMIN);
    const id = assertUuid('userId', userId);
    await this.db.transaction(async (manager) => {
      // Locked, so two admins changing one user's roles at once apply one after the other.
      await manager.query('SELECT id FROM app_user WHERE id = $1 FOR UPDATE', [id]);
      const user = await manager
        .getRepository(UserEntity)
        .findOne({ where: { id }, relations: { agencies: true } });
      if (!user) throw DomainException.notFound('user', 'id', userId);
      const checked = checkRoles(roles, 'roles');
      if (actor.kind === 'user' && actor.userId === id && !checked.includes(Role.ADMIN)) {
        throw DomainException.badInput('roles', errorMessage('user.ownAdminRole'));
      }
      user.roles = checked;
      user.agencies = await agenciesFor(manager, checked, agencySlugs, 'agencySlugs');
      await manager.getRepository(UserEntity).save(user);
    });
    return this.profile(id);
  }

  /** Stops a user signing in and ends their sessions and tokens; their history stays. */
  async deactivate(actor: Actor, userId: string): Promise<User> {
    requireRole(actor, Role.ADMIN);
    const id = assertUuid('userId', userId);
    if (actor.kind === 'user' && actor.userId === id) {
      throw DomainException.badInput('userId', errorMessage('user.deactivateSelf'));
    }
    await this.db.transaction(async (manager) => {
      if (!(await manager.getRepository(UserEntity).existsBy({ id }))) {
        throw DomainException.notFound('user', 'id', userId);
      }
      await manager.query(
        'UPDATE app_user SET is_active = false, deactivated_at = COALESCE(deactivated_at, now()) WHERE id = $1',
        [id],
      );
      await manager.query(
        'UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [id],
      );
      await manager.query(
        'UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [id],
      );
    });
    return this.profile(id);
  }

  /** A user as the API shows them (after sign-in, to the user themself). */
  async profile(id: string): Promise<User> {
    const user = await this.db
      .getRepository(UserEntity)
      .findOne({ where: { id }, relations: { agencies: true } });
    if (!user) throw DomainException.notFound('user', 'id', id);
    return toUser(user);
  }
}
