import {
  Role,
  commitmentHeadline,
  describeAggregateProgress,
  progressHeadline,
  type Completion,
} from '@ogp/common';
import { type Page } from 'playwright-core';
import { graphql } from '../utils/graphql-client';
import { signIn } from '../utils/users';
import {
  axeViolations,
  newPage,
  PLAN,
  screenshot,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

// The plan list, theme, agency and commitment pages against the API's own answers to the same questions.

const LEVELS = ['NO_EVIDENCE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];
const STATUSES = [null, 'NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const FLAGS = ['OVERDUE', 'DUE_SOON', 'STALE'];
const AS_OF = '2018-06-30';
const THEME = 'open_data';
const AGENCY = 'digitaliseringsstyrelsen';
/** Each page in both languages today, and in Danish on an earlier day. */
const LANGS_AND_DAYS: [string, string | null][] = [
  ['da', null],
  ['en', null],
  ['da', AS_OF],
];

interface Counts {
  completion: string;
  count: number;
}
interface ApiProgress {
  percent: number | null;
  coverage: number | null;
  completion: string;
  commitmentCount?: number;
  reportedCount?: number;
  milestoneCount?: number;
  reportedMilestoneCount?: number;
  completionCounts?: Counts[];
}
interface ApiMilestone {
  id: string;
  status: string | null;
  progressPercent: number | null;
  flags: string[];
  verification: string;
  plannedStart: { label: string } | null;
  plannedEnd: { label: string } | null;
  actualStart: { label: string } | null;
  actualEnd: { label: string } | null;
  history: { evidence: { url: string; title: string | null }[] }[];
}
interface ApiCommitment {
  ogpId: string;
  title: { da: string | null; en: string | null };
  leadAgency: { slug: string };
  progress: ApiProgress;
  milestones: ApiMilestone[];
}
type Rows = { key: string; values: string[] }[];

const PROGRESS =
  'percent coverage completion commitmentCount reportedCount completionCounts { completion count }';
const MILESTONE = `id status progressPercent flags verification
  plannedStart { label } plannedEnd { label } actualStart { label } actualEnd { label }
  history { evidence { url title } }`;
const COMMITMENTS = `query ($planSlug: String!, $filter: CommitmentFilter, $asOf: String) {
  commitments(planSlug: $planSlug, filter: $filter, asOf: $asOf, first: 100) {
    nodes { ogpId title { da en } leadAgency { slug } progress { percent coverage completion } milestones { ${MILESTONE} } }
  }
}`;

const cell = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);
const count = (counts: Counts[] | undefined, level: string): string =>
  String(counts?.find((entry) => entry.completion === level)?.count ?? 0);
/** The headline the page should read for a theme's, agency's or plan's figures: counts first. */
const headlineOf = (p: ApiProgress, lang: string): string =>
  progressHeadline(
    {
      percent: p.percent,
      commitmentCount: p.commitmentCount ?? 0,
      reportedCount: p.reportedCount ?? 0,
      completionCounts: Object.fromEntries(
        (p.completionCounts ?? []).map((c) => [c.completion as Completion, c.count]),
      ),
    },
    lang as 'da' | 'en',
  );
const levelRows = (progress: ApiProgress): Rows =>
  LEVELS.map((level) => ({ key: level, values: [count(progress.completionCounts, level)] }));

/** A commitment's row of the theme and agency tables: a link (no value), its figures, its milestones, then `more`. */
const commitmentRow = (c: ApiCommitment, ...more: string[]): Rows[number] => ({
  key: c.ogpId,
  values: [
    '',
    cell(c.progress.percent),
    cell(c.progress.coverage),
    c.progress.completion,
    String(c.milestones.length),
    ...more,
  ],
});

async function table(page: Page, selector: string): Promise<Rows> {
  return page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => ({
      key: (row as HTMLElement).dataset.key ?? '',
      values: [...row.querySelectorAll('td')].map((td) => td.dataset.value ?? ''),
    })),
  );
}

describe('dashboard in a browser: the public plan list, theme, agency and commitment pages', () => {
  let server: DashboardServer;
  let page: Page;

  async function api<T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const answer = await graphql<T>(server.api.baseUrl, query, variables, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  async function open(path: string): Promise<void> {
    await page.goto(`${server.api.baseUrl}${path}`);
    await waitForRendered(page, path);
  }

  const asOfQuery = (asOf: string | null) => (asOf ? `&asOf=${asOf}` : '');

  /** The page speaks the language: these words are on it, and the other language's are not. */
  async function expectWords(lang: string, words: Record<'da' | 'en', string[]>): Promise<void> {
    const text = await page.innerText('#main');
    const other = lang === 'da' ? 'en' : 'da';
    for (const word of words[lang as 'da' | 'en']) expect(text).toContain(word);
    for (const word of words[other]) expect(text).not.toContain(word);
  }

  /** Presses Tab (at most 60 times) until the link to `href` has the focus; false if it never does. */
  async function tabTo(href: string): Promise<boolean> {
    for (let press = 0; press < 60; press++) {
      await page.keyboard.press('Tab');
      const reached = await page.evaluate(
        (target) => document.activeElement?.getAttribute('href') === target,
        href,
      );
      if (reached) return true;
    }
    return false;
  }

  /** The API's commitments differ between today and AS_OF, and so does what the page is compared with. */
  function itDiffersOnAnotherDay(
    expected: (asOf: string | null) => Promise<{ commitments: Rows }>,
  ) {
    it('shows different figures on another day, as the API does', async () => {
      const [today, then] = [await expected(null), await expected(AS_OF)];
      expect(then.commitments).not.toEqual(today.commitments);
    });
  }

  async function adminHeaders(): Promise<Record<string, string>> {
    return signIn(server.api.baseUrl, await server.createUser([Role.ADMIN]));
  }

  beforeAll(async () => {
    server = await startDashboard();
    ({ page } = await newPage(server));
  });

  afterAll(async () => {
    await server?.close();
  });

  describe('/plans', () => {
    async function expected(asOf: string | null): Promise<Rows> {
      const { actionPlans } = await api<{ actionPlans: { nodes: { slug: string }[] } }>(
        '{ actionPlans { nodes { slug } } }',
        {},
      );
      const rows: Rows = [];
      for (const { slug } of actionPlans.nodes) {
        const { actionPlan } = await api<{ actionPlan: { progress: ApiProgress } }>(
          `query ($slug: String!, $asOf: String) { actionPlan(slug: $slug, asOf: $asOf) { progress { ${PROGRESS} } } }`,
          { slug, asOf },
        );
        const p = actionPlan.progress;
        rows.push({
          key: slug,
          values: [
            cell(p.percent),
            cell(p.coverage),
            cell(p.commitmentCount),
            ...LEVELS.map((level) => count(p.completionCounts, level)),
          ],
        });
      }
      return rows;
    }

    it.each(LANGS_AND_DAYS)(
      'in %s as of %s: one card per plan and the table equal the API',
      async (lang, asOf) => {
        await open(`/plans?lang=${lang}${asOfQuery(asOf)}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const rows = await expected(asOf);
        expect(rows.map((row) => row.key)).toContain(PLAN);
        expect(await table(page, '#plan-comparison')).toEqual(rows);
        expect(
          await page.$$eval('.plan-card', (cards) =>
            cards.map((c) => (c as HTMLElement).dataset.slug),
          ),
        ).toEqual(rows.map((row) => row.key));
        // Each plan links to its overview, keeping the language (and the day).
        const link = await page.getAttribute(`.plan-card[data-slug="${PLAN}"] h2 a`, 'href');
        expect(link).toBe(`/plans/${PLAN}?lang=${lang}${asOfQuery(asOf)}`);
        expect(await page.textContent('h1')).toBe(
          lang === 'da' ? 'Handlingsplaner' : 'Action plans',
        );
        await expectWords(lang, {
          da: ['Koordinerende myndighed', 'Procent gennemført', 'Dækning'],
          en: ['Coordinating agency', 'Percent complete', 'Coverage'],
        });
        expect(await page.$$eval('#plan-comparison canvas', (c) => c.length)).toBe(1);
        if (!asOf) {
          expect(await axeViolations(page)).toEqual([]);
          await screenshot(page, `public-plans-${lang}`);
        }
      },
    );

    it('puts a second plan beside the first, its missing figures shown as no data', async () => {
      const created = await api<{ createActionPlan: { slug: string } }>(
        `mutation ($input: CreateActionPlanInput!) { createActionPlan(input: $input) { slug } }`,
        {
          input: {
            slug: 'browser-test-plan',
            countryCode: 'FI',
            title: { da: 'Testplan til browsertest', en: 'Browser test plan' },
            periodStart: '2021-H2',
            periodEnd: '2023',
            isPublished: true,
          },
        },
        await adminHeaders(),
      );
      expect(created.createActionPlan.slug).toBe('browser-test-plan');
      await open('/plans?lang=en');
      const rows = await expected(null);
      expect(rows.map((row) => row.key).sort()).toEqual(['browser-test-plan', PLAN].sort());
      expect(await table(page, '#plan-comparison')).toEqual(rows);
      const card = await page.innerText('.plan-card[data-slug="browser-test-plan"]');
      expect(card).toContain('second half of 2021 – 2023');
      expect(card).toContain('No data');
      expect(card).not.toContain('0%');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'public-plans-two-en');
    });
  });

  describe('theme page', () => {
    async function expected(asOf: string | null) {
      const { actionPlan } = await api<{
        actionPlan: {
          themes: { key: string; title: { da: string; en: string }; progress: ApiProgress }[];
        };
      }>(
        `query ($slug: String!, $asOf: String) { actionPlan(slug: $slug, asOf: $asOf) { themes { key title { da en } progress { ${PROGRESS} } } } }`,
        { slug: PLAN, asOf },
      );
      const theme = actionPlan.themes.find((candidate) => candidate.key === THEME)!;
      const { commitments } = await api<{ commitments: { nodes: ApiCommitment[] } }>(COMMITMENTS, {
        planSlug: PLAN,
        filter: { themeKey: THEME },
        asOf,
      });
      return {
        theme,
        percents: commitments.nodes.map((c) => c.progress.percent),
        levels: levelRows(theme.progress),
        commitments: commitments.nodes.map((c) =>
          commitmentRow(
            c,
            String(c.milestones.filter((m) => m.status === 'COMPLETED').length),
            String(c.milestones.filter((m) => m.status === null).length),
          ),
        ),
      };
    }

    it.each(LANGS_AND_DAYS)(
      'in %s as of %s: figures and tables equal the API',
      async (lang, asOf) => {
        await open(`/plans/${PLAN}/themes/${THEME}?lang=${lang}${asOfQuery(asOf)}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const answer = await expected(asOf);
        expect(await page.textContent('h1')).toContain(answer.theme.title[lang as 'da' | 'en']);
        expect(await page.getAttribute('#theme-percent', 'data-value')).toBe(
          cell(answer.theme.progress.percent),
        );
        expect(await page.getAttribute('#theme-coverage', 'data-value')).toBe(
          cell(answer.theme.progress.coverage),
        );
        // Counts first, then the percent with its coverage; the sum term by term beside it.
        expect(await page.textContent('#theme-headline')).toBe(
          headlineOf(answer.theme.progress, lang),
        );
        expect(await page.textContent('#theme-formula')).toBe(
          describeAggregateProgress(answer.percents, lang as 'da' | 'en'),
        );
        expect(await table(page, '#theme-levels')).toEqual(answer.levels);
        expect(await table(page, '#theme-commitments')).toEqual(answer.commitments);
        expect(answer.commitments.length).toBeGreaterThan(1);
        await expectWords(lang, {
          da: ['Om temaet', 'Ansvarlig myndighed', 'Gennemførte milepæle'],
          en: ['About the theme', 'Lead agency', 'Milestones completed'],
        });
        // Breadcrumbs back to the plan, and links on to commitments and lead agencies.
        expect(await page.getAttribute('nav.breadcrumbs a >> nth=1', 'href')).toBe(
          `/plans/${PLAN}?lang=${lang}${asOfQuery(asOf)}`,
        );
        expect(
          await page.$$eval('#theme-commitments tbody a[href^="/commitments/"]', (a) => a.length),
        ).toBe(answer.commitments.length);
        expect(
          await page.$$eval('#theme-commitments tbody a[href*="/agencies/"]', (a) => a.length),
        ).toBe(answer.commitments.length);
        if (!asOf) {
          expect(await axeViolations(page)).toEqual([]);
          await screenshot(page, `public-theme-${lang}`);
        }
      },
    );

    itDiffersOnAnotherDay((asOf) => expected(asOf));
  });

  describe('agency page', () => {
    async function expected(asOf: string | null) {
      const { dashboard } = await api<{
        dashboard: {
          byAgency: {
            agency: { slug: string; name: { da: string; en: string } };
            progress: ApiProgress;
          }[];
        };
      }>(
        `query ($planSlug: String!, $asOf: String) { dashboard(planSlug: $planSlug, asOf: $asOf) { byAgency { agency { slug name { da en } } progress { ${PROGRESS} } } } }`,
        { planSlug: PLAN, asOf },
      );
      const row = dashboard.byAgency.find((candidate) => candidate.agency.slug === AGENCY)!;
      const { commitments } = await api<{ commitments: { nodes: ApiCommitment[] } }>(COMMITMENTS, {
        planSlug: PLAN,
        filter: { agencySlug: AGENCY },
        asOf,
      });
      const led = commitments.nodes.filter((c) => c.leadAgency.slug === AGENCY);
      const milestones = led.flatMap((c) => c.milestones);
      return {
        row,
        percents: led.map((c) => c.progress.percent),
        levels: levelRows(row.progress),
        commitments: led.map((c) => commitmentRow(c)),
        statuses: STATUSES.map((status) => ({
          key: status ?? 'NO_DATA',
          values: [String(milestones.filter((m) => m.status === status).length)],
        })),
        flags: FLAGS.map((flag) => ({
          key: flag,
          values: [String(milestones.filter((m) => m.flags.includes(flag)).length)],
        })),
        flagged: milestones.filter((m) => m.flags.length).map((m) => m.id),
      };
    }

    it.each(LANGS_AND_DAYS)('in %s as of %s: the scorecard equals the API', async (lang, asOf) => {
      await open(`/plans/${PLAN}/agencies/${AGENCY}?lang=${lang}${asOfQuery(asOf)}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const answer = await expected(asOf);
      expect(await page.textContent('h1')).toContain(answer.row.agency.name[lang as 'da' | 'en']);
      expect(await page.getAttribute('#agency-percent', 'data-value')).toBe(
        cell(answer.row.progress.percent),
      );
      expect(await page.textContent('#agency-headline')).toBe(
        headlineOf(answer.row.progress, lang),
      );
      expect(await page.textContent('#agency-formula')).toBe(
        describeAggregateProgress(answer.percents, lang as 'da' | 'en'),
      );
      expect(await table(page, '#agency-levels')).toEqual(answer.levels);
      expect(await table(page, '#agency-commitments')).toEqual(answer.commitments);
      expect(await table(page, '#agency-status')).toEqual(answer.statuses);
      expect(await table(page, '#agency-flags')).toEqual(answer.flags);
      expect((await table(page, '#agency-flagged')).map((row) => row.key)).toEqual(answer.flagged);
      expect(answer.commitments.length).toBeGreaterThan(1);
      await expectWords(lang, {
        da: ['Milepæle pr. status', 'Milepæle pr. markering'],
        en: ['Milestones per status', 'Milestones per flag'],
      });
      if (!asOf) {
        // Flags are words, not colours.
        const flagged = await page.innerText('#agency-flagged');
        expect(flagged).toContain(lang === 'da' ? 'Forsinket' : 'Overdue');
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `public-agency-${lang}`);
      }
    });

    itDiffersOnAnotherDay((asOf) => expected(asOf));
  });

  describe('commitment page', () => {
    async function expected(ogpId: string, asOf: string | null) {
      const { commitment } = await api<{
        commitment: ApiCommitment & {
          progressFormula: string;
          latestAssessments: { stage: string; assessor: string; completion: string | null }[];
        };
      }>(
        `query ($ogpId: String!, $asOf: String, $locale: Locale!) { commitment(ogpId: $ogpId, asOf: $asOf) {
          ogpId title { da en } leadAgency { slug }
          progress { percent coverage completion milestoneCount reportedMilestoneCount }
          progressFormula(locale: $locale)
          latestAssessments { stage assessor completion }
          milestones { ${MILESTONE} } } }`,
        { ogpId, asOf, locale: 'en' },
      );
      return {
        commitment,
        timeline: commitment.milestones.map((m) => ({
          key: m.id,
          values: [
            cell(m.plannedStart?.label),
            cell(m.plannedEnd?.label),
            cell(m.actualStart?.label),
            cell(m.actualEnd?.label),
            cell(m.status),
            cell(m.progressPercent),
            m.flags.join(' '),
            m.verification,
          ],
        })),
        compare: [
          {
            key: 'computed',
            values: [commitment.progress.completion, cell(commitment.progress.percent)],
          },
          ...commitment.latestAssessments.map((a) => ({
            key: `${a.assessor}-${a.stage}`,
            values: [cell(a.completion), ''],
          })),
        ],
      };
    }

    it.each([
      ['da', null],
      ['en', null],
      ['da', AS_OF],
      ['en', AS_OF],
    ])(
      'DK0051 in %s as of %s: figures, assessment, timeline and history equal the API',
      async (lang, asOf) => {
        await open(`/commitments/DK0051?lang=${lang}${asOfQuery(asOf)}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const answer = await expected('DK0051', asOf);
        const { commitment } = answer;
        expect(await page.getAttribute('#commitment-percent', 'data-value')).toBe(
          cell(commitment.progress.percent),
        );
        expect(await table(page, '#completion-compare')).toEqual(answer.compare);
        expect(await table(page, '#milestone-timeline')).toEqual(answer.timeline);
        await expectWords(lang, {
          da: [
            'Fremdrift og vurdering',
            'Milepæle og deres historik',
            'Beregnet ud fra rapporteret fremdrift',
          ],
          en: [
            'Progress and assessment',
            'Milestones and their history',
            'Computed from reported progress',
          ],
        });
        if (lang === 'en')
          expect(await page.textContent('#progress-formula')).toBe(commitment.progressFormula);
        // The history: one entry per update the API gives for the day, each with its evidence links and titles.
        const [milestone] = commitment.milestones;
        const entries = await page.$$eval(`#milestone-${milestone.id} .history .update`, (items) =>
          items.map((item) =>
            [...item.querySelectorAll('.evidence a')].map((a) => [
              a.getAttribute('href'),
              a.textContent,
            ]),
          ),
        );
        expect(entries).toEqual(
          milestone.history.map((update) => update.evidence.map((link) => [link.url, link.title])),
        );
        expect(entries.length).toBeGreaterThan(0);
        if (!asOf) {
          expect(entries.length).toBe(2);
          const text = await page.innerText('#milestone-history');
          expect(text).toContain(
            lang === 'da' ? 'Historik (nyeste først)' : 'History (newest first)',
          );
          expect(text).toContain(
            lang === 'da' ? 'Registreret af Plan import' : 'Recorded by Plan import',
          );
          // The Danish page shows English-only text with its language and a marker, never as Danish.
          if (lang === 'da') {
            expect(
              await page.$$eval('#milestone-history [lang="en"]', (e) => e.length),
            ).toBeGreaterThan(0);
            expect(text).toContain('(kun på engelsk)');
          }
          expect(await axeViolations(page)).toEqual([]);
          await screenshot(page, `public-commitment-${lang}`);
        }
      },
    );

    it('shows a milestone never reported as "Ingen data"/"No data", never 0 %', async () => {
      const answer = await expected('DK0052', null);
      const unreported = answer.commitment.milestones.find((m) => m.status === null)!;
      expect(unreported).toBeDefined();
      for (const lang of ['da', 'en']) {
        await open(`/commitments/DK0052?lang=${lang}`);
        // One of its three milestones is reported: the headline says so, and it is not complete.
        const headline = await page.textContent('#commitment-headline');
        expect(headline).toBe(
          commitmentHeadline(
            {
              percent: answer.commitment.progress.percent,
              completion: answer.commitment.progress.completion as Completion,
              milestoneCount: answer.commitment.progress.milestoneCount!,
              reportedMilestoneCount: answer.commitment.progress.reportedMilestoneCount!,
            },
            lang as 'da' | 'en',
          ),
        );
        expect(headline).toContain(
          lang === 'da' ? '1 af 3 milepæle rapporteret' : '1 of 3 milestones reported',
        );
        expect(await page.getAttribute('#commitment-completion', 'data-value')).not.toBe(
          'COMPLETE',
        );
        const noData = lang === 'da' ? 'Ingen data' : 'No data';
        const row = await page.$$eval(
          `#milestone-timeline tr[data-key="${unreported.id}"] td`,
          (cells) => cells.map((td) => td.textContent),
        );
        expect(row[4]).toBe(noData); // status
        expect(row[5]).toBe(noData); // percent
        expect(await page.innerText(`#milestone-${unreported.id}`)).toContain(noData);
        expect(await page.innerText(`#milestone-${unreported.id}`)).not.toContain('0 %');
        expect(await table(page, '#milestone-timeline')).toEqual(answer.timeline);
      }
    });

    it('links to its theme and lead agency, and says so when an assessment field is missing', async () => {
      await open('/commitments/DK0051?lang=en');
      expect(await page.getAttribute('#theme-link', 'href')).toBe(
        `/plans/${PLAN}/themes/${THEME}?lang=en`,
      );
      expect(
        await page.$$eval('#commitment-facts a[href*="/agencies/"]', (links) =>
          links.map((a) => a.getAttribute('href')),
        ),
      ).toContain(`/plans/${PLAN}/agencies/${AGENCY}?lang=en`);
      // The IRM gave DK0051 no completion rating: "Not assessed", not a made-up level.
      expect(await page.innerText('#completion-compare')).toContain('Not assessed');
    });
  });

  it('reaches the links with the keyboard: theme page to a commitment and on to its agency', async () => {
    await open(`/plans/${PLAN}/themes/${THEME}?lang=en`);
    const target = `/commitments/DK0051?lang=en`;
    expect(await tabTo(target)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForRendered(page, target);
    // Focus moves to the new page's heading, so the next Tab continues from the top of the content.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const agencyLink = `/plans/${PLAN}/agencies/${AGENCY}?lang=en`;
    expect(await tabTo(agencyLink)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForRendered(page, agencyLink);
    expect(await page.textContent('h1')).toContain('Danish Agency for Digitisation');
  });
  // Last: it records progress, which changes the figures the tests above compare.
  it('re-renders the commitment page when progress is recorded, with the new history entry', async () => {
    await open('/commitments/DK0052?lang=en');
    const { commitment } = await api<{
      commitment: { milestones: { id: string; version: number; status: string | null }[] };
    }>('{ commitment(ogpId: "DK0052") { milestones { id version status } } }', {});
    const milestone = commitment.milestones.find((m) => m.status === null)!;
    const before = await page.innerText(`#milestone-${milestone.id}`);
    expect(before).toContain('No progress reported: no data.');
    await api(
      `mutation ($input: RecordMilestoneUpdateInput!) { recordMilestoneUpdate(input: $input) { milestone { id } } }`,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: 'IN_PROGRESS',
          progressPercent: 40,
          note: { en: 'Browser test: feasibility study under way.' },
          evidence: [{ url: 'https://example.org/study', title: 'Study plan' }],
        },
      },
      await adminHeaders(),
    );
    await page.waitForFunction(() => Number(document.body.dataset.liveUpdates ?? 0) > 0);
    await waitForRendered(page);
    const row = await table(page, '#milestone-timeline');
    expect(row.find((r) => r.key === milestone.id)?.values.slice(4, 6)).toEqual([
      'IN_PROGRESS',
      '40',
    ]);
    const history = await page.innerText(`#milestone-${milestone.id} .history`);
    expect(history).toContain('Browser test: feasibility study under way.');
    expect(await page.getAttribute(`#milestone-${milestone.id} .evidence a`, 'href')).toBe(
      'https://example.org/study',
    );
    expect(await page.textContent(`#milestone-${milestone.id} .evidence a`)).toBe('Study plan');
  });
});
