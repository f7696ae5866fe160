import { Role } from '@ogp/common';
import { PLAN_EVENTS } from '@ogp/core';
import type { ClosablePlanEvents } from '@ogp/core/events/events.module';
import { stringify } from 'csv-stringify/sync';
import { apiData, csvRows, download, loadXlsx, sheetRows } from '../utils/exports';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphqlWsClient, LiveResults, until } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const PLAN = 'dk-2017-2019';
const AGENCY = 'digitaliseringsstyrelsen';
const OTHER_AGENCY = 'finansministeriet';
const MALICIOUS = '=HYPERLINK("http://x","y")';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EVIDENCE = 'https://example.org/progress-report';

interface ApiMilestone {
  id: string;
  position: number;
  version: number;
  status: string | null;
  progressPercent: number | null;
  history: { id: string; note: { da: string | null; en: string | null } }[];
}

interface ImportAnswer {
  dryRun: boolean;
  ok: boolean;
  rows: number;
  skipped: number;
  applied: number;
  problems: { row: number; column: string | null; message: string; messageKey: string }[];
  conflicts: {
    row: number;
    milestoneId: string;
    ogpId: string;
    milestoneNumber: number;
    expectedVersion: number;
    currentVersion: number;
  }[];
  notice: { messageKey: string } | null;
}

describe('bulk progress import over HTTP (template, dry run, all rows or none)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let coordinator: Record<string, string>;
  let otherCoordinator: Record<string, string>;
  let agencyIds: Record<string, string>;

  /** The agency's milestones (those of the commitments it leads), as the API gives them to the coordinator. */
  async function agencyMilestones(): Promise<(ApiMilestone & { ogpId: string })[]> {
    const data = await apiData(
      api.baseUrl,
      `query ($plan: String!, $agency: String!) {
        commitments(planSlug: $plan, filter: { agencySlug: $agency }, first: 100) {
          nodes { ogpId leadAgency { slug }
            milestones { id position version status progressPercent history { id note { da en } } } } } }`,
      { plan: PLAN, agency: AGENCY },
      coordinator,
    );
    return data.commitments.nodes
      .filter((c: { leadAgency: { slug: string } }) => c.leadAgency.slug === AGENCY)
      .flatMap((c: { ogpId: string; milestones: ApiMilestone[] }) =>
        c.milestones.map((m) => ({ ...m, ogpId: c.ogpId })),
      );
  }

  async function template(
    headers: Record<string, string>,
    query = `?agency=${agencyIds[AGENCY]}&lang=en`,
  ) {
    return download(api.baseUrl, `/api/plans/${PLAN}/progress-template.xlsx${query}`, headers);
  }

  async function upload(
    body: Buffer,
    contentType: string,
    headers: Record<string, string>,
    dryRun: boolean,
  ): Promise<{ status: number; answer: ImportAnswer }> {
    const response = await fetch(
      `${api.baseUrl}/api/plans/${PLAN}/progress-import${dryRun ? '?dryRun=1' : ''}`,
      { method: 'POST', headers: { ...headers, 'content-type': contentType }, body },
    );
    return { status: response.status, answer: (await response.json()) as ImportAnswer };
  }

  /** Fills the template's rows for the given milestone ids (header names as the template writes them). */
  async function filled(
    templateBody: Buffer,
    fills: Record<string, Record<string, string | number>>,
  ): Promise<Buffer> {
    const workbook = await loadXlsx(templateBody);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map((v) =>
      typeof v === 'string' ? v : '',
    );
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const fill = fills[row.getCell(header.indexOf('Milestone id')).value as string];
      if (!fill) return;
      for (const [column, value] of Object.entries(fill)) {
        const position = header.indexOf(column);
        if (position < 1) throw new Error(`no column ${column}`);
        row.getCell(position).value = value;
      }
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    coordinator = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.COORDINATOR], agencySlugs: [AGENCY] }),
    );
    otherCoordinator = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: [OTHER_AGENCY],
      }),
    );
    const agencies = await apiData(
      api.baseUrl,
      `{ agencies(planSlug: "${PLAN}", first: 100) { nodes { id slug } } }`,
    );
    agencyIds = Object.fromEntries(
      agencies.agencies.nodes.map((a: { id: string; slug: string }) => [a.slug, a.id]),
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('gives the template to signed-in coordinators of the agency only', async () => {
    expect((await template({})).status).toBe(401);
    const refused = await template(otherCoordinator);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString('utf8')).messageKey).toBe(
      'progressImport.templateAgency',
    );
    const withoutAgency = await template(coordinator, '?lang=en');
    expect(withoutAgency.status).toBe(400);
    expect(JSON.parse(withoutAgency.body.toString('utf8')).messageKey).toBe(
      'progressImport.agencyRequired',
    );
  });

  it('gives an administrator who names no agency every milestone of the plan, in Danish by default', async () => {
    const admin = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
    );
    const response = await template(admin, '');
    expect(response.status).toBe(200);
    const workbook = await loadXlsx(response.body);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Fremdrift', 'Vejledning']);
    const data = await apiData(
      api.baseUrl,
      `{ commitments(planSlug: "${PLAN}", first: 100) { nodes { milestones { id } } } }`,
    );
    const ids = data.commitments.nodes.flatMap((c: { milestones: { id: string }[] }) =>
      c.milestones.map((m) => m.id),
    );
    const rows = sheetRows(workbook.worksheets[0]);
    expect(rows.map((row) => row['Milepæl-id']).sort()).toEqual([...ids].sort());
  });

  it("lists the coordinator's milestones with their keys and versions, ready to fill in", async () => {
    const response = await template(coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const workbook = await loadXlsx(response.body);
    const [sheet, instructions] = workbook.worksheets;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(instructions.getCell('A1').value).toBe('Reporting progress');
    const rows = sheetRows(sheet);
    const expected = await agencyMilestones();
    expect(expected.length).toBeGreaterThan(1);
    expect(
      rows.map((r) => [r['OGP ID'], r['Milestone no.'], r['Milestone id'], r['Expected version']]),
    ).toEqual(expected.map((m) => [m.ogpId, m.position, m.id, m.version]));
    for (const row of rows) {
      expect(row['New status']).toBeUndefined();
      expect(row['Current status']).toEqual(expect.any(String));
    }
    const header = (sheet.getRow(1).values as unknown[]).indexOf('New status');
    expect(sheet.getRow(2).getCell(header).dataValidation).toMatchObject({ type: 'list' });
  });

  it('a template sent back untouched applies nothing, and says so', async () => {
    const before = await agencyMilestones();
    const { status, answer } = await upload(
      (await template(coordinator)).body,
      XLSX,
      coordinator,
      false,
    );
    expect(status).toBe(200);
    expect(answer).toMatchObject({ ok: true, rows: 0, applied: 0, skipped: before.length });
    expect(answer.notice?.messageKey).toBe('progressImport.nothingToApply');
    expect((await agencyMilestones()).map((m) => m.version)).toEqual(before.map((m) => m.version));
  });

  it('checks every row in a dry run, refuses a file with a bad row, and applies the corrected one', async () => {
    // Two milestones that may move on (a COMPLETED one would need reopening first).
    const [good, bad] = (await agencyMilestones()).filter((m) => m.status !== 'COMPLETED');
    const oldTemplate = (await template(coordinator)).body;
    const headBefore = (
      await apiData(api.baseUrl, `{ actionPlan(slug: "${PLAN}") { auditHeadHash } }`)
    ).actionPlan.auditHeadHash;
    const goodFill = {
      'New status': 'IN_PROGRESS',
      'New percent': 75,
      'Note (Danish)': MALICIOUS,
      'Note (English)': MALICIOUS,
    };
    const file = await filled(oldTemplate, {
      [good.id]: goodFill,
      [bad.id]: { 'New status': 'IN_PROGRESS', 'New percent': 150 },
    });

    const dry = await upload(file, XLSX, coordinator, true);
    expect(dry.status).toBe(200);
    expect(dry.answer).toMatchObject({
      dryRun: true,
      ok: false,
      rows: 2,
      applied: 0,
      conflicts: [],
    });
    expect(dry.answer.problems).toHaveLength(1);
    const badRow = 2 + (await agencyMilestones()).findIndex((m) => m.id === bad.id);
    expect(dry.answer.problems[0]).toMatchObject({
      row: badRow,
      column: 'New percent',
      messageKey: 'progress.percentInProgress',
    });

    const refused = await upload(file, XLSX, coordinator, false);
    expect(refused.status).toBe(422);
    expect(refused.answer).toMatchObject({ dryRun: false, ok: false, applied: 0 });
    expect(refused.answer.problems).toEqual(dry.answer.problems);
    const unchanged = await agencyMilestones();
    for (const m of [good, bad]) {
      const now = unchanged.find((u) => u.id === m.id)!;
      expect(now.version).toBe(m.version);
      expect(now.history).toHaveLength(m.history.length);
    }
    const headAfter = (
      await apiData(api.baseUrl, `{ actionPlan(slug: "${PLAN}") { auditHeadHash } }`)
    ).actionPlan.auditHeadHash;
    expect(headAfter).toBe(headBefore);

    // The corrected file, as CSV keyed by OGP id and milestone number, with evidence to complete the other.
    const csv = Buffer.from(
      stringify([
        [
          'OGP ID',
          'Milestone no.',
          'Expected version',
          'New status',
          'New percent',
          'Note (Danish)',
          'Note (English)',
          'Evidence URLs',
          'Evidence titles',
        ],
        [good.ogpId, good.position, good.version, 'IN_PROGRESS', 75, MALICIOUS, MALICIOUS, '', ''],
        [
          bad.ogpId,
          bad.position,
          bad.version,
          'COMPLETED',
          '',
          '',
          '',
          EVIDENCE,
          'Progress report (test data)',
        ],
      ]),
    );
    const applied = await upload(csv, 'text/csv; charset=utf-8', coordinator, false);
    expect(applied.status).toBe(200);
    expect(applied.answer).toMatchObject({
      ok: true,
      rows: 2,
      applied: 2,
      problems: [],
      conflicts: [],
    });

    const after = await agencyMilestones();
    const goodNow = after.find((m) => m.id === good.id)!;
    const badNow = after.find((m) => m.id === bad.id)!;
    expect(goodNow).toMatchObject({
      status: 'IN_PROGRESS',
      progressPercent: 75,
      version: good.version + 1,
    });
    expect(badNow).toMatchObject({
      status: 'COMPLETED',
      progressPercent: 100,
      version: bad.version + 1,
    });
    expect(goodNow.history).toHaveLength(good.history.length + 1);
    const recorded = goodNow.history.find((h) => !good.history.some((old) => old.id === h.id))!;
    expect(recorded.note).toEqual({ da: MALICIOUS, en: MALICIOUS });

    const exported = csvRows(
      (await download(api.baseUrl, `/api/plans/${PLAN}/export.csv?lang=en`)).body,
    );
    const exportedRow = exported.find(
      (r) => r['OGP ID'] === good.ogpId && r['Milestone no.'] === String(good.position),
    )!;
    expect(exportedRow['Latest note']).toBe(`'${MALICIOUS}`);
    const chain = await apiData(api.baseUrl, `{ verifyAuditChain(planSlug: "${PLAN}") { ok } }`);
    expect(chain.verifyAuditChain.ok).toBe(true);

    // The template downloaded before, filled in again: its version of the milestone is stale now.
    const again = await upload(
      await filled(oldTemplate, { [good.id]: { ...goodFill, 'New percent': 76 } }),
      XLSX,
      coordinator,
      true,
    );
    expect(again.answer.ok).toBe(false);
    expect(again.answer.conflicts).toEqual([
      {
        row: expect.any(Number),
        milestoneId: good.id,
        ogpId: good.ogpId,
        milestoneNumber: good.position,
        expectedVersion: good.version,
        currentVersion: good.version + 1,
      },
    ]);
  });

  it("refuses a coordinator's rows for milestones of commitments another agency leads", async () => {
    const [first, second] = await agencyMilestones();
    const csv = Buffer.from(
      stringify([
        ['Milestone id', 'Expected version', 'New status', 'New percent'],
        [first.id, first.version, 'IN_PROGRESS', 70],
        [second.id, second.version, 'IN_PROGRESS', 70],
        [second.id, second.version, 'IN_PROGRESS', 'seventy'],
      ]),
    );
    const { status, answer } = await upload(csv, 'text/csv', otherCoordinator, false);
    expect(status).toBe(422);
    // A cell that cannot be read does not hide the other rows' problems, nor its own milestone's.
    expect(answer.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([
      [2, 'Milestone id', 'progress.notLead'],
      [3, 'Milestone id', 'progress.notLead'],
      [4, 'New percent', 'progressImport.wholeNumber'],
      [4, 'Milestone id', 'progressImport.rowTwice'],
    ]);
    const after = await agencyMilestones();
    expect(after.find((m) => m.id === first.id)!.version).toBe(first.version);
  });

  it('lets one of two uploads of the same versions apply, and the other report conflicts', async () => {
    const milestone = (await agencyMilestones()).find((m) => m.status === null)!;
    // A member of the public follows the plan live: the update that was applied is told once, after its commit.
    const events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
    const client = graphqlWsClient(api.baseUrl);
    const before = events.subscriberCount(PLAN);
    const live = new LiveResults(
      client,
      `subscription ($plan: String!) { planActivity(planSlug: $plan) { milestoneId status progressPercent } }`,
      { plan: PLAN },
    );
    await until(() => events.subscriberCount(PLAN) > before, 5000, 'a subscriber of the plan');
    const csv = Buffer.from(
      stringify([
        ['Milestone id', 'Expected version', 'New status', 'New percent'],
        [milestone.id, milestone.version, 'IN_PROGRESS', 80],
      ]),
    );
    const answers = await Promise.all([
      upload(csv, 'text/csv', coordinator, false),
      upload(csv, 'text/csv', coordinator, false),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    const loser = answers.find((a) => a.status === 422)!.answer;
    expect(loser.conflicts).toMatchObject([
      { row: 2, expectedVersion: milestone.version, currentVersion: milestone.version + 1 },
    ]);
    const after = (await agencyMilestones()).find((m) => m.id === milestone.id)!;
    expect(after.version).toBe(milestone.version + 1);
    expect(after.history).toHaveLength(milestone.history.length + 1);
    expect(await live.waitFor(1)).toEqual([
      {
        data: {
          planActivity: { milestoneId: milestone.id, status: 'IN_PROGRESS', progressPercent: 80 },
        },
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.received).toHaveLength(1);
    await client.dispose();
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const response = await fetch(`${api.baseUrl}/api/plans/${PLAN}/progress-import?dryRun=1`, {
      method: 'POST',
      headers: { ...coordinator, 'content-type': 'text/csv' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { messageKey: string }).messageKey).toBe(
      'progressImport.tooLarge',
    );
  });

  it('answers anonymous uploads with 401, reviewers with 403 and other media types with 400', async () => {
    const csv = Buffer.from('Milestone id,Expected version,New status\n');
    expect((await upload(csv, 'text/csv', {}, true)).status).toBe(401);
    const reviewer = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
    );
    expect((await upload(csv, 'text/csv', reviewer, true)).status).toBe(403);
    const wrong = await upload(csv, 'application/json', coordinator, true);
    expect(wrong.status).toBe(400);
    expect((wrong.answer as unknown as { messageKey: string }).messageKey).toBe(
      'progressImport.mediaType',
    );
  });
});
