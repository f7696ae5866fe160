import { type Page } from 'playwright-core';
import { progressHeadline, type Completion } from '@ogp/common';
import { graphql } from '../utils/graphql-client';
import {
  axeViolations,
  newPage,
  PLAN,
  screenshot,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

const LEVELS = ['NO_EVIDENCE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];

const PROGRESS =
  'percent coverage commitmentCount reportedCount completionCounts { completion count }';
const DASHBOARD = `query ($planSlug: String!, $asOf: String) {
  dashboard(planSlug: $planSlug, asOf: $asOf) {
    asOf
    plan { title { da en } }
    overall { ${PROGRESS} }
    byTheme { theme { key } progress { ${PROGRESS} } }
    byAgency { agency { slug } progress { ${PROGRESS} } }
    timeline { month planned completed plannedCumulative completedCumulative }
    overdue { id }
  }
}`;

interface Counts {
  completion: string;
  count: number;
}
interface ApiProgress {
  percent: number | null;
  coverage: number | null;
  commitmentCount: number;
  reportedCount: number;
  completionCounts: Counts[];
}
interface ApiDashboard {
  asOf: string;
  plan: { title: { da: string; en: string } };
  overall: ApiProgress;
  byTheme: { theme: { key: string }; progress: ApiProgress }[];
  byAgency: { agency: { slug: string }; progress: ApiProgress }[];
  timeline: ({ month: string } & Record<TimelineCount, number>)[];
  overdue: { id: string }[];
}

type TimelineCount = 'planned' | 'completed' | 'plannedCumulative' | 'completedCumulative';
const TIMELINE_COUNTS: TimelineCount[] = [
  'planned',
  'completed',
  'plannedCumulative',
  'completedCumulative',
];
type Rows = { key: string; values: string[] }[];

const cell = (value: number | null): string => (value === null ? '' : String(value));

/** The overview's headline for the API's figures: counts first, then the percent with its coverage. */
const headlineOf = (p: ApiProgress, lang: 'da' | 'en'): string =>
  progressHeadline(
    {
      ...p,
      completionCounts: Object.fromEntries(
        p.completionCounts.map((c) => [c.completion as Completion, c.count]),
      ),
    },
    lang,
  );
const count = (counts: Counts[], level: string): string =>
  String(counts.find((entry) => entry.completion === level)?.count ?? 0);

/** What each chart's table should hold, from the API's own answer. */
function expectedTables(answer: ApiDashboard): Record<string, Rows> {
  return {
    'by-theme': answer.byTheme.map((row) => ({
      key: row.theme.key,
      values: LEVELS.map((level) => count(row.progress.completionCounts, level)),
    })),
    'by-agency': answer.byAgency.map((row) => ({
      key: row.agency.slug,
      values: [cell(row.progress.percent), cell(row.progress.coverage)],
    })),
    'burn-up': answer.timeline.map((point) => ({
      key: point.month,
      values: TIMELINE_COUNTS.map((name) => String(point[name])),
    })),
    overdue: answer.overdue.map((row) => ({ key: row.id, values: ['', '', ''] })),
  };
}

async function tablesOnPage(page: Page): Promise<Record<string, Rows>> {
  const read = (id: string) =>
    page.$$eval(`#${id} table tbody tr`, (rows) =>
      rows.map((row) => ({
        key: (row as HTMLElement).dataset.key ?? '',
        values: [...row.querySelectorAll('td')].map((td) => td.dataset.value ?? ''),
      })),
    );
  return {
    'by-theme': await read('by-theme'),
    'by-agency': await read('by-agency'),
    'burn-up': await read('burn-up'),
    overdue: await read('overdue'),
  };
}

describe('dashboard in a browser: the public plan overview', () => {
  let server: DashboardServer;
  let page: Page;

  async function apiDashboard(asOf: string | null): Promise<ApiDashboard> {
    const answer = await graphql<{ dashboard: ApiDashboard }>(server.api.baseUrl, DASHBOARD, {
      planSlug: PLAN,
      asOf,
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.dashboard;
  }

  beforeAll(async () => {
    server = await startDashboard();
    ({ page } = await newPage(server));
  });

  afterAll(async () => {
    await server?.close();
  });

  it("opens Denmark's plan from / in Danish, with every table equal to the API's dashboard", async () => {
    await page.goto(`${server.api.baseUrl}/`);
    await waitForRendered(page);
    expect(new URL(page.url()).pathname).toBe(`/plans/${PLAN}`);
    expect(await page.getAttribute('html', 'lang')).toBe('da');

    const answer = await apiDashboard(null);
    expect(await page.textContent('h1')).toBe(answer.plan.title.da);
    expect(await page.getAttribute('#overall-percent', 'data-value')).toBe(
      cell(answer.overall.percent),
    );
    expect(await page.getAttribute('#overall-coverage', 'data-value')).toBe(
      cell(answer.overall.coverage),
    );
    expect(await page.textContent('#overall-headline')).toBe(headlineOf(answer.overall, 'da'));
    expect(await page.textContent('#overall-headline')).toMatch(
      /^\d+ af \d+ forpligtelser fuldført/,
    );
    const tables = await tablesOnPage(page);
    const expected = expectedTables(answer);
    expect(tables['by-theme']).toEqual(expected['by-theme']);
    expect(tables['by-agency']).toEqual(expected['by-agency']);
    expect(tables['burn-up']).toEqual(expected['burn-up']);
    expect(tables.overdue.map((row) => row.key)).toEqual(expected.overdue.map((row) => row.key));
    expect(tables['by-theme'].length).toBeGreaterThan(0);
    expect(tables['burn-up'].length).toBeGreaterThan(0);
    // Every chart draws on its canvas.
    expect(await page.$$eval('canvas', (canvases) => canvases.length)).toBe(3);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-da');
  });

  it('switches to English with the keyboard: visible strings and <html lang> follow', async () => {
    const danish = await page.innerText('body');
    await page.focus('#lang-switch a');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForRendered(page);
    await page.waitForFunction(
      () => document.getElementById('overall-heading')?.textContent === 'Overall progress',
    );
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    const english = await page.innerText('body');
    expect(english).not.toEqual(danish);
    for (const text of ['Overall progress', 'Progress by lead agency', 'Overdue milestones']) {
      expect(english).toContain(text);
      expect(danish).not.toContain(text);
    }
    const answer = await apiDashboard(null);
    expect(await page.textContent('h1')).toBe(answer.plan.title.en);
    expect(await page.textContent('#overall-headline')).toBe(headlineOf(answer.overall, 'en'));

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-en');
  });

  it('passes ?asOf to the API: the tables show the figures as they stood then', async () => {
    const asOf = '2018-06-30';
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=da&asOf=${asOf}`);
    await waitForRendered(page);
    expect(await page.inputValue('#as-of')).toBe(asOf);
    const answer = await apiDashboard(asOf);
    expect(answer.asOf).toBe(asOf);
    const tables = await tablesOnPage(page);
    const expected = expectedTables(answer);
    expect(tables['by-theme']).toEqual(expected['by-theme']);
    expect(tables['by-agency']).toEqual(expected['by-agency']);
    // The burn-up ends at the as-of month, not at the plan's last month.
    const months = expected['burn-up'].filter((row) => row.key <= asOf.slice(0, 7));
    expect(months.length).toBeGreaterThan(0);
    expect(months.length).toBeLessThan(expected['burn-up'].length);
    expect(tables['burn-up']).toEqual(months);
    expect(tables['burn-up'].at(-1)?.key.slice(0, 7)).toBe('2018-06');
    expect(await page.innerText('#burn-up-summary')).toContain('2018-06');
    expect(await page.getAttribute('#overall-percent', 'data-value')).toBe(
      cell(answer.overall.percent),
    );
  });

  it('leaves the API paths to the API and serves the page for other paths', async () => {
    const health = await fetch(`${server.api.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const html = await fetch(`${server.api.baseUrl}/plans/${PLAN}`, {
      headers: { accept: 'text/html' },
    });
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('<main id="main"');
    // The app's JavaScript goes over the wire compressed.
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.api.baseUrl}${script}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
  });
});
