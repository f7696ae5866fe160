import { COMPLETION_LABELS, MILESTONE_STATUS_LABELS, Role, VERIFICATION_LABELS } from '@ogp/common';
import { validatePlanFile } from '@ogp/domain';
import {
  apiData,
  commitmentHeadlineOf,
  csvRows,
  download,
  loadXlsx,
  planFigures,
  planHeadline,
  sheetRows,
  validateAgainstPublishedSchema,
  type PlanFigures,
} from '../utils/exports';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const PLAN = 'dk-2017-2019';
const MALICIOUS = '=HYPERLINK("http://x","y")';
const INTERNAL_NOTE = 'Internal: figures not yet confirmed (test data)';
const today = () => new Date().toISOString().slice(0, 10);

describe('exports over HTTP (CSV, IRM CSV, XLSX, JSON)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let reviewer: Record<string, string>;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    coordinator = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
    );
    reviewer = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
    );
    // A coordinator of DK0051's lead agency reports one milestone with a formula for a note (public), and
    // another with an internal note.
    const data = await apiData(
      api.baseUrl,
      `{ first: commitment(ogpId: "DK0051") { milestones { id version } }
         second: commitment(ogpId: "DK0056") { milestones { id version status } }
         third: commitment(ogpId: "DK0055") { milestones { id version status } } }`,
    );
    const [first] = data.first.milestones;
    const [second, ...others] = data.second.milestones;
    // Any open milestone of the same agency, reported under way with neither note nor evidence (both optional
    // short of COMPLETED).
    const bare = [...others, ...data.third.milestones].find(
      (m: { status: string | null }) => m.status !== 'COMPLETED' && m.status !== 'CANCELLED',
    );
    const record = `mutation ($input: RecordMilestoneUpdateInput!) {
      recordMilestoneUpdate(input: $input) { milestone { id } } }`;
    const evidence = [{ url: 'https://example.org/status', title: 'Status (test data)' }];
    await apiData(
      api.baseUrl,
      record,
      {
        input: {
          milestoneId: first.id,
          expectedVersion: first.version,
          status: 'COMPLETED',
          note: { da: MALICIOUS, en: MALICIOUS },
          evidence,
        },
      },
      coordinator,
    );
    await apiData(
      api.baseUrl,
      record,
      {
        input: {
          milestoneId: second.id,
          expectedVersion: second.version,
          status: 'COMPLETED',
          note: { da: INTERNAL_NOTE, en: INTERNAL_NOTE },
          evidence,
          visibility: 'INTERNAL',
        },
      },
      coordinator,
    );
    await apiData(
      api.baseUrl,
      record,
      {
        input: {
          milestoneId: bare.id,
          expectedVersion: bare.version,
          status: 'IN_PROGRESS',
          progressPercent: 99,
        },
      },
      coordinator,
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe.each([
    { day: '2019-06-30', asOf: '2019-06-30' },
    { day: 'today', asOf: null },
  ])('as of $day', ({ asOf }) => {
    let figures: PlanFigures;
    const query = (extra = '') => `?lang=en${asOf ? `&asOf=${asOf}` : ''}${extra}`;

    beforeAll(async () => {
      figures = await planFigures(api.baseUrl, PLAN, asOf);
    });

    it('CSV: one row per milestone, each with the figures the API gives', async () => {
      const response = await download(
        api.baseUrl,
        `/api/plans/${PLAN}/export.csv${query('&bom=1')}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers.get('content-disposition')).toContain(
        `filename="${PLAN}-${asOf ?? today()}-en.csv"`,
      );
      expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = csvRows(response.body);
      expect(rows).toHaveLength(figures.milestones.length);
      for (const [index, expected] of figures.milestones.entries()) {
        const row = rows[index];
        const { milestone, commitment } = expected;
        expect(row['OGP ID']).toBe(commitment.ogpId);
        expect(row['Milestone no.']).toBe(String(milestone.position));
        expect(row.Status).toBe(
          milestone.status ? MILESTONE_STATUS_LABELS[milestone.status].en : 'No data',
        );
        expect(row.Percent).toBe(milestone.progressPercent?.toString() ?? '');
        expect(row.Verification).toBe(VERIFICATION_LABELS[milestone.verification].en);
        expect(row.Overdue).toBe(milestone.flags.includes('OVERDUE') ? 'Yes' : 'No');
        expect(row['Due soon']).toBe(milestone.flags.includes('DUE_SOON') ? 'Yes' : 'No');
        expect(row['No update for 90 days']).toBe(milestone.flags.includes('STALE') ? 'Yes' : 'No');
        expect(row['Last update']).toBe(milestone.lastUpdateOn ?? '');
        expect(row['Planned end']).toBe(milestone.plannedEnd?.label ?? '');
        expect(row['Commitment percent (computed)']).toBe(
          commitment.progress.percent?.toString() ?? '',
        );
        expect(row['Commitment completion (computed)']).toBe(
          COMPLETION_LABELS[commitment.progress.completion].en,
        );
        expect(row['Commitment headline']).toBe(commitmentHeadlineOf(commitment.progress, 'en'));
        expect(row['As of']).toBe(asOf ?? today());
        expect(row['Data licence']).toBe(
          'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
        );
        expect(row['Audit chain head hash']).toBe(figures.auditHeadHash);
        expect(Date.parse(row.Generated)).toBeGreaterThan(Date.now() - 600_000);
      }
    });

    it('IRM CSV: one row per commitment, the IRM coding beside the computed completion', async () => {
      const response = await download(api.baseUrl, `/api/plans/${PLAN}/export.irm.csv${query()}`);
      expect(response.status).toBe(200);
      const rows = csvRows(response.body);
      expect(rows.map((row) => row['OGP ID'])).toEqual(figures.commitments.map((c) => c.ogpId));
      for (const [index, commitment] of figures.commitments.entries()) {
        const row = rows[index];
        expect(row['Tracker: Completion (IRM scale)']).toBe(
          figures.irmNames[commitment.progress.completion],
        );
        expect(row['Commitment percent (computed)']).toBe(
          commitment.progress.percent?.toString() ?? '',
        );
        const end = commitment.assessments
          .filter((a) => a.assessor === 'IRM' && a.stage === 'END_OF_TERM' && a.completion)
          .at(-1);
        expect(row['Completion (end of term)']).toBe(end ? figures.irmNames[end.completion!] : '');
        const design = commitment.assessments
          .filter((a) => a.assessor === 'IRM' && a.verifiable !== null)
          .at(-1);
        expect(row.Verifiable).toBe(design ? (design.verifiable ? 'Yes' : 'No') : '');
        // The IRM's own words: "Did Not Change", "Moderate", ... (the enum's words in title case).
        const irmWords = (value: string) =>
          value
            .split('_')
            .map((word) => word[0] + word.slice(1).toLowerCase())
            .join(' ');
        for (const [column, field] of [
          ['Potential Impact', 'potentialImpact'],
          ['Did It Open Government?', 'didItOpenGovernment'],
          ['Starred', 'starred'],
        ] as const) {
          const rated = commitment.assessments.filter((a) => a.assessor === 'IRM' && a[field]);
          const latest = rated.at(-1)?.[field];
          expect(row[column]).toBe(latest ? irmWords(latest) : '');
        }
      }
    });

    it('XLSX: five sheets with typed columns, frozen headers and filters, the same figures', async () => {
      const response = await download(api.baseUrl, `/api/plans/${PLAN}/export.xlsx${query()}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('.xlsx"');
      const workbook = await loadXlsx(response.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Summary',
        'Commitments',
        'Milestones',
        'Status history',
        'IRM assessments',
      ]);
      for (const sheet of workbook.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
      }
      const summary = new Map(
        sheetRows(workbook.getWorksheet('Summary')!).map((row) => [row.Item, row.Value]),
      );
      expect(summary.get('As of')).toEqual(new Date(`${asOf ?? today()}T00:00:00Z`));
      expect(summary.get('Data licence')).toBe(
        'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      );
      expect(summary.get('Audit chain head hash')).toBe(figures.auditHeadHash);
      expect(summary.get('Percent (computed)') ?? null).toBe(figures.overall.percent);
      expect(summary.get('Commitments')).toBe(figures.overall.commitmentCount);
      // Counts first, in the dashboard's words: "4 of 14 commitments complete, ...".
      expect(summary.get('Headline')).toBe(planHeadline(figures.overall, 'en'));
      expect(summary.get('Headline')).toMatch(/^\d+ of 14 commitments complete, /);
      for (const { completion, count } of figures.overall.completionCounts) {
        expect(summary.get(`Commitments: ${COMPLETION_LABELS[completion].en}`)).toBe(count);
      }
      const commitments = sheetRows(workbook.getWorksheet('Commitments')!);
      expect(commitments.map((row) => row['OGP ID'])).toEqual(
        figures.commitments.map((c) => c.ogpId),
      );
      commitments.forEach((row, index) =>
        expect(row['Commitment percent (computed)'] ?? null).toBe(
          figures.commitments[index].progress.percent,
        ),
      );
      const milestones = sheetRows(workbook.getWorksheet('Milestones')!);
      expect(milestones).toHaveLength(figures.milestones.length);
      milestones.forEach((row, index) => {
        const { milestone } = figures.milestones[index];
        expect(row.Percent ?? null).toBe(milestone.progressPercent);
        const end = milestone.plannedEnd?.end;
        expect(row['Planned end'] ?? null).toEqual(end ? new Date(`${end}T00:00:00Z`) : null);
      });
      const history = sheetRows(workbook.getWorksheet('Status history')!);
      expect(history).toHaveLength(figures.historyCount);
      const assessments = sheetRows(workbook.getWorksheet('IRM assessments')!);
      expect(assessments).toHaveLength(figures.assessmentCount);
    });

    it('JSON: the whole plan in the plan file format, valid against the published schema', async () => {
      const response = await download(api.baseUrl, `/api/plans/${PLAN}/export.json${query()}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(
        `filename="${PLAN}-${asOf ?? today()}.plan.json"`,
      );
      const file = JSON.parse(response.body.toString('utf8'));
      expect(await validateAgainstPublishedSchema(api.baseUrl, file)).toEqual([]);
      expect(validatePlanFile(file)).toEqual([]);
      expect(file.export).toMatchObject({
        asOf: asOf ?? today(),
        licence: 'https://creativecommons.org/licenses/by/4.0/',
        auditHeadHash: figures.auditHeadHash,
      });
      expect(file.plan.slug).toBe(PLAN);
      expect(file.commitments.map((c: { ogpId: string }) => c.ogpId)).toEqual(
        figures.commitments.map((c) => c.ogpId),
      );
      const history = file.commitments.flatMap((c: any) =>
        c.milestones.flatMap((m: any) => m.history),
      );
      expect(history).toHaveLength(figures.historyCount);
      if (asOf === null) {
        // The update recorded today without note or evidence is there, and the file is still valid.
        expect(history).toContainEqual(expect.objectContaining({ note: null, evidence: [] }));
      }
    });
  });

  it('speaks Danish by default: headers and words of the CSV', async () => {
    const [english, danish] = await Promise.all(
      ['?lang=en', ''].map(async (query) =>
        csvRows((await download(api.baseUrl, `/api/plans/${PLAN}/export.csv${query}`)).body),
      ),
    );
    expect(Object.keys(danish[0]).slice(0, 4)).toEqual(['OGP-id', 'Nr.', 'Initiativ', 'Tema']);
    expect(danish).toHaveLength(english.length);
    const danishWord = Object.fromEntries(
      [...Object.values(MILESTONE_STATUS_LABELS), { da: 'Ingen data', en: 'No data' }].map(
        (label) => [label.en, label.da],
      ),
    );
    danish.forEach((row, index) => {
      expect(row['OGP-id']).toBe(english[index]['OGP ID']);
      expect(row.Status).toBe(danishWord[english[index].Status]);
      expect(row.Forsinket).toBe(english[index].Overdue === 'Yes' ? 'Ja' : 'Nej');
    });
  });

  it('a formula in a note comes out as text in the CSV and the XLSX', async () => {
    const csv = csvRows(
      (await download(api.baseUrl, `/api/plans/${PLAN}/export.csv?lang=en`)).body,
    );
    const row = csv.find((r) => r['OGP ID'] === 'DK0051' && r['Milestone no.'] === '1')!;
    expect(row['Latest note']).toBe(`'${MALICIOUS}`);
    const workbook = await loadXlsx(
      (await download(api.baseUrl, `/api/plans/${PLAN}/export.xlsx?lang=en`)).body,
    );
    const sheet = workbook.getWorksheet('Status history')!;
    const notes: unknown[] = [];
    sheet.eachRow((sheetRow) => sheetRow.eachCell((cell) => notes.push(cell.value)));
    expect(notes).toContain(`'${MALICIOUS}`);
    expect(notes).not.toContain(MALICIOUS);
    expect(notes.some((value) => typeof value === 'object' && value && 'formula' in value)).toBe(
      false,
    );
  });

  it('internal notes: absent for the public, present for a reviewer and the lead agency', async () => {
    for (const format of ['csv', 'xlsx', 'json']) {
      const path = `/api/plans/${PLAN}/export.${format}?lang=en`;
      const text = async (headers: Record<string, string>) => {
        const body = (await download(api.baseUrl, path, headers)).body;
        if (format !== 'xlsx') return body.toString('utf8');
        const workbook = await loadXlsx(body);
        const values: string[] = [];
        workbook.eachSheet((sheet) =>
          sheet.eachRow((r) => r.eachCell((cell) => values.push(cell.text))),
        );
        return values.join('\n');
      };
      expect(await text({})).not.toContain(INTERNAL_NOTE);
      expect(await text(reviewer)).toContain(INTERNAL_NOTE);
    }
    // A script of the lead agency's coordinator, with a personal API token, reads them too.
    const { createApiToken } = await apiData(
      api.baseUrl,
      'mutation { createApiToken(name: "export script") { token } }',
      {},
      coordinator,
    );
    const bearer = { authorization: `Bearer ${createApiToken.token}` };
    const csv = await download(api.baseUrl, `/api/plans/${PLAN}/export.csv?lang=en`, bearer);
    expect(csv.body.toString('utf8')).toContain(INTERNAL_NOTE);
  });

  it('bad parameters answer 400 naming the parameter; an unknown plan 404', async () => {
    const error = async (path: string) => {
      const response = await download(api.baseUrl, path);
      return { status: response.status, body: JSON.parse(response.body.toString('utf8')) };
    };
    for (const asOf of ['2019-02-30', 'yesterday', '2999-01-01']) {
      const answer = await error(`/api/plans/${PLAN}/export.csv?asOf=${asOf}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
      expect(answer.body.message).toMatch(/^asOf: /);
    }
    const lang = await error(`/api/plans/${PLAN}/export.xlsx?lang=de`);
    expect(lang).toMatchObject({ status: 400, body: { field: 'lang' } });
    const missing = await error(`/api/plans/no-such-plan/export.json`);
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
