import type { Role } from '@ogp/common';
import type { UserActor } from '@ogp/core';

const NO_USER = '00000000-0000-4000-8000-000000000000';

/** A signed-in viewer for service and loader tests, as a session would make it (no database row needed). */
export function testActor(
  roles: Role[],
  options: { agencyIds?: string[]; userId?: string; displayName?: string } = {},
): UserActor {
  return {
    kind: 'user',
    userId: options.userId ?? NO_USER,
    displayName: options.displayName ?? `Test ${roles.join(' ')}`,
    roles: new Set(roles),
    agencyIds: new Set(options.agencyIds ?? []),
    via: { kind: 'session', sessionId: '00000000-0000-4000-8000-000000000001' },
  };
}
