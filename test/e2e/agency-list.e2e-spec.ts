import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const PLAN = 'dk-2017-2019';
const LIST = `
  query ($planSlug: String) {
    agencies(planSlug: $planSlug, first: 100) { totalCount nodes { slug name { da en } } }
  }`;
const CREATE_AGENCY = `
  mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { slug } }`;
const ARCHIVE_AGENCY = `mutation ($slug: String!) { archiveAgency(slug: $slug) { slug } }`;

type Headers = Record<string, string>;
interface AgencyList {
  agencies: { totalCount: number; nodes: { slug: string }[] };
}

describe('agencies without a plan: every agency, for administrators', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Headers;
  let reviewer: Headers;
  let coordinator: Headers;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const users = await Promise.all([
      createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
      createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
      createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
    ]);
    [admin, reviewer, coordinator] = await Promise.all(
      users.map((user) => signIn(api.baseUrl, user)),
    );
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const list = (headers: Headers, planSlug?: string) =>
    graphql<AgencyList>(api.baseUrl, LIST, { planSlug }, headers);
  const slugs = (answer: { data: AgencyList | null }) =>
    answer.data!.agencies.nodes.map((node) => node.slug);

  it('lists an agency no commitment names yet, which the per-plan list leaves out, and drops it once archived', async () => {
    const created = await graphql(
      api.baseUrl,
      CREATE_AGENCY,
      {
        input: {
          slug: 'ny-styrelse',
          countryCode: 'DK',
          name: { da: 'Ny styrelse', en: 'New agency' },
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();

    const all = await list(admin);
    expect(all.errors).toBeUndefined();
    expect(slugs(all)).toContain('ny-styrelse');
    const perPlan = await list(admin, PLAN);
    expect(slugs(perPlan)).not.toContain('ny-styrelse');
    // Every agency of the plan is among all agencies, and the count is the whole list's.
    expect(slugs(all)).toEqual(expect.arrayContaining(slugs(perPlan)));
    expect(all.data!.agencies.totalCount).toBe(slugs(all).length);
    expect(all.data!.agencies.totalCount).toBeGreaterThan(perPlan.data!.agencies.totalCount);

    const archived = await graphql(api.baseUrl, ARCHIVE_AGENCY, { slug: 'ny-styrelse' }, admin);
    expect(archived.errors).toBeUndefined();
    expect(slugs(await list(admin))).not.toContain('ny-styrelse');
  });

  it('refuses the list without a plan to reviewers, coordinators and the public, and keeps the per-plan list public', async () => {
    for (const headers of [reviewer, coordinator]) {
      const answer = await list(headers);
      expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(answer.data).toBeNull();
    }
    const anonymous = await list({});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const publicPerPlan = await list({}, PLAN);
    expect(publicPerPlan.errors).toBeUndefined();
    expect(slugs(publicPerPlan)).toContain('digitaliseringsstyrelsen');
  });
});
