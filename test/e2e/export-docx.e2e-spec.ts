import {
  ASSESSOR_LABELS,
  COMPLETION_LABELS,
  Completion,
  Role,
  commitmentHeadline,
  progressHeadline,
  type Assessor,
  type Locale,
} from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { apiData, download } from '../utils/exports';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';
import { brokenRelationships, malformedParts, readDocx, type DocxContent } from './support/docx';

const PLAN = 'dk-2017-2019';
const AS_OF = '2019-06-30';
const INTERNAL_NOTE = 'Internal: draft wording not yet agreed (test data)';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LICENCE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';
// The words a government reader looks for: every blank is bracketed and starts with them.
const BLANK: Record<Locale, string> = {
  da: '[Udfyldes af regeringen: ',
  en: '[To be completed by the government: ',
};
const ASSESSORS: Record<Locale, string[]> = {
  da: ['Den uafhængige rapporteringsmekanisme (IRM), ', 'Regeringens egen evaluering, '],
  en: ['Independent Reporting Mechanism (IRM), ', 'Government self-assessment, '],
};

interface ApiCommitment {
  ogpId: string;
  number: string;
  title: { da: string | null; en: string | null };
  progress: {
    percent: number | null;
    completion: Completion;
    milestoneCount: number;
    reportedMilestoneCount: number;
  };
  assessments: { assessor: string }[];
}

/** What the GraphQL API says of the plan as of AS_OF, anonymously: the figures the draft must repeat. */
async function apiView(baseUrl: string) {
  const data = await apiData(
    baseUrl,
    `query ($slug: String!, $asOf: String) {
      actionPlan(slug: $slug) { auditHeadHash title { da en } }
      dashboard(planSlug: $slug, asOf: $asOf) {
        overall { percent commitmentCount reportedCount completionCounts { completion count } }
      }
      commitments(planSlug: $slug, first: 100, asOf: $asOf) {
        nodes {
          ogpId number title { da en }
          progress { percent completion milestoneCount reportedMilestoneCount }
          assessments { assessor }
        }
      }
    }`,
    { slug: PLAN, asOf: AS_OF },
  );
  return {
    plan: data.actionPlan as { auditHeadHash: string; title: { da: string; en: string } },
    overall: data.dashboard.overall as {
      percent: number | null;
      commitmentCount: number;
      reportedCount: number;
      completionCounts: { completion: Completion; count: number }[];
    },
    commitments: data.commitments.nodes as ApiCommitment[],
  };
}

describe('DOCX self-assessment draft over HTTP', () => {
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
    // The lead agency's coordinator reports a milestone of DK0056 with an INTERNAL note (today).
    const data = await apiData(
      api.baseUrl,
      '{ commitment(ogpId: "DK0056") { milestones { id version } } }',
    );
    const [milestone] = data.commitment.milestones;
    await apiData(
      api.baseUrl,
      `mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { milestone { id } } }`,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: 'COMPLETED',
          note: { da: INTERNAL_NOTE, en: INTERNAL_NOTE },
          evidence: [{ url: 'https://example.org/status', title: 'Status (test data)' }],
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

  describe.each<Locale>(['da', 'en'])('as of 2019-06-30, lang=%s', (lang) => {
    let view: Awaited<ReturnType<typeof apiView>>;
    let doc: DocxContent;

    beforeAll(async () => {
      view = await apiView(api.baseUrl);
      const response = await download(
        api.baseUrl,
        `/api/plans/${PLAN}/export.docx?asOf=${AS_OF}&lang=${lang}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(DOCX_TYPE);
      expect(response.headers.get('content-disposition')).toContain(
        `filename="${PLAN}-${AS_OF}-${lang}.docx"`,
      );
      expect(response.headers.get('cache-control')).toBe('no-store');
      doc = readDocx(response.body);
    });

    it('is a well-formed Word package', () => {
      expect(Object.keys(doc.parts)).toEqual(
        expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']),
      );
      expect(malformedParts(doc.parts)).toEqual([]);
      expect(brokenRelationships(doc.parts)).toEqual([]);
    });

    it('states the plan, the as-of date, when it was made, the licence and the audit head', () => {
      const title = view.plan.title[lang];
      expect(doc.paragraphs[0]).toBe(
        `${title}: ${lang === 'da' ? 'Selvevaluering ved periodens afslutning' : 'End-of-term self-assessment'}`,
      );
      const fact = (label: string) => doc.paragraphs[doc.paragraphs.indexOf(label) + 1];
      const labels =
        lang === 'da'
          ? ['Pr. dato', 'Dannet', 'Datalicens', 'Revisionsspor (hoved-hash)']
          : ['As of', 'Generated', 'Data licence', 'Audit chain head hash'];
      expect(fact(labels[0])).toBe(AS_OF);
      const generated = Date.parse(fact(labels[1]).replace(' UTC', 'Z').replace(' ', 'T'));
      expect(Math.abs(Date.now() - generated)).toBeLessThan(600_000);
      expect(fact(labels[2])).toBe(LICENCE);
      expect(view.plan.auditHeadHash).toMatch(/^[0-9a-f]{64}$/);
      expect(fact(labels[3])).toBe(view.plan.auditHeadHash);
      // The footer of every page says it again.
      const footer = Object.entries(doc.parts).find(([path]) => /^word\/footer/.test(path))![1];
      expect(footer).toContain(`${AS_OF} · CC BY 4.0`);
    });

    it("summary figures: the dashboard's counts-first headline and its counts per level", () => {
      const { overall } = view;
      const counts = Object.fromEntries(
        overall.completionCounts.map((c) => [c.completion, c.count]),
      );
      const expected = progressHeadline(
        {
          percent: overall.percent,
          commitmentCount: overall.commitmentCount,
          reportedCount: overall.reportedCount,
          completionCounts: counts,
        },
        lang,
      );
      expect(doc.paragraphs).toContain(expected);
      expect(expected).toMatch(new RegExp(`^${counts.COMPLETE ?? 0} (af|of) 14 `));
      const intro = doc.paragraphs.findIndex((p) =>
        p.startsWith(lang === 'da' ? 'Antal' : 'Number'),
      );
      const table = doc.paragraphs.slice(intro + 3, intro + 15);
      const levels =
        lang === 'da'
          ? ['Fuldført', 'Væsentlig', 'Begrænset', 'Ikke påbegyndt', 'Ingen data', 'I alt']
          : ['Complete', 'Substantial', 'Limited', 'Not started', 'No data', 'Total'];
      const order = [
        Completion.COMPLETE,
        Completion.SUBSTANTIAL,
        Completion.LIMITED,
        Completion.NOT_STARTED,
        Completion.NO_EVIDENCE,
      ];
      expect(table).toEqual(
        levels.flatMap((level, index) => [
          level,
          String(index < order.length ? (counts[order[index]] ?? 0) : overall.commitmentCount),
        ]),
      );
    });

    it('one section per commitment: OGP id and title, its computed completion, its assessments', () => {
      expect(view.commitments).toHaveLength(14);
      let previous = -1;
      for (const c of view.commitments) {
        const title = c.title[lang] ?? c.title.da ?? c.title.en;
        const at = doc.paragraphs.indexOf(`${c.number} ${title} (${c.ogpId})`);
        expect(at).toBeGreaterThan(previous);
        previous = at;
        const headline = commitmentHeadline(c.progress, lang);
        expect(doc.paragraphs.slice(at).find((p) => p === headline)).toBe(headline);
      }
      const assessmentLines = doc.paragraphs.filter((p) =>
        ASSESSORS[lang].some((start) => p.startsWith(start)),
      );
      expect(assessmentLines).toHaveLength(
        view.commitments.reduce((sum, c) => sum + c.assessments.length, 0),
      );
    });

    it('leaves marked blanks for what the tracker does not know, and invents nothing', () => {
      const blanks = doc.paragraphs.filter((p) => p.startsWith(BLANK[lang]) && p.endsWith(']'));
      // Per commitment at least: contact, problem, contribution, relevance, and the four of the
      // government's own assessment; and the plan's introduction, process and results.
      expect(blanks.length).toBeGreaterThanOrEqual(14 * 8 + 10);
      const problem =
        lang === 'da' ? `${BLANK.da}det offentlige problem]` : `${BLANK.en}the public problem]`;
      expect(doc.paragraphs.filter((p) => p === problem)).toHaveLength(14);
      const published =
        lang === 'da'
          ? `${BLANK.da}om et sammendrag af de indkomne bemærkninger blev offentliggjort]`
          : `${BLANK.en}whether a summary of the comments received was published]`;
      expect(doc.paragraphs).toContain(published);
      // The blanks are highlighted in the document, so they stand out when editing it.
      expect(doc.parts['word/document.xml']).toMatch(/<w:highlight w:val="yellow"\/>/);
    });

    it('keeps letters intact', () => {
      expect(doc.text).not.toMatch(/Ã|Â|\uFFFD/);
      if (lang === 'da') {
        expect(doc.text).toContain(view.plan.title.da);
        expect(doc.paragraphs).toContain('Milepæle');
        expect(doc.paragraphs).toContain('Gennemførelse beregnet af sporingen');
        expect(doc.text).toMatch(/[æøå]/);
        expect(doc.text).toMatch(/Åbnede det forvaltningen\?|Væsentlig/);
      } else {
        expect(doc.paragraphs).toContain('Milestones');
      }
    });
  });

  it('today: every assessment recorded, and an INTERNAL note only in a signed-in reviewer’s', async () => {
    const path = `/api/plans/${PLAN}/export.docx?lang=en`;
    const anonymous = readDocx((await download(api.baseUrl, path)).body);
    const signedIn = readDocx((await download(api.baseUrl, path, reviewer)).body);
    expect(anonymous.text).not.toContain(INTERNAL_NOTE);
    const line = signedIn.paragraphs.find((p) => p.includes(INTERNAL_NOTE));
    expect(line).toMatch(/^Milestone 1, \d{4}-\d{2}-\d{2}: Completed, 100% \(internal\)\. /);
    // Each assessment the API gives is a line of its commitment's section, with the completion it rated.
    const data = await apiData(
      api.baseUrl,
      `{ commitments(planSlug: "${PLAN}", first: 100) {
          nodes { ogpId assessments { assessor stage completion source { url } } } } }`,
    );
    const assessments: {
      assessor: Assessor;
      completion: Completion | null;
      source: { url: string };
    }[] = data.commitments.nodes.flatMap((c: { assessments: unknown[] }) => c.assessments);
    expect(assessments.length).toBeGreaterThan(0);
    const lines = anonymous.paragraphs.filter((p) =>
      ASSESSORS.en.some((start) => p.startsWith(start)),
    );
    expect(lines).toHaveLength(assessments.length);
    for (const a of assessments) {
      const rated = a.completion ? `Completion: ${COMPLETION_LABELS[a.completion].en}` : '';
      expect(
        lines.some(
          (l) =>
            l.startsWith(ASSESSOR_LABELS[a.assessor].en) &&
            l.includes(rated) &&
            l.includes(a.source.url),
        ),
      ).toBe(true);
    }
  });

  it('bad parameters answer 400 naming the parameter; an unknown plan 404', async () => {
    for (const asOf of ['2019-02-30', 'yesterday', '2999-01-01']) {
      const response = await download(api.baseUrl, `/api/plans/${PLAN}/export.docx?asOf=${asOf}`);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'asOf',
      });
    }
    const lang = await download(api.baseUrl, `/api/plans/${PLAN}/export.docx?lang=de`);
    expect(lang.status).toBe(400);
    const missing = await download(api.baseUrl, '/api/plans/no-such-plan/export.docx');
    expect(missing.status).toBe(404);
  });
});
