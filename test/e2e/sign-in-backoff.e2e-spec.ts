import { Logger } from '@nestjs/common';
import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, type TestUser } from '../utils/users';

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }';

/**
 * Sign-in back-off as clients at different addresses see it. The app trusts X-Forwarded-For (TRUST_PROXY=true,
 * as behind a reverse proxy), so each request says which address it comes from.
 */
describe('sign-in back-off: slows attackers down, never locks the owner out', () => {
  let db: TestDatabase;
  let api: TestApp;
  let owner: TestUser;
  let counter = 0;

  /** A documentation address (RFC 5737) of its own for each case, so the cases do not count for each other. */
  const newAddress = () => `203.0.113.${(counter += 1)}`;

  const login = (from: string, email: string, password: string) =>
    graphql(api.baseUrl, LOGIN, { email, password }, { 'x-forwarded-for': from });

  const retryAfter = (result: GraphqlResponse) =>
    result.errors?.[0].extensions?.retryAfterSeconds as number | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({
      databaseUrl: db.url,
      env: { SEED_PLAN_FILE: 'none', TRUST_PROXY: 'true' },
    });
  }, 60_000);

  beforeEach(async () => {
    owner = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  }, 60_000);

  it('lets the owner in from their own address at once while an attacker fails 10 times on the account from another', async () => {
    const attacker = newAddress();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const failed = await login(attacker, owner.email, `wrong guess number ${attempt}`);
      expect(failed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const signedIn = await login(newAddress(), owner.email, owner.password);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.login.email).toBe(owner.email);
    expect(signedIn.headers.get('set-cookie')).toMatch(/^ogp_session=/);
  });

  it("slows the attacker's pair down, longer after each attempt, up to 15 minutes, and logs it without a password", async () => {
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const attacker = newAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await login(attacker, owner.email, `wrong guess number ${attempt}`);
      expect(failed.errors?.[0].message).toBe('Wrong email or password');
    }
    const waits: number[] = [];
    for (let attempt = 6; attempt <= 20; attempt += 1) {
      const refused = await login(attacker, owner.email, `wrong guess number ${attempt}`);
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // (The sixth may come after its 2 s wait on a slow machine: then it is an ordinary failure.)
      if (attempt === 6 && retryAfter(refused) === undefined) continue;
      expect(refused.errors?.[0].message).toMatch(/^Too many failed sign-ins: try again in \d+ /);
      waits.push(retryAfter(refused)!);
    }
    expect(waits[0]).toBeGreaterThan(0);
    for (let i = 1; i < waits.length; i += 1) {
      expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    }
    expect(waits.at(-1)).toBe(15 * 60);
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]);

    // The right password from the attacker's address waits too: the pair is slowed, whoever types.
    const right = await login(attacker, owner.email, owner.password);
    expect(retryAfter(right)).toBeGreaterThan(0);
    expect(right.headers.get('set-cookie')).toBeNull();

    const logged = warnings.mock.calls.map((call) => String(call[0]));
    warnings.mockRestore();
    expect(
      logged.some((line) => line.includes('Sign-in slowed') && line.includes(owner.email)),
    ).toBe(true);
    expect(logged.join('\n')).not.toMatch(/wrong guess|a test password/);

    // The owner, from their own address, is not slowed at all.
    const signedIn = await login(newAddress(), owner.email, owner.password);
    expect(signedIn.data?.login.email).toBe(owner.email);
  });

  it('slows an address that sprays many accounts, and no one else', async () => {
    const sprayer = newAddress();
    for (let attempt = 1; attempt <= 50; attempt += 1) {
      const failed = await login(sprayer, `guess${attempt}@example.org`, 'some password guess');
      expect(failed.errors?.[0].message).toBe('Wrong email or password');
    }
    // A fresh account from the same address now waits, the right password included.
    const next = await login(sprayer, owner.email, owner.password);
    expect(next.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(retryAfter(next)).toBeGreaterThan(0);
    const later = await login(sprayer, 'guess51@example.org', 'some password guess');
    expect(retryAfter(later)).toBeGreaterThan(retryAfter(next)!);

    const elsewhere = await login(newAddress(), owner.email, owner.password);
    expect(elsewhere.data?.login.email).toBe(owner.email);
  }, 120_000);

  it('does not count successful sign-ins against an address (many users behind one office address)', async () => {
    const office = newAddress();
    for (let attempt = 1; attempt <= 55; attempt += 1) {
      const signedIn = await login(office, owner.email, owner.password);
      expect(signedIn.errors).toBeUndefined();
    }
  }, 120_000);

  it('treats an unknown email like a known one (no hint which emails exist)', async () => {
    const from = newAddress();
    const answers: GraphqlResponse[] = [];
    for (const email of ['ghost@example.org', owner.email]) {
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        answers.push(await login(from, email, 'some password guess'));
      }
    }
    const shown = answers.map((a) => [a.errors?.[0].extensions?.code, retryAfter(a) !== undefined]);
    expect(shown.slice(0, 6)).toEqual(shown.slice(6));
    expect(shown[5]).toEqual(['UNAUTHENTICATED', true]);
  });

  describe('bad input is refused and counted before any password check', () => {
    it.each([
      ['an email of 400 characters', `${'a'.repeat(388)}@example.org`, 'email'],
      ['an email of 5,000 characters', `${'a'.repeat(4988)}@example.org`, 'email'],
      ['an email of 255 characters', `${'a'.repeat(243)}@example.org`, 'email'],
      ['no email', '', 'email'],
      ['not an email at all', 'not an email', 'email'],
    ])('refuses %s with BAD_USER_INPUT naming the email', async (_case, email, field) => {
      const result = await login(newAddress(), email, 'some password guess');
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(result.errors?.[0].message).toMatch(/^email: /);
    });

    it.each([
      ['an empty password', ''],
      ['a password of 129 characters (no password can be that long)', 'x'.repeat(129)],
    ])('refuses %s with BAD_USER_INPUT naming password', async (_case, password) => {
      const result = await login(newAddress(), owner.email, password);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'password',
      });
    });

    it('counts them: an address sending many over-long emails is slowed', async () => {
      const from = newAddress();
      for (let attempt = 1; attempt <= 50; attempt += 1) {
        const email = `${String(attempt).padStart(attempt % 2 ? 388 : 4988, 'a')}@example.org`;
        const result = await login(from, email, 'some password guess');
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      const next = await login(from, `${'b'.repeat(388)}@example.org`, 'some password guess');
      expect(next.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(retryAfter(next)).toBeGreaterThan(0);
    });

    it('counts them for the pair too: five empty passwords slow the account from that address', async () => {
      const from = newAddress();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await login(from, owner.email, '');
      }
      const next = await login(from, owner.email, owner.password);
      expect(retryAfter(next)).toBeGreaterThan(0);
    });
  });
});
