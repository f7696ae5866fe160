import { Role } from '@ogp/common';
import type { PlanFile } from '@ogp/domain';
import { buildPlanFile, generatePlanFile } from '../factories/plan-file.factory';
import { rowCounts } from '../integration/support/row-counts';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { apiData } from '../utils/exports';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const ADMIN_NAME = 'Importing Administrator (test)';

const PLAN_READ = `query ($slug: String!) {
  actionPlan(slug: $slug) {
    slug title { en }
    themes { key }
    commitments(first: 100) { nodes { ogpId leadAgency { slug } milestones { status progressPercent } } }
  }
  auditTrail(planSlug: $slug, first: 100) { totalCount nodes { kind recordedBy } }
  verifyAuditChain(planSlug: $slug) { ok checked }
}`;

/** The numbers a file holds, as the import's summary should tell them. */
function countsOf(file: PlanFile) {
  const milestones = file.commitments.flatMap((c) => c.milestones ?? []);
  return {
    slug: file.plan.slug,
    themes: file.themes.length,
    commitments: file.commitments.length,
    milestones: milestones.length,
    statusUpdates: milestones.reduce((n, m) => n + (m.history ?? []).length, 0),
    assessments: file.commitments.reduce((n, c) => n + (c.assessments ?? []).length, 0),
  };
}

describe('POST /api/plans/import (plan files over HTTP, for administrators)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;

  /** Posts `body` (JSON unless a string is given) and reads the JSON answer. */
  async function post(
    body: unknown,
    { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${api.baseUrl}/api/plans/import${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  /** Whether the plan exists, as an administrator (who sees drafts too) reads it over GraphQL. */
  async function planExists(slug: string): Promise<boolean> {
    const data = await apiData(
      api.baseUrl,
      '{ actionPlans(first: 100) { nodes { slug } } }',
      {},
      admin,
    );
    return data.actionPlans.nodes.some((plan: { slug: string }) => plan.slug === slug);
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    admin = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.ADMIN], displayName: ADMIN_NAME }),
    );
    coordinator = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('refuses the anonymous (401) and a coordinator (403), dry run or not, and changes nothing', async () => {
    const file = buildPlanFile();
    const before = await rowCounts(db.dataSource);
    for (const query of ['', '?dryRun=1']) {
      const anonymous = await post(file, { query });
      expect(anonymous).toEqual({
        status: 401,
        body: expect.objectContaining({ code: 'UNAUTHENTICATED', messageKey: 'auth.signInFirst' }),
      });
      const refused = await post(file, { query, headers: coordinator });
      expect(refused).toEqual({
        status: 403,
        body: expect.objectContaining({ code: 'FORBIDDEN', messageKey: 'auth.roleRequired' }),
      });
    }
    expect(await rowCounts(db.dataSource)).toEqual(before);
    expect(await planExists(file.plan.slug)).toBe(false);
  });

  it('dry run of a good file: ok, with the summary, and the plan does not exist after', async () => {
    const file = buildPlanFile();
    const before = await rowCounts(db.dataSource);
    const answer = await post(file, { query: '?dryRun=1', headers: admin });
    expect(answer).toEqual({
      status: 200,
      body: {
        dryRun: true,
        ok: true,
        problems: [],
        summary: { ...countsOf(file), agenciesCreated: file.agencies.length },
      },
    });
    expect(await rowCounts(db.dataSource)).toEqual(before);
    expect(await planExists(file.plan.slug)).toBe(false);
  });

  describe('a file with two problems (an unknown lead agency, and a slug Denmark has already)', () => {
    const file = buildPlanFile({ plan: { slug: 'dk-2017-2019' } });
    file.commitments[1].leadAgency = 'no-such-agency';
    const expected = [
      {
        path: '$.commitments[1].leadAgency',
        message: 'names no agency of this file: "no-such-agency"',
        messageKey: 'planFile.noSuchAgency',
        params: { key: 'no-such-agency' },
      },
      {
        path: '$.plan.slug',
        message: expect.stringContaining('"dk-2017-2019" already exists'),
        messageKey: 'planFile.slugExists',
        params: { slug: 'dk-2017-2019' },
      },
    ];

    it('dry run lists both, with their JSON paths, and changes nothing', async () => {
      const before = await rowCounts(db.dataSource);
      const answer = await post(file, { query: '?dryRun=1', headers: admin });
      expect(answer).toEqual({
        status: 200,
        body: {
          dryRun: true,
          ok: false,
          problems: expected,
          summary: { ...countsOf(file), agenciesCreated: file.agencies.length },
        },
      });
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });

    it('import answers 422 with the same problems, and changes nothing', async () => {
      const before = await rowCounts(db.dataSource);
      const answer = await post(file, { headers: admin });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ dryRun: false, ok: false });
      expect(answer.body.problems).toEqual(expected);
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });
  });

  it('import of a good file: 201, the plan readable over GraphQL, recorded as the administrator, chain intact', async () => {
    const file = buildPlanFile();
    const answer = await post(file, { headers: admin });
    expect(answer).toEqual({
      status: 201,
      body: {
        dryRun: false,
        ok: true,
        problems: [],
        summary: { ...countsOf(file), agenciesCreated: file.agencies.length },
      },
    });
    // Read anonymously: the file does not say whether it is published, and the loader's default is published.
    const data = await apiData(api.baseUrl, PLAN_READ, { slug: file.plan.slug });
    expect(data.actionPlan).toMatchObject({
      slug: file.plan.slug,
      title: { en: file.plan.title.en },
      themes: file.themes.map((theme) => ({ key: theme.key })),
    });
    expect(data.actionPlan.commitments.nodes.map((c: { ogpId: string }) => c.ogpId)).toEqual(
      file.commitments.map((c) => c.ogpId),
    );
    expect(data.actionPlan.commitments.nodes[0].milestones[0]).toEqual({
      status: 'COMPLETED',
      progressPercent: 100,
    });
    const { statusUpdates, assessments } = countsOf(file);
    expect(data.auditTrail.totalCount).toBe(statusUpdates + assessments);
    expect(new Set(data.auditTrail.nodes.map((n: { recordedBy: string }) => n.recordedBy))).toEqual(
      new Set([ADMIN_NAME]),
    );
    expect(data.verifyAuditChain).toEqual({ ok: true, checked: statusUpdates + assessments });
    // The same file again: nothing new, the slug named.
    const again = await post(file, { headers: admin });
    expect(again.status).toBe(422);
    expect(again.body.problems.map((p: { path: string }) => p.path)).toEqual(['$.plan.slug']);
  });

  it('takes a plan file larger than the 100 kB other requests may be (a generated plan of 100 commitments)', async () => {
    const file = generatePlanFile(2024, 100);
    const body = JSON.stringify(file);
    expect(Buffer.byteLength(body)).toBeGreaterThan(100 * 1024);
    const before = await rowCounts(db.dataSource);
    const answer = await post(body, { query: '?dryRun=1', headers: admin });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, summary: countsOf(file) });
    expect(await rowCounts(db.dataSource)).toEqual(before);
  });

  it('a body that is not JSON answers 400 naming the body; a body of another type 415', async () => {
    const broken = await post('{"formatVersion": 1, "plan": ', { headers: admin });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'body',
      messageKey: 'planFile.notJson',
    });
    expect(broken.body.message).toMatch(/^body: is not JSON that can be read: /);
    const text = await post('formatVersion: 1', {
      headers: { ...admin, 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const flag = await post(buildPlanFile(), { query: '?dryRun=yes', headers: admin });
    expect(flag.status).toBe(400);
    expect(flag.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dryRun' });
  });
});
