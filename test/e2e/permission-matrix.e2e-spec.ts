import { randomBytes } from 'node:crypto';
import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn, type TestUser } from '../utils/users';

/**
 * The permission matrix of product.md, one row per mutation. Every mutation of the schema must have a row: a new
 * mutation without one fails this test until someone decides who may call it.
 */
type Actor = 'anonymous' | 'leadCoordinator' | 'otherCoordinator' | 'reviewer' | 'admin';
type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const ACTORS: Actor[] = ['anonymous', 'leadCoordinator', 'otherCoordinator', 'reviewer', 'admin'];

interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

interface Row {
  /** Builds a call that would succeed for someone allowed (fresh subjects, made by an administrator). */
  call(actor: Actor): Promise<Call>;
  expect: Record<Actor, Outcome>;
}

const everyone: Record<Actor, Outcome> = {
  anonymous: 'allowed',
  leadCoordinator: 'allowed',
  otherCoordinator: 'allowed',
  reviewer: 'allowed',
  admin: 'allowed',
};
const signedIn: Record<Actor, Outcome> = { ...everyone, anonymous: 'UNAUTHENTICATED' };
const leadAgencyReporters: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  leadCoordinator: 'allowed',
  otherCoordinator: 'FORBIDDEN',
  reviewer: 'FORBIDDEN',
  admin: 'allowed',
};
const reviewers: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  leadCoordinator: 'FORBIDDEN',
  otherCoordinator: 'FORBIDDEN',
  reviewer: 'allowed',
  admin: 'allowed',
};
const adminOnly: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  leadCoordinator: 'FORBIDDEN',
  otherCoordinator: 'FORBIDDEN',
  reviewer: 'FORBIDDEN',
  admin: 'allowed',
};

const unique = () => randomBytes(4).toString('hex');
let ogpCounter = 9000;
const nextOgpId = () => `ZZ${String((ogpCounter += 1)).padStart(4, '0')}`;

describe('permission matrix: every mutation as every kind of user', () => {
  let db: TestDatabase;
  let api: TestApp;
  const users = {} as Record<Exclude<Actor, 'anonymous'>, TestUser>;
  let adminHeaders: Record<string, string>;

  /** Setup calls made by an administrator; they must succeed. */
  async function asAdmin(query: string, variables: Record<string, unknown> = {}) {
    const result = await graphql(api.baseUrl, query, variables, adminHeaders);
    if (result.errors) throw new Error(`setup failed: ${JSON.stringify(result.errors)}`);
    return result.data!;
  }

  /**
   * Published: the matrix is about rights on what the user may read (on a plan they may not read, every write
   * answers NOT_FOUND, as for an unknown id: see internal-rows.e2e-spec.ts).
   */
  async function freshPlan(): Promise<string> {
    const slug = `matrix-${unique()}`;
    await asAdmin(
      'mutation ($input: CreateActionPlanInput!) { createActionPlan(input: $input) { slug } }',
      {
        input: {
          slug,
          countryCode: 'DK',
          title: { en: 'Matrix plan (test data)' },
          isPublished: true,
        },
      },
    );
    return slug;
  }

  async function freshTheme(planSlug: string): Promise<{ id: string; key: string }> {
    const key = `theme_${unique()}`;
    const data = await asAdmin(
      'mutation ($input: CreateThemeInput!) { createTheme(input: $input) { id key } }',
      {
        input: {
          planSlug,
          key,
          number: 1 + Math.floor(Math.random() * 1e6),
          title: { en: 'Theme' },
        },
      },
    );
    return data.createTheme;
  }

  async function freshCommitment(): Promise<string> {
    const planSlug = await freshPlan();
    const theme = await freshTheme(planSlug);
    const ogpId = nextOgpId();
    await asAdmin(
      'mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { ogpId } }',
      {
        input: {
          planSlug,
          themeKey: theme.key,
          ogpId,
          number: '1.1',
          title: { en: 'Commitment' },
          leadAgencySlug: 'digitaliseringsstyrelsen',
        },
      },
    );
    return ogpId;
  }

  async function freshMilestone(): Promise<string> {
    const commitmentOgpId = await freshCommitment();
    const data = await asAdmin(
      'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      {
        input: { commitmentOgpId, title: { en: 'Milestone' }, plannedEnd: '2018-H1' },
      },
    );
    return data.createMilestone.id;
  }

  /** A milestone with one report (made by an administrator), so it can be verified. */
  async function freshReportedMilestone(): Promise<{ id: string; version: number }> {
    const id = await freshMilestone();
    const [{ version }]: { version: number }[] = await db.dataSource.query(
      'SELECT version FROM milestone WHERE id = $1',
      [id],
    );
    const data = await asAdmin(
      `mutation ($input: RecordMilestoneUpdateInput!) {
         recordMilestoneUpdate(input: $input) { milestone { id version } } }`,
      {
        input: {
          milestoneId: id,
          expectedVersion: version,
          status: 'IN_PROGRESS',
          progressPercent: 10,
        },
      },
    );
    return data.recordMilestoneUpdate.milestone;
  }

  async function freshAgency(): Promise<string> {
    const slug = `agency-${unique()}`;
    await asAdmin(
      'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { slug } }',
      {
        input: { slug, countryCode: 'DK', name: { en: 'Agency (test data)' } },
      },
    );
    return slug;
  }

  /** Headers of a fresh session per call, so one call (logout, say) cannot disturb the next. */
  async function headersFor(actor: Actor): Promise<Record<string, string>> {
    return actor === 'anonymous' ? {} : signIn(api.baseUrl, users[actor]);
  }

  const MATRIX: Record<string, Row> = {
    login: {
      expect: everyone,
      call: async () => {
        const person = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
        return {
          query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
          variables: { e: person.email, p: person.password },
        };
      },
    },
    logout: { expect: signedIn, call: async () => ({ query: 'mutation { logout }' }) },
    createApiToken: {
      expect: signedIn,
      call: async () => ({ query: 'mutation { createApiToken(name: "matrix") { token } }' }),
    },
    revokeApiToken: {
      expect: signedIn,
      call: async (actor) => {
        let id = '00000000-0000-4000-8000-000000000000';
        if (actor !== 'anonymous') {
          const headers = await headersFor(actor);
          const made = await graphql(
            api.baseUrl,
            'mutation { createApiToken(name: "own") { apiToken { id } } }',
            {},
            headers,
          );
          id = made.data!.createApiToken.apiToken.id;
        }
        return {
          query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
          variables: { id },
        };
      },
    },
    createUser: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        variables: {
          input: {
            email: `new-${unique()}@example.org`,
            displayName: 'New',
            password: 'a long enough password',
            roles: ['REVIEWER'],
          },
        },
      }),
    },
    setUserRoles: {
      expect: adminOnly,
      call: async () => {
        const person = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
        return {
          query: 'mutation ($id: ID!) { setUserRoles(userId: $id, roles: [ADMIN]) { id } }',
          variables: { id: person.id },
        };
      },
    },
    deactivateUser: {
      expect: adminOnly,
      call: async () => {
        const person = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
        return {
          query: 'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
          variables: { id: person.id },
        };
      },
    },
    createActionPlan: {
      expect: adminOnly,
      call: async () => ({
        query:
          'mutation ($input: CreateActionPlanInput!) { createActionPlan(input: $input) { slug } }',
        variables: {
          input: { slug: `new-${unique()}`, countryCode: 'DK', title: { en: 'New plan' } },
        },
      }),
    },
    updateActionPlan: {
      expect: adminOnly,
      call: async () => ({
        query:
          'mutation ($slug: String!) { updateActionPlan(slug: $slug, input: { actionPlanNumber: 4 }) { slug } }',
        variables: { slug: await freshPlan() },
      }),
    },
    archiveActionPlan: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($slug: String!) { archiveActionPlan(slug: $slug) { slug } }',
        variables: { slug: await freshPlan() },
      }),
    },
    createTheme: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($input: CreateThemeInput!) { createTheme(input: $input) { id } }',
        variables: {
          input: {
            planSlug: await freshPlan(),
            key: 'new_theme',
            number: 1,
            title: { da: 'Tema' },
          },
        },
      }),
    },
    updateTheme: {
      expect: adminOnly,
      call: async () => ({
        query:
          'mutation ($id: ID!) { updateTheme(id: $id, input: { title: { en: "Renamed" } }) { id } }',
        variables: { id: (await freshTheme(await freshPlan())).id },
      }),
    },
    archiveTheme: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($id: ID!) { archiveTheme(id: $id) { id } }',
        variables: { id: (await freshTheme(await freshPlan())).id },
      }),
    },
    createCommitment: {
      expect: adminOnly,
      call: async () => {
        const planSlug = await freshPlan();
        const theme = await freshTheme(planSlug);
        return {
          query:
            'mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { ogpId } }',
          variables: {
            input: {
              planSlug,
              themeKey: theme.key,
              ogpId: nextOgpId(),
              number: '2.1',
              title: { en: 'New commitment' },
              leadAgencySlug: 'rigsarkivet',
            },
          },
        };
      },
    },
    updateCommitment: {
      expect: adminOnly,
      call: async () => ({
        query:
          'mutation ($id: String!) { updateCommitment(ogpId: $id, input: { title: { en: "Renamed" } }) { ogpId } }',
        variables: { id: await freshCommitment() },
      }),
    },
    archiveCommitment: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($id: String!) { archiveCommitment(ogpId: $id) { ogpId } }',
        variables: { id: await freshCommitment() },
      }),
    },
    createMilestone: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
        variables: {
          input: { commitmentOgpId: await freshCommitment(), title: { en: 'New milestone' } },
        },
      }),
    },
    updateMilestone: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($id: ID!) { updateMilestone(id: $id, input: { weight: 2 }) { id } }',
        variables: { id: await freshMilestone() },
      }),
    },
    archiveMilestone: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($id: ID!) { archiveMilestone(id: $id) { id } }',
        variables: { id: await freshMilestone() },
      }),
    },
    createAgency: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { slug } }',
        variables: {
          input: { slug: `new-agency-${unique()}`, countryCode: 'DK', name: { da: 'Ny styrelse' } },
        },
      }),
    },
    updateAgency: {
      expect: adminOnly,
      call: async () => ({
        query:
          'mutation ($slug: String!) { updateAgency(slug: $slug, input: { abbreviation: "NA" }) { slug } }',
        variables: { slug: await freshAgency() },
      }),
    },
    recordMilestoneUpdate: {
      expect: leadAgencyReporters,
      call: async () => {
        const milestone = await freshReportedMilestone();
        return {
          query: `mutation ($input: RecordMilestoneUpdateInput!) {
            recordMilestoneUpdate(input: $input) { statusUpdate { id } } }`,
          variables: {
            input: {
              milestoneId: milestone.id,
              expectedVersion: milestone.version,
              status: 'COMPLETED',
              evidence: [{ url: 'https://example.org/done', title: 'Done (test data)' }],
            },
          },
        };
      },
    },
    verifyMilestone: {
      expect: reviewers,
      call: async () => ({
        query: `mutation ($input: VerifyMilestoneInput!) {
          verifyMilestone(input: $input) { verification { id } } }`,
        variables: {
          input: { milestoneId: (await freshReportedMilestone()).id, verdict: 'VERIFIED' },
        },
      }),
    },
    assessCommitment: {
      expect: reviewers,
      call: async () => ({
        query: `mutation ($input: AssessCommitmentInput!) { assessCommitment(input: $input) { id } }`,
        variables: {
          input: {
            commitmentOgpId: await freshCommitment(),
            stage: 'MIDTERM',
            assessor: 'GOVERNMENT_SELF_ASSESSMENT',
            assessedOn: '2018-10',
            source: { url: 'https://example.org/self-assessment', title: 'Self-assessment' },
            completion: 'LIMITED',
          },
        },
      }),
    },
    archiveAgency: {
      expect: adminOnly,
      call: async () => ({
        query: 'mutation ($slug: String!) { archiveAgency(slug: $slug) { slug } }',
        variables: { slug: await freshAgency() },
      }),
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    users.admin = await createTestUser(db.dataSource, { roles: [Role.ADMIN] });
    // DK0051's lead is Digitaliseringsstyrelsen; Rigsarkivet leads only DK0050.
    users.leadCoordinator = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR],
      agencySlugs: ['digitaliseringsstyrelsen'],
    });
    users.otherCoordinator = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR],
      agencySlugs: ['rigsarkivet'],
    });
    users.reviewer = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
    adminHeaders = await signIn(api.baseUrl, users.admin);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('has a row for every mutation of the schema, and no row for a mutation that does not exist', async () => {
    const result = await graphql(api.baseUrl, '{ __schema { mutationType { fields { name } } } }');
    const mutations = result
      .data!.__schema.mutationType.fields.map((f: { name: string }) => f.name)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(mutations);
  });

  const cases = Object.entries(MATRIX).flatMap(([mutation, row]) =>
    ACTORS.map((actor) => [mutation, actor, row.expect[actor]] as const),
  );

  it.each(cases)('%s as %s: %s', async (mutation, actor, outcome) => {
    const call = await MATRIX[mutation].call(actor);
    const headers = await headersFor(actor);
    const result = await graphql(api.baseUrl, call.query, call.variables ?? {}, headers);
    if (outcome === 'allowed') {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[mutation]).toBeDefined();
      expect(result.data?.[mutation]).not.toBeNull();
    } else {
      expect(result.errors?.[0].extensions?.code).toBe(outcome);
      expect(result.data?.[mutation] ?? null).toBeNull();
    }
  });

  it('changes nothing when a mutation is refused', async () => {
    const tables = [
      'action_plan',
      'theme',
      'commitment',
      'milestone',
      'agency',
      'app_user',
      'commitment_agency',
      'status_update',
      'assessment',
      'milestone_verification',
    ];
    const count = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => {
            const [row] = await db.dataSource.query(
              `SELECT COUNT(*) AS n, MAX(xmin::text::bigint) AS x FROM ${table}`,
            );
            return [table, row];
          }),
        ),
      );
    // Prepare every refused call first (its subjects are made by an administrator), then compare.
    const calls: { actor: Actor; call: Call }[] = [];
    for (const row of Object.values(MATRIX)) {
      for (const actor of ACTORS) {
        if (row.expect[actor] !== 'allowed') calls.push({ actor, call: await row.call(actor) });
      }
    }
    const before = await count();
    for (const { actor, call } of calls) {
      const result = await graphql(
        api.baseUrl,
        call.query,
        call.variables ?? {},
        await headersFor(actor),
      );
      expect(result.errors).toBeDefined();
    }
    expect(await count()).toEqual(before);
    // Preparing every refused call takes a while: dozens of subjects made over HTTP.
  }, 60_000);
});
