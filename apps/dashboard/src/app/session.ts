import type { Role } from '@ogp/common';
import { graphql } from '../api/client';
import type { LocalizedText } from '../api/dashboard';

export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  agencies: { slug: string; name: LocalizedText }[];
}

const ME = `query Me { me { id displayName email roles agencies { slug name { da en } } } }`;

/** The signed-in user, read from the session cookie by the API (null when signed out). */
export async function fetchSessionUser(): Promise<SessionUser | null> {
  const data = await graphql<{ me: SessionUser | null }>(ME);
  return data.me;
}

export async function signOut(): Promise<void> {
  await graphql<{ logout: boolean }>('mutation Logout { logout }');
}

export function hasRole(user: SessionUser | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
