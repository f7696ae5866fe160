import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Completion, progressHeadline, Role, type Locale } from '@ogp/common';
import { apiData, download } from '../utils/exports';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const PLAN = 'dk-2017-2019';
const AS_OF = '2019-06-30';
const INTERNAL_NOTE = 'Internal: PDF figures not yet confirmed (test data)';

/**
 * A PDF read back by pdf.js (test/e2e/support/read-pdf.mjs, in a child process): its text, every run of white space
 * made one space (lines the layout wrapped read as the sentence they are), and how many images its pages draw.
 */
function readPdf(body: Buffer): { text: string; images: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ogp-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, body);
    const read = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, 'support', 'read-pdf.mjs'), file], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as { text: string; images: number };
    return { text: read.text.replace(/\s+/g, ' ').trim(), images: read.images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pdfText = (body: Buffer) => readPdf(body).text;

interface Overall {
  percent: number | null;
  commitmentCount: number;
  reportedCount: number;
  completionCounts: { completion: Completion; count: number }[];
}

describe('PDF export over HTTP', () => {
  let db: TestDatabase;
  let api: TestApp;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const coordinator = await signIn(
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
    // The lead agency's coordinator reports a milestone of DK0056 with an INTERNAL note.
    const data = await apiData(
      api.baseUrl,
      `{ commitment(ogpId: "DK0056") { milestones { id version status } } }`,
    );
    const open = data.commitment.milestones.find(
      (m: { status: string | null }) => m.status !== 'COMPLETED' && m.status !== 'CANCELLED',
    );
    await apiData(
      api.baseUrl,
      `mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { milestone { id } } }`,
      {
        input: {
          milestoneId: open.id,
          expectedVersion: open.version,
          status: 'IN_PROGRESS',
          progressPercent: 60,
          note: { da: INTERNAL_NOTE, en: INTERNAL_NOTE },
          evidence: [{ url: 'https://example.org/pdf-status', title: 'Status (test data)' }],
          visibility: 'INTERNAL',
        },
      },
      coordinator,
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe.each(['da', 'en'] as Locale[])('as of 2019-06-30 in %s', (lang) => {
    let text: string;
    let images: number;
    let facts: Record<string, any>;

    beforeAll(async () => {
      facts = await apiData(
        api.baseUrl,
        `query ($slug: String!, $asOf: String) {
          actionPlan(slug: $slug) { title { da en } auditHeadHash }
          verifyAuditChain(planSlug: $slug) { ok headHash }
          dashboard(planSlug: $slug, asOf: $asOf) {
            overall { percent commitmentCount reportedCount completionCounts { completion count } }
          }
          commitments(planSlug: $slug, first: 100, asOf: $asOf) { nodes { ogpId title { da en } } }
        }`,
        { slug: PLAN, asOf: AS_OF },
      );
      const response = await download(
        api.baseUrl,
        `/api/plans/${PLAN}/export.pdf?asOf=${AS_OF}&lang=${lang}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(
        `filename="${PLAN}-${AS_OF}-${lang}.pdf"`,
      );
      expect(response.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      ({ text, images } = readPdf(response.body));
    }, 60_000);

    it('names the plan, the date, the licence and the audit head the API verifies', () => {
      expect(text).toContain(facts.actionPlan.title[lang]);
      expect(text).toContain(AS_OF);
      expect(text).toContain('CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)');
      expect(facts.verifyAuditChain.ok).toBe(true);
      expect(facts.verifyAuditChain.headHash).toMatch(/^[0-9a-f]{64}$/);
      expect(facts.verifyAuditChain.headHash).toBe(facts.actionPlan.auditHeadHash);
      expect(text).toContain(facts.verifyAuditChain.headHash);
      expect(text).toContain('verifyAuditChain');
    });

    it("states the dashboard's counts-first headline with the dashboard's figures", () => {
      const overall: Overall = facts.dashboard.overall;
      const count = (level: Completion) =>
        overall.completionCounts.find((c) => c.completion === level)?.count ?? 0;
      const headline = progressHeadline(
        {
          percent: overall.percent,
          commitmentCount: overall.commitmentCount,
          reportedCount: overall.reportedCount,
          completionCounts: Object.fromEntries(
            Object.values(Completion).map((level) => [level, count(level)]),
          ),
        },
        lang,
      );
      expect(text).toContain(headline.replace(/\s+/g, ' '));
      // The counts, read independently of the wording helper.
      const n = overall.commitmentCount;
      expect(n).toBeGreaterThan(0);
      expect(text).toContain(
        lang === 'da'
          ? `${count(Completion.COMPLETE)} af ${n} forpligtelser fuldført`
          : `${count(Completion.COMPLETE)} of ${n} commitments complete`,
      );
      expect(text).toContain(
        lang === 'da'
          ? `rapporteret for ${overall.reportedCount} af ${n}`
          : `reported for ${overall.reportedCount} of ${n}`,
      );
    });

    it('draws the two overview charts, each followed by its data', () => {
      expect(images).toBe(2);
      expect(text).toContain(
        lang === 'da'
          ? 'Gennemførelsesgrad pr. tema (antal forpligtelser)'
          : 'Completion levels per theme (number of commitments)',
      );
      expect(text).toContain(
        lang === 'da'
          ? 'Planlagte og gennemførte milepæle over tid (akkumuleret)'
          : 'Planned vs completed milestones over time (cumulative)',
      );
      expect(text).toContain(lang === 'da' ? 'Diagrammets data' : "The chart's data");
    });

    it('has a section for every commitment, titled in the language asked', () => {
      const commitments: { ogpId: string; title: Record<Locale, string | null> }[] =
        facts.commitments.nodes;
      expect(commitments.length).toBeGreaterThan(0);
      for (const commitment of commitments) {
        expect(text).toContain(commitment.ogpId);
        const title = commitment.title[lang] ?? commitment.title.da ?? commitment.title.en!;
        expect(text).toContain(`${commitment.ogpId} · `);
        expect(text).toContain(title.replace(/\s+/g, ' '));
      }
      expect(text).toContain(lang === 'da' ? 'Milepæle' : 'Milestones');
    });

    if (lang === 'da') {
      it('keeps the Danish letters æ, ø and å intact', () => {
        for (const letter of ['æ', 'ø', 'å']) {
          expect(text).toContain(letter);
        }
        // Words of the report and of the plan's own Danish text, letter for letter.
        expect(text).toContain('Gennemførelsesgrad');
        expect(text).toContain('Oversigt i diagrammer');
        const danish = facts.commitments.nodes
          .map((c: { title: { da: string | null } }) => c.title.da)
          .filter((title: string | null) => title && /[æøå]/i.test(title));
        expect(danish.length).toBeGreaterThan(0);
        for (const title of danish) expect(text).toContain(title.replace(/\s+/g, ' '));
      });
    }
  });

  it('internal notes: absent from an anonymous download, present in a reviewer’s', async () => {
    const path = `/api/plans/${PLAN}/export.pdf?lang=en`;
    const anonymous = pdfText((await download(api.baseUrl, path)).body);
    const signedIn = pdfText((await download(api.baseUrl, path, reviewer)).body);
    expect(anonymous).toContain('DK0056');
    expect(anonymous).not.toContain(INTERNAL_NOTE);
    expect(signedIn).toContain(INTERNAL_NOTE);
    // The update is marked as internal beside its status; nothing is so marked for the public.
    expect(signedIn).toContain('(Internal)');
    expect(anonymous).not.toContain('(Internal)');
  }, 60_000);

  it('a bad asOf answers 400 BAD_USER_INPUT naming it, as the other formats do', async () => {
    for (const asOf of ['2019-02-30', 'yesterday']) {
      const response = await download(api.baseUrl, `/api/plans/${PLAN}/export.pdf?asOf=${asOf}`);
      expect(response.status).toBe(400);
      const body = JSON.parse(response.body.toString('utf8'));
      expect(body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    }
  });
});
