import { Logger } from '@nestjs/common';
import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn, type TestUser } from '../utils/users';

const ME = '{ me { email displayName roles agencies { slug } } }';
const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }';

describe('accounts: signing in, sessions, API tokens, back-off', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    admin = await createTestUser(db.dataSource, { roles: [Role.ADMIN], displayName: 'Ada Admin' });
    coordinator = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR],
      agencySlugs: ['rigsarkivet'],
      displayName: 'Carl Coordinator',
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const me = (headers: Record<string, string> = {}) => graphql(api.baseUrl, ME, {}, headers);

  describe('login', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain HTTP) and me shows the user', async () => {
      const result = await graphql(api.baseUrl, LOGIN, {
        email: coordinator.email,
        password: coordinator.password,
      });
      expect(result.errors).toBeUndefined();
      const cookie = result.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^ogp_session=ogps_[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).not.toContain('Secure');
      const answer = await me({ cookie: cookie.split(';')[0] });
      expect(answer.data?.me).toEqual({
        email: coordinator.email,
        displayName: 'Carl Coordinator',
        roles: ['COORDINATOR'],
        agencies: [{ slug: 'rigsarkivet' }],
      });
    });

    it('accepts the email in any letter case', async () => {
      const result = await graphql(api.baseUrl, LOGIN, {
        email: admin.email.toUpperCase(),
        password: admin.password,
      });
      expect(result.data?.login.email).toBe(admin.email);
    });

    it('stores only a hash of the session token', async () => {
      const headers = await signIn(api.baseUrl, admin);
      const token = headers.cookie.split('=')[1];
      const rows = await db.dataSource.query('SELECT token_hash FROM session');
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('gives an unknown email and a wrong password the same answer', async () => {
      const unknown = await graphql(api.baseUrl, LOGIN, {
        email: 'nobody@example.org',
        password: 'whatever it is here',
      });
      const wrong = await graphql(api.baseUrl, LOGIN, {
        email: admin.email,
        password: 'not the right password',
      });
      expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0]).toEqual({ ...unknown.errors?.[0] });
      expect(unknown.headers.get('set-cookie')).toBeNull();
    });

    it('answers me with null when nobody is signed in', async () => {
      expect((await me()).data?.me).toBeNull();
      expect((await me({ cookie: 'ogp_session=ogps_forged' })).data?.me).toBeNull();
    });
  });

  describe('sessions end', () => {
    it('at logout: the cookie no longer signs in', async () => {
      const headers = await signIn(api.baseUrl, coordinator);
      const out = await graphql(api.baseUrl, 'mutation { logout }', {}, headers);
      expect(out.data?.logout).toBe(true);
      expect(out.headers.get('set-cookie')).toMatch(/^ogp_session=;/);
      expect((await me(headers)).data?.me).toBeNull();
    });

    it('after the idle timeout', async () => {
      const headers = await signIn(api.baseUrl, coordinator);
      expect((await me(headers)).data?.me?.email).toBe(coordinator.email);
      await db.dataSource.query(
        `UPDATE session SET last_seen_at = now() - make_interval(mins => $1 + 1)
         WHERE token_hash = encode(sha256($2::bytea), 'hex')`,
        [api.config.sessionIdleMinutes, headers.cookie.split('=')[1]],
      );
      expect((await me(headers)).data?.me).toBeNull();
    });

    it('at its absolute lifetime, however active', async () => {
      const headers = await signIn(api.baseUrl, coordinator);
      await db.dataSource.query(
        `UPDATE session SET expires_at = now() - interval '1 second'
         WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
        [headers.cookie.split('=')[1]],
      );
      expect((await me(headers)).data?.me).toBeNull();
    });

    it('when the user is deactivated, with their API tokens', async () => {
      const leaver = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
      const headers = await signIn(api.baseUrl, leaver);
      const created = await graphql(
        api.baseUrl,
        'mutation { createApiToken(name: "script") { token } }',
        {},
        headers,
      );
      const bearer = { authorization: `Bearer ${created.data?.createApiToken.token}` };
      expect((await me(bearer)).data?.me?.email).toBe(leaver.email);

      const adminHeaders = await signIn(api.baseUrl, admin);
      const result = await graphql(
        api.baseUrl,
        'mutation ($id: ID!) { deactivateUser(userId: $id) { isActive } }',
        { id: leaver.id },
        adminHeaders,
      );
      expect(result.data?.deactivateUser.isActive).toBe(false);
      expect((await me(headers)).data?.me).toBeNull();
      expect((await me(bearer)).data?.me).toBeNull();
      const again = await graphql(api.baseUrl, LOGIN, {
        email: leaver.email,
        password: leaver.password,
      });
      expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('personal API tokens', () => {
    it('are shown once, work as Bearer, are listed without the secret with their last use, and can be revoked', async () => {
      const headers = await signIn(api.baseUrl, coordinator);
      const created = await graphql(
        api.baseUrl,
        'mutation { createApiToken(name: "agency reporting script") { token apiToken { id name tokenPrefix lastUsedAt } } }',
        {},
        headers,
      );
      expect(created.errors).toBeUndefined();
      const { token, apiToken } = created.data!.createApiToken;
      expect(token).toMatch(/^ogpt_[A-Za-z0-9_-]{43}$/);
      expect(apiToken.lastUsedAt).toBeNull();
      expect(token.startsWith(apiToken.tokenPrefix)).toBe(true);

      const bearer = { authorization: `Bearer ${token}` };
      expect((await me(bearer)).data?.me?.email).toBe(coordinator.email);

      const listed = await graphql(
        api.baseUrl,
        '{ apiTokens { id name lastUsedAt revokedAt } }',
        {},
        headers,
      );
      const entry = listed.data?.apiTokens.find((t: { id: string }) => t.id === apiToken.id);
      expect(entry).toMatchObject({ name: 'agency reporting script', revokedAt: null });
      expect(entry.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(listed)).not.toContain(token);
      const stored = await db.dataSource.query('SELECT * FROM api_token');
      expect(JSON.stringify(stored)).not.toContain(token);

      const revoked = await graphql(
        api.baseUrl,
        'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
        { id: apiToken.id },
        headers,
      );
      expect(revoked.data?.revokeApiToken.revokedAt).not.toBeNull();
      expect((await me(bearer)).data?.me).toBeNull();
    });

    it("cannot revoke another user's token", async () => {
      const mine = await signIn(api.baseUrl, coordinator);
      const created = await graphql(
        api.baseUrl,
        'mutation { createApiToken(name: "mine") { apiToken { id } } }',
        {},
        mine,
      );
      const theirs = await signIn(api.baseUrl, admin);
      const result = await graphql(
        api.baseUrl,
        'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
        { id: created.data?.createApiToken.apiToken.id },
        theirs,
      );
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('need a name and a signed-in user', async () => {
      const headers = await signIn(api.baseUrl, coordinator);
      const empty = await graphql(
        api.baseUrl,
        'mutation { createApiToken(name: "  ") { token } }',
        {},
        headers,
      );
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const anonymous = await graphql(
        api.baseUrl,
        'mutation { createApiToken(name: "x") { token } }',
      );
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('back-off after failed sign-ins', () => {
    // Every request here comes from 127.0.0.1: start each case with a clean count.
    beforeEach(async () => {
      await db.dataSource.query('DELETE FROM login_throttle');
    });

    it('slows an account down from one address after 5 failures, even for the right password, and logs it (never a password)', async () => {
      const target = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
      const warnings = jest.spyOn(Logger.prototype, 'warn');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const failed = await graphql(api.baseUrl, LOGIN, {
          email: target.email,
          password: `wrong guess ${attempt}xx`,
        });
        expect(failed.errors?.[0].message).toBe('Wrong email or password');
      }
      const slowed = await graphql(api.baseUrl, LOGIN, {
        email: target.email,
        password: target.password,
      });
      expect(slowed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(slowed.errors?.[0].message).toMatch(/Too many failed sign-ins/);
      expect(slowed.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(slowed.headers.get('set-cookie')).toBeNull();

      const logged = warnings.mock.calls.map((call) => String(call[0]));
      warnings.mockRestore();
      expect(
        logged.some((line) => line.includes('Sign-in slowed') && line.includes(target.email)),
      ).toBe(true);
      expect(logged.join('\n')).not.toMatch(/wrong guess/);

      // When the wait has run out, the right password works again.
      await db.dataSource.query(
        `UPDATE login_throttle SET next_attempt_at = now() - interval '1 second'`,
      );
      const after = await graphql(api.baseUrl, LOGIN, {
        email: target.email,
        password: target.password,
      });
      expect(after.data?.login.email).toBe(target.email);
    });

    it('treats an unknown email like a known one (no hint which emails exist)', async () => {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await graphql(api.baseUrl, LOGIN, {
          email: 'ghost@example.org',
          password: 'some password guess',
        });
      }
      const next = await graphql(api.baseUrl, LOGIN, {
        email: 'ghost@example.org',
        password: 'some password guess',
      });
      expect(next.errors?.[0].message).toMatch(/Too many failed sign-ins/);
      await db.dataSource.query('DELETE FROM login_throttle');
    });

    // Addresses, owners signing in while others are slowed, and bad input: sign-in-backoff.e2e-spec.ts.
  });

  describe('user administration', () => {
    it('creates a coordinator for an agency, who signs in and sees the agency', async () => {
      const headers = await signIn(api.baseUrl, admin);
      const created = await graphql(
        api.baseUrl,
        `
          mutation ($input: CreateUserInput!) {
            createUser(input: $input) {
              email
              roles
              agencies {
                slug
              }
            }
          }
        `,
        {
          input: {
            email: 'New.Coordinator@Example.org',
            displayName: 'New Coordinator',
            password: 'twelve chars',
            roles: ['COORDINATOR'],
            agencySlugs: ['digitaliseringsstyrelsen'],
          },
        },
        headers,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data?.createUser).toEqual({
        email: 'new.coordinator@example.org',
        roles: ['COORDINATOR'],
        agencies: [{ slug: 'digitaliseringsstyrelsen' }],
      });
      const session = await signIn(api.baseUrl, {
        email: 'new.coordinator@example.org',
        password: 'twelve chars',
      });
      expect((await me(session)).data?.me?.agencies).toEqual([
        { slug: 'digitaliseringsstyrelsen' },
      ]);
    });

    it.each([
      ['a password of 11 characters', { password: 'eleven char' }, 'input.password'],
      ['a password of 129 characters', { password: 'x'.repeat(129) }, 'input.password'],
      ['a password of twelve spaces', { password: ' '.repeat(12) }, 'input.password'],
      ['a password of one character repeated', { password: 'aaaaaaaaaaaa' }, 'input.password'],
      ['the email as the password', { password: 'Someone.Else@example.org' }, 'input.password'],
      ['the display name as the password', { password: 'someone in particular' }, 'input.password'],
      ['a common password', { password: 'qwerty123456' }, 'input.password'],
      [
        'an email taken in another letter case',
        { email: 'NEW.COORDINATOR@example.org' },
        'input.email',
      ],
      ['no email at all', { email: 'not-an-email' }, 'input.email'],
      ['no roles', { roles: [] }, 'input.roles'],
      [
        'a coordinator without an agency',
        { roles: ['COORDINATOR'], agencySlugs: [] },
        'input.agencySlugs',
      ],
      [
        'an unknown agency',
        { roles: ['COORDINATOR'], agencySlugs: ['no-such-agency'] },
        'input.agencySlugs',
      ],
      ['an empty display name', { displayName: '  ' }, 'input.displayName'],
    ])('refuses %s, naming the field, and creates nothing', async (_case, change, field) => {
      const headers = await signIn(api.baseUrl, admin);
      const [{ count: before }] = await db.dataSource.query(
        'SELECT COUNT(*) AS count FROM app_user',
      );
      const result = await graphql(
        api.baseUrl,
        `
          mutation ($input: CreateUserInput!) {
            createUser(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            email: 'someone.else@example.org',
            displayName: 'Someone in particular',
            password: 'a fine long password',
            roles: ['REVIEWER'],
            ...change,
          },
        },
        headers,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const [{ count: after }] = await db.dataSource.query(
        'SELECT COUNT(*) AS count FROM app_user',
      );
      expect(after).toBe(before);
    });

    it('accepts a password of 12 characters that breaks no rule, without composition rules', async () => {
      const headers = await signIn(api.baseUrl, admin);
      const result = await graphql(
        api.baseUrl,
        `
          mutation ($input: CreateUserInput!) {
            createUser(input: $input) {
              email
            }
          }
        `,
        {
          input: {
            email: 'plain@example.org',
            displayName: 'Plain',
            password: 'plain spoken',
            roles: ['REVIEWER'],
          },
        },
        headers,
      );
      expect(result.errors).toBeUndefined();
    });

    it("changes a user's roles and agencies with setUserRoles", async () => {
      const headers = await signIn(api.baseUrl, admin);
      const person = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
      const result = await graphql(
        api.baseUrl,
        `
          mutation ($id: ID!) {
            setUserRoles(
              userId: $id
              roles: [COORDINATOR, REVIEWER]
              agencySlugs: ["rigsarkivet", "finansministeriet"]
            ) {
              roles
              agencies {
                slug
              }
            }
          }
        `,
        { id: person.id },
        headers,
      );
      expect(result.data?.setUserRoles.roles).toEqual(['COORDINATOR', 'REVIEWER']);
      expect(
        result.data?.setUserRoles.agencies.map((a: { slug: string }) => a.slug).sort(),
      ).toEqual(['finansministeriet', 'rigsarkivet']);
      const session = await signIn(api.baseUrl, person);
      expect((await me(session)).data?.me?.roles).toEqual(['COORDINATOR', 'REVIEWER']);
    });
  });

  describe('cross-site safety', () => {
    it('refuses a GraphQL request a browser could send cross-site without a preflight (CSRF)', async () => {
      const headers = await signIn(api.baseUrl, admin);
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      });
      expect(response.status).toBe(400);
      expect((await me(headers)).data?.me?.email).toBe(admin.email);
      const get = await fetch(
        `${api.baseUrl}/graphql?query=${encodeURIComponent('{ me { email } }')}`,
        { headers },
      );
      expect(get.status).toBe(400);
    });

    it('sends no CORS permission to other origins by default', async () => {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://elsewhere.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
