import { Role } from '@ogp/common';
import { PlanFileInvalidException } from '@ogp/domain';
import { buildPlanFile, createPlan } from '../factories/plan-file.factory';
import { rowCounts } from '../integration/support/row-counts';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

// Agencies belong to a country: once a second country's plan is loaded beside Denmark's, each plan's lists
// hold only its country's agencies, and no write links an agency of another country.

const DK = 'dk-2017-2019';
const LIST = `
  query ($planSlug: String, $countryCode: String) {
    agencies(planSlug: $planSlug, countryCode: $countryCode, first: 100) {
      totalCount nodes { slug countryCode }
    }
  }`;
const PLAN = `query ($slug: String!) { actionPlan(slug: $slug) { countryCode isSynthetic } }`;
const CREATE_AGENCY = `
  mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { slug countryCode parent { slug } } }`;
const UPDATE_PLAN = `
  mutation ($slug: String!, $input: UpdateActionPlanInput!) {
    updateActionPlan(slug: $slug, input: $input) { countryCode }
  }`;
const CREATE_COMMITMENT = `
  mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { ogpId } }`;

type Headers = Record<string, string>;
interface AgencyNode {
  slug: string;
  countryCode: string;
}

describe('agencies per country, with a second country plan loaded beside Denmark', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Headers;
  let swedish: Awaited<ReturnType<typeof createPlan>>;

  async function ask<T>(query: string, variables: Record<string, unknown>, headers: Headers = {}) {
    return graphql<T>(api.baseUrl, query, variables, headers);
  }

  async function agencies(variables: Record<string, unknown>, headers: Headers = {}) {
    const answer = await ask<{ agencies: { totalCount: number; nodes: AgencyNode[] } }>(
      LIST,
      variables,
      headers,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.agencies.nodes;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    // A made-up Swedish plan, labelled synthetic: its figures are test data, not Sweden's.
    swedish = await createPlan(
      db.dataSource,
      buildPlanFile({
        synthetic: true,
        plan: { countryCode: 'SE', title: { en: 'Synthetic Swedish plan (test data)' } },
      }),
    );
    admin = await signIn(api.baseUrl, await createTestUser(db.dataSource, { roles: [Role.ADMIN] }));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it("gives Denmark's agencies DK and the second plan's agencies its country", async () => {
    const plan = await ask<{ actionPlan: { countryCode: string; isSynthetic: boolean } }>(PLAN, {
      slug: swedish.slug,
    });
    expect(plan.data!.actionPlan).toEqual({ countryCode: 'SE', isSynthetic: true });
    const danish = await agencies({ planSlug: DK });
    expect(danish.length).toBeGreaterThan(5);
    expect(new Set(danish.map((a) => a.countryCode))).toEqual(new Set(['DK']));
    const other = await agencies({ planSlug: swedish.slug });
    expect(other.map((a) => a.slug).sort()).toEqual(swedish.file.agencies.map((a) => a.key).sort());
    expect(new Set(other.map((a) => a.countryCode))).toEqual(new Set(['SE']));
  });

  it("keeps each plan's list and each country's list to its own agencies", async () => {
    const danish = (await agencies({ planSlug: DK })).map((a) => a.slug);
    const other = (await agencies({ planSlug: swedish.slug })).map((a) => a.slug);
    expect(danish.filter((slug) => other.includes(slug))).toEqual([]);

    // The administrators' list of one country, as the agencies page and the user form ask for it.
    const everyDanish = await agencies({ countryCode: 'DK' }, admin);
    const everySwedish = await agencies({ countryCode: 'SE' }, admin);
    expect(everyDanish.every((a) => a.countryCode === 'DK')).toBe(true);
    expect(everySwedish.every((a) => a.countryCode === 'SE')).toBe(true);
    expect(everyDanish.map((a) => a.slug)).toEqual(expect.arrayContaining(danish));
    expect(everySwedish.map((a) => a.slug).sort()).toEqual([...other].sort());
    const all = await agencies({}, admin);
    expect(all).toHaveLength(everyDanish.length + everySwedish.length);

    // A plan's list cannot be asked for another country's agencies.
    const mixed = await ask(LIST, { planSlug: DK, countryCode: 'SE' });
    expect(mixed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'countryCode',
    });
  });

  it('refuses to link an agency of another country, changing nothing', async () => {
    const before = await rowCounts(db.dataSource);
    const [swedishAgency] = swedish.file.agencies;
    const parent = await ask(
      CREATE_AGENCY,
      {
        input: {
          slug: 'ny-dansk-styrelse',
          countryCode: 'DK',
          name: { da: 'Ny styrelse' },
          parentSlug: swedishAgency.key,
        },
      },
      admin,
    );
    expect(parent.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parentSlug',
    });
    expect(parent.errors?.[0].message).toContain(`${swedishAgency.key} (SE)`);

    const lead = await ask(
      CREATE_COMMITMENT,
      {
        input: {
          planSlug: DK,
          ogpId: 'DK0999',
          number: '9.9',
          themeKey: 'open_data',
          title: { en: 'Led from abroad (test data)' },
          leadAgencySlug: swedishAgency.key,
        },
      },
      admin,
    );
    expect(lead.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.leadAgencySlug',
    });
    // Nor can the plan move to another country while it names its agencies.
    const moved = await ask(
      UPDATE_PLAN,
      { slug: swedish.slug, input: { countryCode: 'NO' } },
      admin,
    );
    expect(moved.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.countryCode',
    });
    expect(moved.errors?.[0].message).toContain(swedish.file.agencies[0].key);
    expect(await rowCounts(db.dataSource)).toEqual(before);
    const plan = await ask<{ actionPlan: { countryCode: string } }>(PLAN, { slug: swedish.slug });
    expect(plan.data!.actionPlan.countryCode).toBe('SE');

    // A Danish agency under a Danish ministry is fine, and says its country.
    const created = await ask<{ createAgency: unknown }>(
      CREATE_AGENCY,
      {
        input: {
          slug: 'ny-dansk-styrelse',
          countryCode: 'DK',
          name: { da: 'Ny styrelse' },
          parentSlug: 'digitaliseringsstyrelsen',
        },
      },
      admin,
    );
    expect(created.data?.createAgency).toEqual({
      slug: 'ny-dansk-styrelse',
      countryCode: 'DK',
      parent: { slug: 'digitaliseringsstyrelsen' },
    });
  });

  it("refuses a plan file of a third country that reuses the second country's agency key", async () => {
    const before = await rowCounts(db.dataSource);
    const keys = swedish.file.agencies.map((a) => a.key) as [string, string, string];
    const error = await createPlan(
      db.dataSource,
      buildPlanFile({ synthetic: true, plan: { countryCode: 'NO' }, agencyKeys: keys }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanFileInvalidException);
    expect((error as PlanFileInvalidException).problems).toEqual(
      keys.map((key, index) => ({
        path: `$.agencies[${index}].key`,
        message: expect.stringContaining(`"${key}" already exists as a public body of SE`),
        messageKey: 'planFile.agencyOfOtherCountry',
        params: { key, country: 'SE', planCountry: 'NO' },
      })),
    );
    expect(await rowCounts(db.dataSource)).toEqual(before);
  });
});
