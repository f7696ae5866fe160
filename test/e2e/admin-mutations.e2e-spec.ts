import { Role } from '@ogp/common';
import { PlanLoader, type PlanFile } from '@ogp/domain';
import { Client } from 'pg';
import { buildPlanFile, THEME_KEYS } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

// Public reads, as anyone may make them (no headers): what administration changes must show up in.
const PLAN_READ = `
  query ($slug: String!) {
    actionPlan(slug: $slug) {
      slug countryCode title { da en } description { da en } actionPlanNumber
      periodStart { label start } periodEnd { label end } publishedOn
      coordinatingAgency { slug }
      themes { id key number title { da en } }
      commitments(first: 100) { nodes { ogpId } }
    }
  }`;
const PLAN_LIST = '{ actionPlans(first: 100) { nodes { slug } } }';
const COMMITMENT_READ = `
  query ($ogpId: String!) {
    commitment(ogpId: $ogpId) {
      ogpId number position title { da en } description { da en } ogpValues
      theme { key } leadAgency { slug } supportingAgencies { slug }
      progress { percent coverage }
      milestones {
        id position title { da en } description { da en } plannedStart { label start }
        plannedEnd { label end } weight status progressPercent version
      }
    }
  }`;
const COMMITMENT_LIST = `
  query ($planSlug: String!) { commitments(planSlug: $planSlug, first: 100) { nodes { ogpId } } }`;
const MILESTONE_LIST = `
  query ($planSlug: String!, $filter: MilestoneFilter) {
    milestones(planSlug: $planSlug, filter: $filter, first: 100) {
      totalCount nodes { id title { en } plannedEnd { label } weight }
    }
  }`;
const AGENCY_LIST = `
  query ($planSlug: String!) {
    agencies(planSlug: $planSlug, first: 100) {
      nodes { slug name { da en } abbreviation parent { slug } }
    }
  }`;
const DASHBOARD = `
  query ($planSlug: String!) {
    dashboard(planSlug: $planSlug) {
      overall { percent commitmentCount }
      byTheme { theme { key } progress { commitmentCount } }
      byAgency { agency { slug } }
      statusDistribution { status count }
    }
  }`;

const CREATE_PLAN = `
  mutation ($input: CreateActionPlanInput!) {
    createActionPlan(input: $input) {
      id slug countryCode title { da en } periodStart { label } periodEnd { label } publishedOn
    }
  }`;
const UPDATE_PLAN = `
  mutation ($slug: String!, $input: UpdateActionPlanInput!) {
    updateActionPlan(slug: $slug, input: $input) { slug title { da en } }
  }`;
const ARCHIVE_PLAN = `mutation ($slug: String!) { archiveActionPlan(slug: $slug) { slug } }`;
const CREATE_THEME = `
  mutation ($input: CreateThemeInput!) { createTheme(input: $input) { id key number title { da en } } }`;
const UPDATE_THEME = `
  mutation ($id: ID!, $input: UpdateThemeInput!) {
    updateTheme(id: $id, input: $input) { id key number title { da en } }
  }`;
const ARCHIVE_THEME = `mutation ($id: ID!) { archiveTheme(id: $id) { id key } }`;
const CREATE_COMMITMENT = `
  mutation ($input: CreateCommitmentInput!) {
    createCommitment(input: $input) {
      ogpId number position leadAgency { slug } supportingAgencies { slug }
    }
  }`;
const UPDATE_COMMITMENT = `
  mutation ($ogpId: String!, $input: UpdateCommitmentInput!) {
    updateCommitment(ogpId: $ogpId, input: $input) {
      ogpId number title { da en } leadAgency { slug } supportingAgencies { slug }
    }
  }`;
const ARCHIVE_COMMITMENT = `mutation ($ogpId: String!) { archiveCommitment(ogpId: $ogpId) { ogpId } }`;
const CREATE_MILESTONE = `
  mutation ($input: CreateMilestoneInput!) {
    createMilestone(input: $input) {
      id position title { da en } plannedStart { label } plannedEnd { label } weight status version
    }
  }`;
const UPDATE_MILESTONE = `
  mutation ($id: ID!, $input: UpdateMilestoneInput!) {
    updateMilestone(id: $id, input: $input) {
      id title { da en } plannedStart { label } plannedEnd { label } weight status progressPercent
      version
    }
  }`;
const ARCHIVE_MILESTONE = `mutation ($id: ID!) { archiveMilestone(id: $id) { id } }`;
const CREATE_AGENCY = `
  mutation ($input: CreateAgencyInput!) {
    createAgency(input: $input) { slug name { da en } abbreviation parent { slug } }
  }`;
const UPDATE_AGENCY = `
  mutation ($slug: String!, $input: UpdateAgencyInput!) {
    updateAgency(slug: $slug, input: $input) { slug name { da en } abbreviation parent { slug } }
  }`;
const ARCHIVE_AGENCY = `mutation ($slug: String!) { archiveAgency(slug: $slug) { slug } }`;

/** The tables administration writes, and the append-only history it must never touch. */
const TABLES = [
  'action_plan',
  'agency',
  'theme',
  'commitment',
  'commitment_agency',
  'milestone',
  'status_update',
];

type Headers = Record<string, string>;

const runTag = Math.random()
  .toString(36)
  .slice(2, 7)
  .replace(/[^a-z0-9]/g, 'x');
let counter = 0;
/** A slug or key never used before in this run. */
const unique = (prefix: string) => `${prefix}-${runTag}-${++counter}`;
let ogpCounter = 0;
/** OGP ids for new commitments: "XA0001"... (the factory uses Z and Y, Denmark DK). */
const nextOgpId = () => `XA${String(++ogpCounter).padStart(4, '0')}`;

interface PlanFixture {
  file: PlanFile;
  slug: string;
  /** Agency slugs: [0] leads 1.1 and coordinates, [1] leads 1.2 and sits under [0], [2] leads 2.1. */
  agencies: [string, string, string];
  /** OGP ids of commitments 1.1, 1.2 and 2.1. */
  ogpIds: [string, string, string];
}

describe('administration mutations over HTTP', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Headers;
  let secondAdmin: Headers;
  let coordinator: Headers;
  let reviewer: Headers;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const users = await Promise.all([
      createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
      createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
      createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
      createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
    ]);
    [admin, secondAdmin, coordinator, reviewer] = await Promise.all(
      users.map((user) => signIn(api.baseUrl, user)),
    );
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const asAdmin = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(api.baseUrl, query, variables, admin);
  const publicRead = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(api.baseUrl, query, variables);

  /** A fresh published plan from the test factory (see buildPlanFile), with history. */
  async function loadPlan(
    overrides: Parameters<typeof buildPlanFile>[0] = {},
  ): Promise<PlanFixture> {
    const file = buildPlanFile(overrides);
    await new PlanLoader(db.dataSource).load(file);
    return {
      file,
      slug: file.plan.slug,
      agencies: file.agencies.map((a) => a.key) as PlanFixture['agencies'],
      ogpIds: file.commitments.map((c) => c.ogpId) as PlanFixture['ogpIds'],
    };
  }

  /** Every row of every table administration may write, one hash per table. */
  async function fingerprint(): Promise<Record<string, string>> {
    const rows: { name: string; hash: string }[] = await db.dataSource.query(
      TABLES.map(
        (table) =>
          `SELECT '${table}' AS name, md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash FROM ${table} x`,
      ).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
  }

  async function ok<T = any>(result: Promise<GraphqlResponse<T>>): Promise<T> {
    const answer = await result;
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  async function readPlan(slug: string) {
    return (await ok(publicRead(PLAN_READ, { slug }))).actionPlan;
  }
  async function readCommitment(ogpId: string) {
    return (await ok(publicRead(COMMITMENT_READ, { ogpId }))).commitment;
  }

  /**
   * A mutation that must be refused: one error with `code` (and `field`), no data, not a row changed in any
   * table, and the public read `read` (when given) the same before and after.
   */
  async function expectRefused(
    mutation: string,
    variables: Record<string, unknown>,
    {
      code = 'BAD_USER_INPUT',
      field,
      headers = admin,
      read,
    }: { code?: string; field?: string; headers?: Headers; read?: () => Promise<unknown> },
  ): Promise<GraphqlResponse> {
    const before = await fingerprint();
    const readBefore = read ? await read() : null;
    const result = await graphql(api.baseUrl, mutation, variables, headers);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject(
      field === undefined ? { code } : { code, field },
    );
    expect(result.data).toBeNull();
    expect(await fingerprint()).toEqual(before);
    if (read) expect(await read()).toEqual(readBefore);
    return result;
  }

  /** status_update rows of the given milestones, as stored (they are append-only). */
  async function historyOf(milestoneIds: string[]): Promise<unknown[]> {
    return db.dataSource.query(
      'SELECT id, hash, status, progress_percent FROM status_update WHERE milestone_id = ANY($1) ORDER BY sequence',
      [milestoneIds],
    );
  }

  describe('who may call them', () => {
    let fixture: PlanFixture;
    let themeId: string;
    let spareThemeId: string;
    let milestoneId: string;
    let spareAgency: string;

    beforeAll(async () => {
      fixture = await loadPlan({
        themes: [
          { key: THEME_KEYS[0], number: 1, title: { en: 'Open data' } },
          { key: THEME_KEYS[1], number: 2, title: { en: 'Better public services' } },
          { key: 'spare', number: 3, title: { en: 'Spare' } },
        ],
      });
      const plan = await readPlan(fixture.slug);
      themeId = plan.themes[0].id;
      spareThemeId = plan.themes[2].id;
      milestoneId = (await readCommitment(fixture.ogpIds[0])).milestones[0].id;
      spareAgency = unique('spare-agency');
      await db.dataSource.query(
        `INSERT INTO agency (slug, country_code, name_en) VALUES ($1, 'DK', $2)`,
        [spareAgency, 'Spare agency'],
      );
    });

    // Valid calls (an administrator makes each one at the end), so only the role can stop them. Archives come
    // last, the plan's last of all, so the earlier calls still find what they change.
    const calls: [string, string, () => Record<string, unknown>][] = [
      [
        'createActionPlan',
        CREATE_PLAN,
        () => ({ input: { slug: unique('plan'), countryCode: 'DK', title: { en: 'New plan' } } }),
      ],
      [
        'updateActionPlan',
        UPDATE_PLAN,
        () => ({ slug: fixture.slug, input: { title: { en: 'Renamed plan' } } }),
      ],
      [
        'createTheme',
        CREATE_THEME,
        () => ({
          input: { planSlug: fixture.slug, key: unique('theme'), number: 9, title: { en: 'T' } },
        }),
      ],
      ['updateTheme', UPDATE_THEME, () => ({ id: themeId, input: { title: { da: 'Åbne data' } } })],
      [
        'createCommitment',
        CREATE_COMMITMENT,
        () => ({
          input: {
            planSlug: fixture.slug,
            themeKey: THEME_KEYS[0],
            ogpId: nextOgpId(),
            number: '9.9',
            title: { en: 'New commitment' },
            leadAgencySlug: fixture.agencies[0],
          },
        }),
      ],
      [
        'updateCommitment',
        UPDATE_COMMITMENT,
        () => ({ ogpId: fixture.ogpIds[1], input: { title: { en: 'Renamed commitment' } } }),
      ],
      [
        'createMilestone',
        CREATE_MILESTONE,
        () => ({ input: { commitmentOgpId: fixture.ogpIds[1], title: { en: 'New milestone' } } }),
      ],
      ['updateMilestone', UPDATE_MILESTONE, () => ({ id: milestoneId, input: { weight: 3 } })],
      [
        'createAgency',
        CREATE_AGENCY,
        () => ({
          input: { slug: unique('agency'), countryCode: 'DK', name: { en: 'New agency' } },
        }),
      ],
      [
        'updateAgency',
        UPDATE_AGENCY,
        () => ({ slug: fixture.agencies[2], input: { abbreviation: 'NEW' } }),
      ],
      ['archiveMilestone', ARCHIVE_MILESTONE, () => ({ id: milestoneId })],
      ['archiveCommitment', ARCHIVE_COMMITMENT, () => ({ ogpId: fixture.ogpIds[0] })],
      ['archiveTheme', ARCHIVE_THEME, () => ({ id: spareThemeId })],
      ['archiveAgency', ARCHIVE_AGENCY, () => ({ slug: spareAgency })],
      ['archiveActionPlan', ARCHIVE_PLAN, () => ({ slug: fixture.slug })],
    ];

    it.each(calls)(
      '%s: anonymous is UNAUTHENTICATED, coordinators and reviewers FORBIDDEN; an administrator may',
      async (name, mutation, variables) => {
        const call = variables();
        await expectRefused(mutation, call, { code: 'UNAUTHENTICATED', headers: {} });
        await expectRefused(mutation, call, { code: 'FORBIDDEN', headers: coordinator });
        await expectRefused(mutation, call, { code: 'FORBIDDEN', headers: reviewer });
        const answer = await ok(asAdmin(mutation, call));
        expect(answer[name]).toBeTruthy();
      },
    );
  });

  describe('action plans', () => {
    let fixture: PlanFixture;

    beforeAll(async () => {
      fixture = await loadPlan();
    });

    it('createActionPlan makes a published plan the public can read, with every field', async () => {
      const slug = unique('plan');
      // A Norwegian plan is coordinated by a Norwegian agency: the fixture's Danish one is refused.
      const norwegian = unique('direktoratet');
      await ok(
        asAdmin(CREATE_AGENCY, {
          input: { slug: norwegian, countryCode: 'NO', name: { en: 'Directorate (test data)' } },
        }),
      );
      const input = {
        slug,
        countryCode: 'NO',
        title: { da: ' Norsk plan ', en: 'Norwegian plan' },
        description: { en: 'Fifth plan' },
        actionPlanNumber: 5,
        periodStart: '2021-H1',
        periodEnd: '2023-Q2',
        publishedOn: '2021-01-15',
        coordinatingAgencySlug: norwegian,
        isPublished: true,
      };
      await expectRefused(
        CREATE_PLAN,
        { input: { ...input, coordinatingAgencySlug: fixture.agencies[0] } },
        { field: 'input.coordinatingAgencySlug' },
      );
      const created = await ok(asAdmin(CREATE_PLAN, { input }));
      expect(created.createActionPlan).toMatchObject({ slug, countryCode: 'NO' });
      expect(await readPlan(slug)).toEqual({
        slug,
        countryCode: 'NO',
        title: { da: 'Norsk plan', en: 'Norwegian plan' },
        description: { da: null, en: 'Fifth plan' },
        actionPlanNumber: 5,
        periodStart: { label: '2021-H1', start: '2021-01-01' },
        periodEnd: { label: '2023-Q2', end: '2023-06-30' },
        publishedOn: '2021-01-15',
        coordinatingAgency: { slug: norwegian },
        themes: [],
        commitments: { nodes: [] },
      });
      const list = await ok(publicRead(PLAN_LIST));
      expect(list.actionPlans.nodes.map((p: { slug: string }) => p.slug)).toContain(slug);
    });

    it('a new plan is unpublished unless isPublished is true', async () => {
      const slug = unique('draft');
      await ok(
        asAdmin(CREATE_PLAN, { input: { slug, countryCode: 'DK', title: { en: 'Draft' } } }),
      );
      const answer = await publicRead(PLAN_READ, { slug });
      expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const [row] = await db.dataSource.query(
        'SELECT is_published FROM action_plan WHERE slug = $1',
        [slug],
      );
      expect(row.is_published).toBe(false);
      await ok(asAdmin(UPDATE_PLAN, { slug, input: { isPublished: true } }));
      expect((await readPlan(slug)).slug).toBe(slug);
      const nullSlug = unique('draft');
      await ok(
        asAdmin(CREATE_PLAN, {
          input: { slug: nullSlug, countryCode: 'DK', title: { en: 'Draft' }, isPublished: null },
        }),
      );
      expect((await publicRead(PLAN_READ, { slug: nullSlug })).errors?.[0].extensions?.code).toBe(
        'NOT_FOUND',
      );
    });

    it('updateActionPlan changes only the given fields; null clears; a language left out stays', async () => {
      const plan = await loadPlan();
      const before = await readPlan(plan.slug);
      await ok(
        asAdmin(UPDATE_PLAN, {
          slug: plan.slug,
          input: {
            title: { da: 'Dansk titel' },
            periodEnd: '2020-12',
            actionPlanNumber: 4,
            coordinatingAgencySlug: null,
          },
        }),
      );
      expect(await readPlan(plan.slug)).toEqual({
        ...before,
        title: { da: 'Dansk titel', en: before.title.en },
        periodEnd: { label: '2020-12', end: '2020-12-31' },
        actionPlanNumber: 4,
        coordinatingAgency: null,
      });
      await ok(asAdmin(UPDATE_PLAN, { slug: plan.slug, input: { title: { en: null } } }));
      expect((await readPlan(plan.slug)).title).toEqual({ da: 'Dansk titel', en: null });
    });

    it('updateActionPlan renames a plan: the old slug is gone, the new one answers', async () => {
      const plan = await loadPlan();
      const slug = unique('renamed');
      await ok(asAdmin(UPDATE_PLAN, { slug: plan.slug, input: { slug } }));
      expect((await publicRead(PLAN_READ, { slug: plan.slug })).errors?.[0].extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect((await readPlan(slug)).commitments.nodes).toHaveLength(3);
    });

    it.each([
      ['a slug with capitals and spaces', { slug: 'Bad Slug' }, 'input.slug'],
      ['a slug over 100 characters', { slug: 'a'.repeat(101) }, 'input.slug'],
      ['a lower-case country code', { countryCode: 'dk' }, 'input.countryCode'],
      ['an empty title', { title: { da: '', en: '  ' } }, 'input.title'],
      ['a title in no language', { title: {} }, 'input.title'],
      ['an end before the start', { periodStart: '2019', periodEnd: '2018-H2' }, 'input.periodEnd'],
      ['a half year that does not exist', { periodStart: '2018-H3' }, 'input.periodStart'],
      ['a day that does not exist', { publishedOn: '2019-02-30' }, 'input.publishedOn'],
      ['plan number 0', { actionPlanNumber: 0 }, 'input.actionPlanNumber'],
      [
        'an unknown coordinating agency',
        { coordinatingAgencySlug: 'nobody' },
        'input.coordinatingAgencySlug',
      ],
    ])('createActionPlan refuses %s and writes nothing', async (_, change, field) => {
      const input = { slug: unique('plan'), countryCode: 'DK', title: { en: 'Plan' }, ...change };
      await expectRefused(CREATE_PLAN, { input }, { field, read: () => ok(publicRead(PLAN_LIST)) });
    });

    it('createActionPlan refuses a slug already taken, also by an archived plan', async () => {
      const input = { slug: fixture.slug, countryCode: 'DK', title: { en: 'Again' } };
      const result = await expectRefused(CREATE_PLAN, { input }, { field: 'input.slug' });
      expect(result.errors![0].message).toContain('is taken by another plan');
      const archived = await loadPlan();
      await ok(asAdmin(ARCHIVE_PLAN, { slug: archived.slug }));
      const again = await expectRefused(
        CREATE_PLAN,
        { input: { ...input, slug: archived.slug } },
        { field: 'input.slug' },
      );
      expect(again.errors![0].message).toContain('archived plan');
    });

    it('reports every problem of an input at once; extensions.field is the first', async () => {
      const result = await expectRefused(
        CREATE_PLAN,
        { input: { slug: 'Bad', countryCode: 'xx', title: { en: '' } } },
        { field: 'input.slug' },
      );
      expect(
        (result.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field),
      ).toEqual(['input.slug', 'input.countryCode', 'input.title']);
    });

    /** An agency that exists but is archived. */
    async function archivedAgency(): Promise<string> {
      const slug = unique('archived-agency');
      await db.dataSource.query(
        `INSERT INTO agency (slug, country_code, name_en, archived_at) VALUES ($1, 'DK', $2, now())`,
        [slug, 'Archived'],
      );
      return slug;
    }

    it.each<[string, () => Promise<Record<string, unknown>>, string]>([
      // The fixture's period is 2018-07 to 2020-06; its title is English only.
      [
        'a start after the stored end (only the start given)',
        async () => ({ periodStart: '2020-07' }),
        'input.periodStart',
      ],
      [
        'an end before the stored start (only the end given)',
        async () => ({ periodEnd: '2018-Q2' }),
        'input.periodEnd',
      ],
      [
        'clearing the only language of the title',
        async () => ({ title: { en: null } }),
        'input.title',
      ],
      ['clearing the title', async () => ({ title: null }), 'input.title'],
      ['clearing the slug', async () => ({ slug: null }), 'input.slug'],
      ['clearing isPublished', async () => ({ isPublished: null }), 'input.isPublished'],
      [
        'an archived coordinating agency',
        async () => ({ coordinatingAgencySlug: await archivedAgency() }),
        'input.coordinatingAgencySlug',
      ],
    ])('updateActionPlan refuses %s and changes nothing', async (_, change, field) => {
      const input = await change();
      await expectRefused(
        UPDATE_PLAN,
        { slug: fixture.slug, input },
        { field, read: () => readPlan(fixture.slug) },
      );
    });

    it('updateActionPlan refuses a slug another plan has', async () => {
      const other = await loadPlan();
      await expectRefused(
        UPDATE_PLAN,
        { slug: fixture.slug, input: { slug: other.slug } },
        { field: 'input.slug', read: () => readPlan(fixture.slug) },
      );
    });

    it('updateActionPlan and archiveActionPlan answer NOT_FOUND for an unknown slug', async () => {
      await expectRefused(
        UPDATE_PLAN,
        { slug: 'no-such-plan', input: { title: { en: 'x' } } },
        { code: 'NOT_FOUND' },
      );
      await expectRefused(ARCHIVE_PLAN, { slug: 'no-such-plan' }, { code: 'NOT_FOUND' });
    });

    it('archiveActionPlan takes the plan and everything in it out of the public reads; its history stays', async () => {
      const plan = await loadPlan();
      const commitment = await readCommitment(plan.ogpIds[0]);
      const milestoneIds = commitment.milestones.map((m: { id: string }) => m.id);
      const history = await historyOf(milestoneIds);
      expect(history.length).toBeGreaterThan(0);

      await ok(asAdmin(ARCHIVE_PLAN, { slug: plan.slug }));
      for (const [query, variables] of [
        [PLAN_READ, { slug: plan.slug }],
        [COMMITMENT_READ, { ogpId: plan.ogpIds[0] }],
        [COMMITMENT_LIST, { planSlug: plan.slug }],
        [MILESTONE_LIST, { planSlug: plan.slug }],
        [AGENCY_LIST, { planSlug: plan.slug }],
        [DASHBOARD, { planSlug: plan.slug }],
      ] as const) {
        expect({
          query,
          code: (await publicRead(query, variables)).errors?.[0].extensions?.code,
        }).toEqual({ query, code: 'NOT_FOUND' });
      }
      const list = await ok(publicRead(PLAN_LIST));
      expect(list.actionPlans.nodes.map((p: { slug: string }) => p.slug)).not.toContain(plan.slug);
      expect(await historyOf(milestoneIds)).toEqual(history);
      const [row] = await db.dataSource.query(
        'SELECT archived_at FROM action_plan WHERE slug = $1',
        [plan.slug],
      );
      expect(row.archived_at).toBeInstanceOf(Date);
    });

    it('archiving twice changes nothing; an archived plan cannot be updated', async () => {
      const plan = await loadPlan();
      await ok(asAdmin(ARCHIVE_PLAN, { slug: plan.slug }));
      const before = await fingerprint();
      expect((await ok(asAdmin(ARCHIVE_PLAN, { slug: plan.slug }))).archiveActionPlan).toEqual({
        slug: plan.slug,
      });
      expect(await fingerprint()).toEqual(before);
      const refused = await expectRefused(
        UPDATE_PLAN,
        { slug: plan.slug, input: { isPublished: true } },
        { field: 'slug' },
      );
      expect(refused.errors![0].message).toContain('archived');
    });
  });

  describe('themes', () => {
    let fixture: PlanFixture;
    let themeIds: string[];

    beforeAll(async () => {
      fixture = await loadPlan();
      themeIds = (await readPlan(fixture.slug)).themes.map((t: { id: string }) => t.id);
    });

    const themesOf = async (slug: string) => (await readPlan(slug)).themes;

    it('createTheme adds a theme the public sees in the plan', async () => {
      const plan = await loadPlan();
      const created = await ok(
        asAdmin(CREATE_THEME, {
          input: {
            planSlug: plan.slug,
            key: 'global_openness',
            number: 3,
            title: { en: 'Global' },
          },
        }),
      );
      expect(created.createTheme).toMatchObject({ key: 'global_openness', number: 3 });
      expect((await themesOf(plan.slug)).map((t: { key: string }) => t.key)).toEqual([
        ...THEME_KEYS,
        'global_openness',
      ]);
    });

    it('updateTheme changes only the given fields', async () => {
      const plan = await loadPlan();
      const [first] = await themesOf(plan.slug);
      await ok(
        asAdmin(UPDATE_THEME, { id: first.id, input: { number: 7, title: { da: 'Åbne data' } } }),
      );
      expect((await themesOf(plan.slug)).find((t: { id: string }) => t.id === first.id)).toEqual({
        ...first,
        number: 7,
        title: { da: 'Åbne data', en: 'Open data' },
      });
    });

    it.each([
      ['a key with capitals', { key: 'Open Data' }, 'input.key'],
      ['a key taken in the plan', { key: THEME_KEYS[1] }, 'input.key'],
      ['a number taken in the plan', { number: 2 }, 'input.number'],
      ['number 0', { number: 0 }, 'input.number'],
      ['an empty title', { title: { en: '' } }, 'input.title'],
      ['an unknown plan', { planSlug: 'no-such-plan' }, 'input.planSlug'],
    ])('createTheme refuses %s', async (_, change, field) => {
      const input = {
        planSlug: fixture.slug,
        key: unique('k'),
        number: 50,
        title: { en: 'T' },
        ...change,
      };
      await expectRefused(CREATE_THEME, { input }, { field, read: () => themesOf(fixture.slug) });
    });

    it.each([
      ['a key taken by another theme', { key: THEME_KEYS[1] }, 'input.key'],
      ['a number taken by another theme', { number: 2 }, 'input.number'],
      ['clearing the title', { title: null }, 'input.title'],
      ['a key over 100 characters', { key: 'k'.repeat(101) }, 'input.key'],
    ])('updateTheme refuses %s', async (_, input, field) => {
      await expectRefused(
        UPDATE_THEME,
        { id: themeIds[0], input },
        { field, read: () => themesOf(fixture.slug) },
      );
    });

    it('updateTheme answers BAD_USER_INPUT for a malformed id and NOT_FOUND for an unknown one', async () => {
      await expectRefused(UPDATE_THEME, { id: 'nope', input: { number: 5 } }, { field: 'id' });
      await expectRefused(
        UPDATE_THEME,
        { id: '00000000-0000-4000-8000-000000000000', input: { number: 5 } },
        { code: 'NOT_FOUND' },
      );
    });

    it('archiveTheme is refused while the theme holds unarchived commitments, naming them', async () => {
      const result = await expectRefused(
        ARCHIVE_THEME,
        { id: themeIds[0] },
        { field: 'id', read: () => themesOf(fixture.slug) },
      );
      expect(result.errors![0].message).toContain(`${fixture.ogpIds[0]}, ${fixture.ogpIds[1]}`);
    });

    it('archiveTheme, once its commitments are archived, takes it out of the plan and dashboard; history stays', async () => {
      const plan = await loadPlan();
      const [, second] = await themesOf(plan.slug);
      const commitment = await readCommitment(plan.ogpIds[2]);
      const milestoneIds = commitment.milestones.map((m: { id: string }) => m.id);
      const history = await historyOf(milestoneIds);
      await ok(asAdmin(ARCHIVE_COMMITMENT, { ogpId: plan.ogpIds[2] }));
      await ok(asAdmin(ARCHIVE_THEME, { id: second.id }));
      expect((await themesOf(plan.slug)).map((t: { key: string }) => t.key)).toEqual([
        THEME_KEYS[0],
      ]);
      const dashboard = await ok(publicRead(DASHBOARD, { planSlug: plan.slug }));
      expect(
        dashboard.dashboard.byTheme.map((t: { theme: { key: string } }) => t.theme.key),
      ).toEqual([THEME_KEYS[0]]);
      expect(await historyOf(milestoneIds)).toEqual(history);
      // Archived themes keep their key and number: a new theme may not take them.
      await expectRefused(
        CREATE_THEME,
        { input: { planSlug: plan.slug, key: THEME_KEYS[1], number: 9, title: { en: 'T' } } },
        { field: 'input.key' },
      );
      // ...nor may a commitment move into it.
      await expectRefused(
        UPDATE_COMMITMENT,
        { ogpId: plan.ogpIds[0], input: { themeKey: THEME_KEYS[1] } },
        { field: 'input.themeKey' },
      );
    });
  });

  describe('commitments', () => {
    let fixture: PlanFixture;

    beforeAll(async () => {
      fixture = await loadPlan();
    });

    it('createCommitment adds a commitment at the end of the plan, with its agencies', async () => {
      const plan = await loadPlan();
      const ogpId = nextOgpId();
      const created = await ok(
        asAdmin(CREATE_COMMITMENT, {
          input: {
            planSlug: plan.slug,
            themeKey: THEME_KEYS[1],
            ogpId,
            number: '2.2',
            title: { da: 'Ny forpligtelse', en: 'New commitment' },
            description: { en: 'What it does' },
            leadAgencySlug: plan.agencies[1],
            supportingAgencySlugs: [plan.agencies[2], plan.agencies[0], plan.agencies[2]],
            ogpValues: ['CIVIC_PARTICIPATION', 'ACCESS_TO_INFORMATION'],
          },
        }),
      );
      expect(created.createCommitment).toMatchObject({ ogpId, number: '2.2', position: 4 });
      expect(await readCommitment(ogpId)).toEqual({
        ogpId,
        number: '2.2',
        position: 4,
        title: { da: 'Ny forpligtelse', en: 'New commitment' },
        description: { da: null, en: 'What it does' },
        ogpValues: ['CIVIC_PARTICIPATION', 'ACCESS_TO_INFORMATION'],
        theme: { key: THEME_KEYS[1] },
        leadAgency: { slug: plan.agencies[1] },
        supportingAgencies: expect.arrayContaining([
          { slug: plan.agencies[0] },
          { slug: plan.agencies[2] },
        ]),
        progress: { percent: null, coverage: null },
        milestones: [],
      });
      expect((await readCommitment(ogpId)).supportingAgencies).toHaveLength(2);
      const list = await ok(publicRead(COMMITMENT_LIST, { planSlug: plan.slug }));
      expect(list.commitments.nodes.map((c: { ogpId: string }) => c.ogpId)).toEqual([
        ...plan.ogpIds,
        ogpId,
      ]);
    });

    it('updateCommitment replaces the lead (one LEAD row) and a new lead that was supporting stops supporting', async () => {
      const plan = await loadPlan();
      // 1.1 is led by agency 0 and supported by agency 1.
      const before = await readCommitment(plan.ogpIds[0]);
      await ok(
        asAdmin(UPDATE_COMMITMENT, {
          ogpId: plan.ogpIds[0],
          input: { leadAgencySlug: plan.agencies[1] },
        }),
      );
      expect(await readCommitment(plan.ogpIds[0])).toEqual({
        ...before,
        leadAgency: { slug: plan.agencies[1] },
        supportingAgencies: [],
      });
      const leads = await db.dataSource.query(
        `SELECT a.slug FROM commitment_agency ca JOIN agency a ON a.id = ca.agency_id
           JOIN commitment c ON c.id = ca.commitment_id WHERE c.ogp_id = $1 AND ca.role = 'LEAD'`,
        [plan.ogpIds[0]],
      );
      expect(leads).toEqual([{ slug: plan.agencies[1] }]);
    });

    it('updateCommitment changes only the given fields; null clears a list or the description', async () => {
      const plan = await loadPlan();
      // 2.1 is led by agency 2, supported by agency 0, in the second theme.
      const before = await readCommitment(plan.ogpIds[2]);
      await ok(
        asAdmin(UPDATE_COMMITMENT, {
          ogpId: plan.ogpIds[2],
          input: {
            themeKey: THEME_KEYS[0],
            number: '1.9',
            title: { da: 'Dansk' },
            description: null,
            supportingAgencySlugs: [plan.agencies[1]],
            ogpValues: null,
          },
        }),
      );
      expect(await readCommitment(plan.ogpIds[2])).toEqual({
        ...before,
        number: '1.9',
        theme: { key: THEME_KEYS[0] },
        title: { da: 'Dansk', en: before.title.en },
        description: { da: null, en: null },
        supportingAgencies: [{ slug: plan.agencies[1] }],
        ogpValues: [],
      });
      await ok(
        asAdmin(UPDATE_COMMITMENT, {
          ogpId: plan.ogpIds[2],
          input: { supportingAgencySlugs: null },
        }),
      );
      expect((await readCommitment(plan.ogpIds[2])).supportingAgencies).toEqual([]);
    });

    it('updateCommitment may correct the OGP id', async () => {
      const plan = await loadPlan();
      const ogpId = nextOgpId();
      await ok(asAdmin(UPDATE_COMMITMENT, { ogpId: plan.ogpIds[1], input: { ogpId } }));
      expect((await readCommitment(ogpId)).number).toBe('1.2');
      expect(
        (await publicRead(COMMITMENT_READ, { ogpId: plan.ogpIds[1] })).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
    });

    const createInput = (change: Record<string, unknown>) => ({
      planSlug: fixture.slug,
      themeKey: THEME_KEYS[0],
      ogpId: nextOgpId(),
      number: '8.1',
      title: { en: 'Commitment' },
      leadAgencySlug: fixture.agencies[0],
      ...change,
    });

    it.each<[string, () => Record<string, unknown>, string]>([
      ['a lower-case OGP id', () => ({ ogpId: 'dk0001' }), 'input.ogpId'],
      ["another plan's OGP id", () => ({ ogpId: 'DK0050' }), 'input.ogpId'],
      ['a number taken in the plan', () => ({ number: '1.2' }), 'input.number'],
      ['a number over 20 characters', () => ({ number: '1'.repeat(21) }), 'input.number'],
      ['an empty number', () => ({ number: ' ' }), 'input.number'],
      ['an unknown theme', () => ({ themeKey: 'no-such-theme' }), 'input.themeKey'],
      ['an unknown plan', () => ({ planSlug: 'no-such-plan' }), 'input.planSlug'],
      ['an unknown lead agency', () => ({ leadAgencySlug: 'nobody' }), 'input.leadAgencySlug'],
      [
        'an unknown supporting agency',
        () => ({ supportingAgencySlugs: [fixture.agencies[1], 'nobody'] }),
        'input.supportingAgencySlugs',
      ],
      [
        'the lead as a supporting agency',
        () => ({ supportingAgencySlugs: [fixture.agencies[0]] }),
        'input.supportingAgencySlugs',
      ],
      ['an empty title', () => ({ title: { da: '', en: null } }), 'input.title'],
    ])('createCommitment refuses %s', async (_, change, field) => {
      const input = createInput(change());
      await expectRefused(
        CREATE_COMMITMENT,
        { input },
        { field, read: () => ok(publicRead(COMMITMENT_LIST, { planSlug: fixture.slug })) },
      );
    });

    it('createCommitment names the plan that already has the OGP id', async () => {
      const result = await expectRefused(
        CREATE_COMMITMENT,
        { input: createInput({ ogpId: fixture.ogpIds[0] }) },
        { field: 'input.ogpId' },
      );
      expect(result.errors![0].message).toContain(fixture.slug);
    });

    it.each<[string, () => Record<string, unknown>, string]>([
      // 1.1 is led by agency 0.
      ['clearing the lead', () => ({ leadAgencySlug: null }), 'input.leadAgencySlug'],
      ['an unknown lead', () => ({ leadAgencySlug: 'nobody' }), 'input.leadAgencySlug'],
      [
        'the current lead as supporting',
        () => ({ supportingAgencySlugs: [fixture.agencies[0]] }),
        'input.supportingAgencySlugs',
      ],
      ['a number another commitment has', () => ({ number: '2.1' }), 'input.number'],
      ['an OGP id another commitment has', () => ({ ogpId: 'DK0051' }), 'input.ogpId'],
      ['clearing the title', () => ({ title: null }), 'input.title'],
      ['clearing the theme', () => ({ themeKey: null }), 'input.themeKey'],
    ])('updateCommitment refuses %s', async (_, change, field) => {
      await expectRefused(
        UPDATE_COMMITMENT,
        { ogpId: fixture.ogpIds[0], input: change() },
        { field, read: () => readCommitment(fixture.ogpIds[0]) },
      );
    });

    it('archiveCommitment takes it and its milestones out of every public read; the history stays', async () => {
      const plan = await loadPlan();
      const commitment = await readCommitment(plan.ogpIds[0]);
      const milestoneIds = commitment.milestones.map((m: { id: string }) => m.id);
      const history = await historyOf(milestoneIds);
      const dashboardBefore = await ok(publicRead(DASHBOARD, { planSlug: plan.slug }));
      expect(dashboardBefore.dashboard.overall.commitmentCount).toBe(3);

      await ok(asAdmin(ARCHIVE_COMMITMENT, { ogpId: plan.ogpIds[0] }));
      expect(
        (await publicRead(COMMITMENT_READ, { ogpId: plan.ogpIds[0] })).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
      const list = await ok(publicRead(COMMITMENT_LIST, { planSlug: plan.slug }));
      expect(list.commitments.nodes.map((c: { ogpId: string }) => c.ogpId)).toEqual(
        plan.ogpIds.slice(1),
      );
      const planRead = await readPlan(plan.slug);
      expect(planRead.commitments.nodes.map((c: { ogpId: string }) => c.ogpId)).toEqual(
        plan.ogpIds.slice(1),
      );
      const milestones = await ok(publicRead(MILESTONE_LIST, { planSlug: plan.slug }));
      for (const id of milestoneIds) {
        expect(milestones.milestones.nodes.map((m: { id: string }) => m.id)).not.toContain(id);
      }
      expect(milestones.milestones.totalCount).toBe(4);
      const dashboard = await ok(publicRead(DASHBOARD, { planSlug: plan.slug }));
      expect(dashboard.dashboard.overall.commitmentCount).toBe(2);
      expect(
        dashboard.dashboard.byAgency.map((a: { agency: { slug: string } }) => a.agency.slug),
      ).not.toContain(plan.agencies[0]);
      expect(await historyOf(milestoneIds)).toEqual(history);
      // Archived, it keeps its OGP id and number.
      await expectRefused(
        CREATE_COMMITMENT,
        { input: { ...createInput({}), planSlug: plan.slug, ogpId: plan.ogpIds[0] } },
        { field: 'input.ogpId' },
      );
      await expectRefused(
        UPDATE_COMMITMENT,
        { ogpId: plan.ogpIds[0], input: { title: { en: 'x' } } },
        { field: 'ogpId' },
      );
    });
  });

  describe('milestones', () => {
    let fixture: PlanFixture;
    /** Milestones of commitment 1.1: M1 (2018-09 to 2018-12, COMPLETED), M2 (2019-01 to 2019-06, w2), M3. */
    let ids: string[];

    beforeAll(async () => {
      fixture = await loadPlan();
      ids = (await readCommitment(fixture.ogpIds[0])).milestones.map((m: { id: string }) => m.id);
    });

    const milestonesOf = async (ogpId: string) => (await readCommitment(ogpId)).milestones;

    it('createMilestone adds a never-reported milestone at the end of the commitment', async () => {
      const created = await ok(
        asAdmin(CREATE_MILESTONE, {
          input: {
            commitmentOgpId: fixture.ogpIds[1],
            title: { en: 'Write the report' },
            description: { da: 'Rapporten' },
            plannedStart: '2019-Q3',
            plannedEnd: '2019-12-15',
            weight: 2.5,
          },
        }),
      );
      const id = created.createMilestone.id;
      const [read] = (await milestonesOf(fixture.ogpIds[1])).filter(
        (m: { id: string }) => m.id === id,
      );
      expect(read).toEqual({
        id,
        position: 3,
        title: { da: null, en: 'Write the report' },
        description: { da: 'Rapporten', en: null },
        plannedStart: { label: '2019-Q3', start: '2019-07-01' },
        plannedEnd: { label: '2019-12-15', end: '2019-12-15' },
        weight: 2.5,
        status: null,
        progressPercent: null,
        version: expect.any(Number),
      });
      const list = await ok(
        publicRead(MILESTONE_LIST, {
          planSlug: fixture.slug,
          filter: { commitmentOgpId: fixture.ogpIds[1] },
        }),
      );
      expect(list.milestones.nodes.map((m: { id: string }) => m.id)).toContain(id);
    });

    it('createMilestone gives weight 1 when none is given', async () => {
      const created = await ok(
        asAdmin(CREATE_MILESTONE, {
          input: { commitmentOgpId: fixture.ogpIds[2], title: { da: 'Evaluering' } },
        }),
      );
      expect(created.createMilestone).toMatchObject({
        weight: 1,
        plannedStart: null,
        status: null,
      });
    });

    it('updateMilestone changes only the given planning fields, never the reported progress or version', async () => {
      const before = (await milestonesOf(fixture.ogpIds[0]))[1];
      expect(before.status).toBe('IN_PROGRESS');
      await ok(
        asAdmin(UPDATE_MILESTONE, {
          id: ids[1],
          input: { plannedEnd: '2019-H2', weight: 4, title: { da: 'Adresser' }, description: null },
        }),
      );
      const after = (await milestonesOf(fixture.ogpIds[0]))[1];
      expect(after).toEqual({
        ...before,
        plannedEnd: { label: '2019-H2', end: '2019-12-31' },
        weight: 4,
        title: { da: 'Adresser', en: before.title.en },
        description: { da: null, en: null },
      });
      // Weight 4 at 30 %, weight 1 completed, weight 1 never reported (adding nothing):
      // (100 + 4 x 30) / 6 = 36.67, shown 36.7 %.
      expect((await readCommitment(fixture.ogpIds[0])).progress.percent).toBe(36.7);
    });

    it('updateMilestone cannot set a status or a percent (that is the progress write path)', async () => {
      const before = await fingerprint();
      const result = await asAdmin(UPDATE_MILESTONE, {
        id: ids[2],
        input: { status: 'COMPLETED', progressPercent: 100 },
      });
      expect(result.errors?.[0].extensions?.code).toMatch(
        /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
      );
      expect(await fingerprint()).toEqual(before);
    });

    it.each([
      [
        'a planned end before the planned start',
        { plannedStart: '2019-06', plannedEnd: '2019-Q1' },
        'input.plannedEnd',
      ],
      ['a month that does not exist', { plannedStart: '2019-13' }, 'input.plannedStart'],
      ['weight 0', { weight: 0 }, 'input.weight'],
      ['a negative weight', { weight: -1 }, 'input.weight'],
      ['a weight too fine for the column', { weight: 0.0001 }, 'input.weight'],
      ['an empty title', { title: { en: '   ' } }, 'input.title'],
      ['an unknown commitment', { commitmentOgpId: 'ZZ9999' }, 'input.commitmentOgpId'],
    ])('createMilestone refuses %s', async (_, change, field) => {
      const input = { commitmentOgpId: fixture.ogpIds[0], title: { en: 'M' }, ...change };
      await expectRefused(
        CREATE_MILESTONE,
        { input },
        { field, read: () => milestonesOf(fixture.ogpIds[0]) },
      );
    });

    it.each([
      // M1 is planned 2018-09 to 2018-12.
      [
        'an end before the stored start (only the end given)',
        { plannedEnd: '2018-08' },
        'input.plannedEnd',
      ],
      [
        'a start after the stored end (only the start given)',
        { plannedStart: '2019' },
        'input.plannedStart',
      ],
      ['clearing the weight', { weight: null }, 'input.weight'],
      ['clearing the title', { title: null }, 'input.title'],
      ['an unreadable date', { plannedEnd: 'end of 2018' }, 'input.plannedEnd'],
    ])('updateMilestone refuses %s and changes nothing', async (_, input, field) => {
      await expectRefused(
        UPDATE_MILESTONE,
        { id: ids[0], input },
        { field, read: () => milestonesOf(fixture.ogpIds[0]) },
      );
    });

    it('updateMilestone may move both dates at once past the old ones', async () => {
      const plan = await loadPlan();
      const [first] = await milestonesOf(plan.ogpIds[0]);
      await ok(
        asAdmin(UPDATE_MILESTONE, {
          id: first.id,
          input: { plannedStart: '2020-01', plannedEnd: '2020-06' },
        }),
      );
      const [after] = await milestonesOf(plan.ogpIds[0]);
      expect([after.plannedStart.label, after.plannedEnd.label]).toEqual(['2020-01', '2020-06']);
    });

    it('archiveMilestone takes it out of the reads and the roll-up; its history stays', async () => {
      const plan = await loadPlan();
      const commitment = await readCommitment(plan.ogpIds[0]);
      // (100 + 2 x 30) / 4: the milestone never reported adds nothing.
      expect(commitment.progress).toEqual({ percent: 40, coverage: 0.75 });
      const archived = commitment.milestones[1].id;
      const history = await historyOf([archived]);
      expect(history).toHaveLength(1);
      await ok(asAdmin(ARCHIVE_MILESTONE, { id: archived }));
      const after = await readCommitment(plan.ogpIds[0]);
      expect(after.milestones.map((m: { id: string }) => m.id)).toEqual([
        commitment.milestones[0].id,
        commitment.milestones[2].id,
      ]);
      // Left: M1 completed (weight 1), M3 never reported (weight 1): 100 / 2.
      expect(after.progress).toEqual({ percent: 50, coverage: 0.5 });
      const list = await ok(publicRead(MILESTONE_LIST, { planSlug: plan.slug }));
      expect(list.milestones.nodes.map((m: { id: string }) => m.id)).not.toContain(archived);
      const dashboard = await ok(publicRead(DASHBOARD, { planSlug: plan.slug }));
      const inProgress = dashboard.dashboard.statusDistribution.find(
        (s: { status: string | null }) => s.status === 'IN_PROGRESS',
      );
      expect(inProgress.count).toBe(1);
      expect(await historyOf([archived])).toEqual(history);
      await expectRefused(
        UPDATE_MILESTONE,
        { id: archived, input: { weight: 2 } },
        { field: 'id' },
      );
    });
  });

  describe('agencies', () => {
    let fixture: PlanFixture;

    beforeAll(async () => {
      fixture = await loadPlan();
    });

    const agenciesOf = async (planSlug: string) =>
      (await ok(publicRead(AGENCY_LIST, { planSlug }))).agencies.nodes;

    it('createAgency makes an agency that, once it supports a commitment, the public sees', async () => {
      const plan = await loadPlan();
      const slug = unique('styrelsen');
      const created = await ok(
        asAdmin(CREATE_AGENCY, {
          input: {
            slug,
            countryCode: 'DK',
            name: { da: 'Styrelsen', en: 'The Agency' },
            abbreviation: 'STY',
            parentSlug: plan.agencies[0],
          },
        }),
      );
      expect(created.createAgency).toEqual({
        slug,
        name: { da: 'Styrelsen', en: 'The Agency' },
        abbreviation: 'STY',
        parent: { slug: plan.agencies[0] },
      });
      await ok(
        asAdmin(UPDATE_COMMITMENT, {
          ogpId: plan.ogpIds[1],
          input: { supportingAgencySlugs: [slug] },
        }),
      );
      expect((await agenciesOf(plan.slug)).find((a: { slug: string }) => a.slug === slug)).toEqual(
        created.createAgency,
      );
    });

    it('updateAgency changes only the given fields; null clears the abbreviation and the parent', async () => {
      const plan = await loadPlan();
      // Agency 1 is "Agency n", abbreviation AG, under agency 0.
      const before = (await agenciesOf(plan.slug)).find(
        (a: { slug: string }) => a.slug === plan.agencies[1],
      );
      expect(before.parent).toEqual({ slug: plan.agencies[0] });
      await ok(
        asAdmin(UPDATE_AGENCY, {
          slug: plan.agencies[1],
          input: { name: { da: 'Styrelse' }, abbreviation: null, parentSlug: null },
        }),
      );
      const after = (await agenciesOf(plan.slug)).find(
        (a: { slug: string }) => a.slug === plan.agencies[1],
      );
      expect(after).toEqual({
        ...before,
        name: { da: 'Styrelse', en: before.name.en },
        abbreviation: null,
        parent: null,
      });
    });

    it('updateAgency renames an agency; its links follow', async () => {
      const plan = await loadPlan();
      const slug = unique('renamed-agency');
      await ok(asAdmin(UPDATE_AGENCY, { slug: plan.agencies[2], input: { slug } }));
      expect((await readCommitment(plan.ogpIds[2])).leadAgency).toEqual({ slug });
    });

    it.each([
      ['a slug with capitals', { slug: 'Bad Slug' }, 'input.slug'],
      ['a slug taken', { slug: 'digitaliseringsstyrelsen' }, 'input.slug'],
      [
        'an abbreviation over 40 characters',
        { abbreviation: 'A'.repeat(41) },
        'input.abbreviation',
      ],
      ['an empty abbreviation', { abbreviation: '' }, 'input.abbreviation'],
      ['a name in no language', { name: { da: null, en: '' } }, 'input.name'],
      ['an unknown parent', { parentSlug: 'nobody' }, 'input.parentSlug'],
      ['a country code in lower case', { countryCode: 'dk' }, 'input.countryCode'],
      ['a country name for a code', { countryCode: 'Denmark' }, 'input.countryCode'],
    ])('createAgency refuses %s', async (_, change, field) => {
      const input = {
        slug: unique('agency'),
        countryCode: 'DK',
        name: { en: 'Agency' },
        ...change,
      };
      await expectRefused(
        CREATE_AGENCY,
        { input },
        { field, read: () => agenciesOf(fixture.slug) },
      );
    });

    it.each([
      ['itself as parent', () => ({ parentSlug: fixture.agencies[0] }), 'input.parentSlug'],
      // Agency 1 sits under agency 0: agency 0 under agency 1 would be a loop.
      [
        'a parent that sits under it',
        () => ({ parentSlug: fixture.agencies[1] }),
        'input.parentSlug',
      ],
      ['a slug another agency has', () => ({ slug: fixture.agencies[2] }), 'input.slug'],
      ['clearing the name', () => ({ name: null }), 'input.name'],
    ])('updateAgency refuses %s', async (_, input, field) => {
      await expectRefused(
        UPDATE_AGENCY,
        { slug: fixture.agencies[0], input: input() },
        { field, read: () => agenciesOf(fixture.slug) },
      );
    });

    it('archiveAgency is refused while the agency leads an unarchived commitment, naming it', async () => {
      const result = await expectRefused(
        ARCHIVE_AGENCY,
        { slug: fixture.agencies[0] },
        { field: 'slug', read: () => agenciesOf(fixture.slug) },
      );
      expect(result.errors![0].message).toContain(fixture.ogpIds[0]);
      expect(result.errors![0].extensions!.value).toEqual([fixture.ogpIds[0]]);
    });

    it('archiveAgency, once it leads nothing, takes it out of the agency list; it can no longer be linked', async () => {
      const plan = await loadPlan();
      // Agency 1 leads 1.2 and supports 1.1.
      await ok(
        asAdmin(UPDATE_COMMITMENT, {
          ogpId: plan.ogpIds[1],
          input: { leadAgencySlug: plan.agencies[2] },
        }),
      );
      const links = await db.dataSource.query(
        'SELECT commitment_id, role FROM commitment_agency ca JOIN agency a ON a.id = ca.agency_id WHERE a.slug = $1',
        [plan.agencies[1]],
      );
      await ok(asAdmin(ARCHIVE_AGENCY, { slug: plan.agencies[1] }));
      expect((await agenciesOf(plan.slug)).map((a: { slug: string }) => a.slug)).not.toContain(
        plan.agencies[1],
      );
      // Archived, not deleted: the row and its links stay.
      expect(
        await db.dataSource.query(
          'SELECT commitment_id, role FROM commitment_agency ca JOIN agency a ON a.id = ca.agency_id WHERE a.slug = $1',
          [plan.agencies[1]],
        ),
      ).toEqual(links);
      await expectRefused(
        UPDATE_COMMITMENT,
        { ogpId: plan.ogpIds[2], input: { leadAgencySlug: plan.agencies[1] } },
        { field: 'input.leadAgencySlug' },
      );
      await expectRefused(
        CREATE_AGENCY,
        {
          input: {
            slug: unique('child'),
            countryCode: 'DK',
            name: { en: 'Child' },
            parentSlug: plan.agencies[1],
          },
        },
        { field: 'input.parentSlug' },
      );
      await expectRefused(
        UPDATE_AGENCY,
        { slug: plan.agencies[1], input: { abbreviation: 'X' } },
        { field: 'slug' },
      );
      // Archiving again changes nothing.
      const before = await fingerprint();
      await ok(asAdmin(ARCHIVE_AGENCY, { slug: plan.agencies[1] }));
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe('archived agencies leave every nested read', () => {
    const agenciesOf = async (planSlug: string) =>
      (await ok(publicRead(AGENCY_LIST, { planSlug }))).agencies.nodes;

    it('an archived supporting agency leaves commitment.supportingAgencies', async () => {
      const plan = await loadPlan();
      // Agency 1 supports 1.1; it leads 1.2, so 1.2 is archived first.
      await ok(asAdmin(ARCHIVE_COMMITMENT, { ogpId: plan.ogpIds[1] }));
      await ok(asAdmin(ARCHIVE_AGENCY, { slug: plan.agencies[1] }));
      expect((await readCommitment(plan.ogpIds[0])).supportingAgencies).toEqual([]);
    });

    it('an archived coordinating agency leaves actionPlan.coordinatingAgency', async () => {
      const plan = await loadPlan();
      const slug = unique('coordinator');
      await ok(
        asAdmin(CREATE_AGENCY, { input: { slug, countryCode: 'DK', name: { en: 'Coordinator' } } }),
      );
      await ok(asAdmin(UPDATE_PLAN, { slug: plan.slug, input: { coordinatingAgencySlug: slug } }));
      await ok(asAdmin(ARCHIVE_AGENCY, { slug }));
      expect((await readPlan(plan.slug)).coordinatingAgency).toBeNull();
    });

    it('an archived parent leaves agency.parent', async () => {
      const plan = await loadPlan();
      const parent = unique('ministry');
      await ok(
        asAdmin(CREATE_AGENCY, {
          input: { slug: parent, countryCode: 'DK', name: { en: 'Ministry' } },
        }),
      );
      await ok(asAdmin(UPDATE_AGENCY, { slug: plan.agencies[2], input: { parentSlug: parent } }));
      await ok(asAdmin(ARCHIVE_AGENCY, { slug: parent }));
      const agency = (await agenciesOf(plan.slug)).find(
        (a: { slug: string }) => a.slug === plan.agencies[2],
      );
      expect(agency.parent).toBeNull();
    });
  });

  describe('concurrency', () => {
    /** Waits until a statement of this database waits for a lock (the request under test is then blocked). */
    async function untilBlocked(client: Client): Promise<void> {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const { rows } = await client.query<{ count: string }>(
          `SELECT COUNT(*) AS count FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (Number(rows[0].count) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('the request never waited for the lock');
    }

    async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    }

    it('two administrators changing different fields of one commitment at once both keep their change', async () => {
      const plan = await loadPlan();
      const [first, second] = await Promise.all([
        graphql(
          api.baseUrl,
          UPDATE_COMMITMENT,
          { ogpId: plan.ogpIds[0], input: { title: { en: 'Title by A' } } },
          admin,
        ),
        graphql(
          api.baseUrl,
          UPDATE_COMMITMENT,
          { ogpId: plan.ogpIds[0], input: { number: '1.7' } },
          secondAdmin,
        ),
      ]);
      expect([first.errors, second.errors]).toEqual([undefined, undefined]);
      const read = await readCommitment(plan.ogpIds[0]);
      expect([read.title.en, read.number]).toEqual(['Title by A', '1.7']);
    });

    it('an update waits for a concurrent writer of the row and checks against what it wrote', async () => {
      const plan = await loadPlan();
      const [milestone] = (await readCommitment(plan.ogpIds[0])).milestones; // planned 2018-09 to 2018-12
      await withClient(async (other) => {
        await other.query('BEGIN');
        await other.query('SELECT id FROM milestone WHERE id = $1 FOR UPDATE', [milestone.id]);
        // Alone, a start of 2018-11 fits the stored end (2018-12-31); after the other writer, it does not.
        const pending = asAdmin(UPDATE_MILESTONE, {
          id: milestone.id,
          input: { plannedStart: '2018-11', weight: 5 },
        });
        await withClient(untilBlocked);
        await other.query(
          `UPDATE milestone SET planned_end = '2018-10-31', planned_end_precision = 'MONTH', title_en = 'Moved by B' WHERE id = $1`,
          [milestone.id],
        );
        await other.query('COMMIT');
        const result = await pending;
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.plannedStart',
        });
      });
      const [after] = (await readCommitment(plan.ogpIds[0])).milestones;
      expect(after).toMatchObject({
        title: { en: 'Moved by B' },
        plannedStart: { label: '2018-09' },
        plannedEnd: { label: '2018-10' },
        weight: 1,
      });
    });

    it('a change to another field made while the update waited is kept', async () => {
      const plan = await loadPlan();
      const [milestone] = (await readCommitment(plan.ogpIds[0])).milestones;
      await withClient(async (other) => {
        await other.query('BEGIN');
        await other.query('SELECT id FROM milestone WHERE id = $1 FOR UPDATE', [milestone.id]);
        const pending = asAdmin(UPDATE_MILESTONE, { id: milestone.id, input: { weight: 3 } });
        await withClient(untilBlocked);
        await other.query(`UPDATE milestone SET title_da = 'Ændret af B' WHERE id = $1`, [
          milestone.id,
        ]);
        await other.query('COMMIT');
        expect((await pending).errors).toBeUndefined();
      });
      const [after] = (await readCommitment(plan.ogpIds[0])).milestones;
      expect([after.title.da, after.weight]).toEqual(['Ændret af B', 3]);
    });

    it('a slug taken by a concurrent insert between the check and the write is BAD_USER_INPUT, not an internal error', async () => {
      const slug = unique('raced');
      await withClient(async (other) => {
        await other.query('BEGIN');
        await other.query(
          `INSERT INTO agency (slug, country_code, name_en) VALUES ($1, 'DK', $2)`,
          [slug, 'First'],
        );
        // The request's check cannot see the uncommitted row; its insert then waits on the unique index.
        const pending = asAdmin(CREATE_AGENCY, {
          input: { slug, countryCode: 'DK', name: { en: 'Second' } },
        });
        await withClient(untilBlocked);
        await other.query('COMMIT');
        const result = await pending;
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.slug',
        });
      });
      expect(
        await db.dataSource.query('SELECT name_en FROM agency WHERE slug = $1', [slug]),
      ).toEqual([{ name_en: 'First' }]);
    });
  });
});
