import { randomBytes } from 'node:crypto';
import type { Role } from '@ogp/common';
import { createUserRecord } from '@ogp/domain';
import type { DataSource } from 'typeorm';
import { graphql } from './graphql-client';

export const TEST_PASSWORD = 'a test password that is long enough';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** A user made straight in the database (as `npm run user:create` does), with a unique email. */
export async function createTestUser(
  dataSource: DataSource,
  options: { roles: Role[]; agencySlugs?: string[]; displayName?: string; password?: string },
): Promise<TestUser> {
  const email = `user-${randomBytes(5).toString('hex')}@example.org`;
  const password = options.password ?? TEST_PASSWORD;
  const user = await dataSource.transaction((manager) =>
    createUserRecord(manager, {
      email,
      displayName: options.displayName ?? `Test ${options.roles.join(' ')}`,
      password,
      roles: options.roles,
      agencySlugs: options.agencySlugs ?? [],
    }),
  );
  return { id: user.id, email, password };
}

/** Signs in over GraphQL and returns the headers that carry the session cookie on later requests. */
export async function signIn(
  baseUrl: string,
  user: { email: string; password: string },
): Promise<Record<string, string>> {
  // As a well-behaved client does: a busy server's refusal (503 with a retry hint) is tried again after the
  // hint, a few times; the test process shares the server's event loop, which the server counts as busy.
  for (let attempt = 1; ; attempt++) {
    const result = await graphql(
      baseUrl,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      { email: user.email, password: user.password },
    );
    const refusal = result.errors?.[0];
    const retryAfter = Number(refusal?.extensions?.retryAfterSeconds);
    if (refusal?.extensions?.code === 'SERVICE_UNAVAILABLE' && retryAfter > 0 && attempt < 4) {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      continue;
    }
    if (result.errors) throw new Error(`sign-in failed: ${result.errors[0].message}`);
    const cookie = result.headers.get('set-cookie');
    if (!cookie) throw new Error('sign-in set no cookie');
    return { cookie: cookie.split(';')[0] };
  }
}
