import { Role, errorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '../errors/domain.exception';

export interface AnonymousActor {
  kind: 'anonymous';
}

/** A signed-in user, as one request sees them. */
export interface UserActor {
  kind: 'user';
  userId: string;
  displayName: string;
  roles: ReadonlySet<Role>;
  /** Agencies a coordinator reports for. */
  agencyIds: ReadonlySet<string>;
  /** How this request was authenticated. */
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string };
}

/** Who is asking: every service method takes it as its first argument and decides from it. */
export type Actor = AnonymousActor | UserActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role): actor is UserActor {
  return actor.kind === 'user' && actor.roles.has(role);
}

export const isAdmin = (actor: Actor): actor is UserActor => hasRole(actor, Role.ADMIN);

/** Staff who may see what the public may not (unpublished plans, INTERNAL notes): reviewers and admins. */
export const seesEverything = (actor: Actor): actor is UserActor =>
  hasRole(actor, Role.ADMIN) || hasRole(actor, Role.REVIEWER);

export function requireSignedIn(actor: Actor): UserActor {
  if (actor.kind !== 'user') {
    throw new DomainException(ErrorCode.UNAUTHENTICATED, errorMessage('auth.signInFirst'));
  }
  return actor;
}

/** The actor, if signed in with one of `roles`; UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireRole(actor: Actor, ...roles: Role[]): UserActor {
  const user = requireSignedIn(actor);
  if (!roles.some((role) => user.roles.has(role))) {
    throw new DomainException(ErrorCode.FORBIDDEN, errorMessage('auth.roleRequired', { roles }), {
      requiredRoles: roles,
    });
  }
  return user;
}
