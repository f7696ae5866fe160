import { Role } from '@ogp/common';
import { graphql, type GraphqlError } from '../client';

// Signing in: the request, and the pure rules for where to go after it and how long to wait after refusals.

export interface SignedInUser {
  id: string;
  displayName: string;
  roles: Role[];
}

export async function login(email: string, password: string): Promise<SignedInUser> {
  const data = await graphql<{ login: SignedInUser }>(
    `
      mutation Login($email: String!, $password: String!) {
        login(email: $email, password: $password) {
          id
          displayName
          roles
        }
      }
    `,
    { email, password },
  );
  return data.login;
}

/**
 * The `next` parameter when it is a path of this app on this origin ("/..." but not "//..." or "/\...",
 * which browsers read as another host); otherwise null.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  // Control characters and backslashes: browsers strip or turn them into "/", changing the host.
  if ([...next].some((c) => c === '\\' || c.charCodeAt(0) < 0x20)) return null;
  try {
    const base = 'https://tracker.invalid';
    const url = new URL(next, base);
    if (url.origin !== base || url.pathname === '/sign-in') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Where a user lands after signing in without a `next`: their own work first. */
export function landingPath(roles: readonly Role[]): string {
  if (roles.includes(Role.COORDINATOR) || roles.includes(Role.ADMIN)) return '/my-milestones';
  if (roles.includes(Role.REVIEWER)) return '/review';
  return '/plans';
}

/**
 * Whether a sign-in refusal is the back-off after repeated failures, and how long to wait: seconds under a minute,
 * else whole minutes rounded up (the API says when to retry).
 */
export function signInWait(error: GraphqlError): { seconds: number } | { minutes: number } | null {
  const seconds = error.extensions.retryAfterSeconds;
  if (typeof seconds !== 'number') return null;
  if (seconds < 60) return { seconds: Math.max(1, Math.ceil(seconds)) };
  return { minutes: Math.ceil(seconds / 60) };
}
