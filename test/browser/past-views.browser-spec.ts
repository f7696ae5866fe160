import {
  axeViolations,
  newPage,
  PLAN,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

const FUTURE = `${new Date().getUTCFullYear() + 1}-01-01`;
const PAST = '2018-12-31';

interface HistoryIds {
  ogpId: string;
  ids: string[];
}

/** Each commitment's update ids as the API gives them today and as of a date. */
async function historyIds(baseUrl: string, asOf: string | null): Promise<HistoryIds[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query ($planSlug: String!, $asOf: String) {
        commitments(planSlug: $planSlug, first: 100, asOf: $asOf) {
          nodes { ogpId milestones { history { id } } }
        }
      }`,
      variables: { planSlug: PLAN, asOf },
    }),
  });
  const body = (await response.json()) as {
    data: {
      commitments: { nodes: { ogpId: string; milestones: { history: { id: string }[] }[] }[] };
    };
  };
  return body.data.commitments.nodes.map((c) => ({
    ogpId: c.ogpId,
    ids: c.milestones.flatMap((m) => m.history.map((u) => u.id)).sort(),
  }));
}

describe('dashboard in a browser: past views say so', () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard();
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['da', 'Tallene som de stod ved udgangen af 31. december 2018.', 'Se tallene i dag'],
    ['en', 'The figures as they stood at the end of 31 December 2018.', "See today's figures"],
  ])('shows the banner of a past day in %s, with a link to today', async (lang, banner, link) => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?asOf=2018-12-31&lang=${lang}`);
    await waitForRendered(page, `/plans/${PLAN}`);
    expect(await page.isVisible('#past-view')).toBe(true);
    expect(await page.innerText('#past-view')).toBe(`${banner} ${link}`);
    // Above the page's heading.
    const order = await page.evaluate(() => {
      const bannerEl = document.getElementById('past-view');
      const heading = document.querySelector('#page h1');
      return !!bannerEl && !!heading && !!(bannerEl.compareDocumentPosition(heading) & 4);
    });
    expect(order).toBe(true);
    const anchor = page.locator('#past-view a');
    expect(await anchor.getAttribute('href')).toBe(`/plans/${PLAN}?lang=${lang}`);
    expect(await axeViolations(page)).toEqual([]);

    await anchor.click();
    await waitForRendered(page, `/plans/${PLAN}?lang=${lang}`);
    expect(await page.isHidden('#past-view')).toBe(true);
    await context.close();
  });

  it.each([
    [
      'da',
      `/plans/${PLAN}/themes/open_data`,
      'Tallene som de stod ved udgangen af 31. december 2018.',
    ],
    [
      'en',
      `/plans/${PLAN}/agencies/digitaliseringsstyrelsen`,
      'The figures as they stood at the end of 31 December 2018.',
    ],
    ['da', '/commitments/DK0051', 'Tallene som de stod ved udgangen af 31. december 2018.'],
    ['en', '/plans', 'The figures as they stood at the end of 31 December 2018.'],
  ])('in %s, %s opened with a past date shows the banner', async (lang, path, banner) => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}${path}?asOf=${PAST}&lang=${lang}`);
    await waitForRendered(page, path);
    expect(await page.isVisible('#past-view')).toBe(true);
    expect(await page.innerText('#past-view')).toContain(banner);
    const today = page.locator('#past-view a');
    expect(await today.getAttribute('href')).toBe(`${path}?lang=${lang}`);
    await context.close();
  });

  it('shows on a commitment page only the updates made by the date, where later ones exist today', async () => {
    const now = await historyIds(server.api.baseUrl, null);
    const then = await historyIds(server.api.baseUrl, PAST);
    // A commitment whose history grew after the date: the one the past view must cut.
    const grown = now.find(
      (c) => c.ids.length > (then.find((p) => p.ogpId === c.ogpId)?.ids.length ?? 0),
    );
    expect(grown).toBeDefined();
    const past = then.find((c) => c.ogpId === grown!.ogpId)!;

    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/commitments/${grown!.ogpId}?asOf=${PAST}&lang=en`);
    await waitForRendered(page, `/commitments/${grown!.ogpId}`);
    const shown = await page.$$eval('li.update[data-id]', (items) =>
      items.map((item) => item.getAttribute('data-id') ?? ''),
    );
    expect(shown.sort()).toEqual(past.ids);
    expect(shown.length).toBeLessThan(grown!.ids.length);
    await context.close();
  });

  it.each([
    ['da', 'garbage', 'Datoen “garbage” kan ikke læses; brug ÅÅÅÅ-MM-DD.', 'Se tallene i dag'],
    [
      'da',
      '2018-13-40',
      'Datoen “2018-13-40” kan ikke læses; brug ÅÅÅÅ-MM-DD.',
      'Se tallene i dag',
    ],
    ['da', FUTURE, `Datoen ${FUTURE} ligger i fremtiden.`, 'Se tallene i dag'],
    ['en', 'garbage', 'The date “garbage” cannot be read; use YYYY-MM-DD.', "See today's figures"],
    ['en', FUTURE, `The date ${FUTURE} is in the future.`, "See today's figures"],
  ])(
    'in %s, says asOf=%s cannot be used, with a link to today',
    async (lang, asOf, message, link) => {
      const { context, page } = await newPage(server);
      await page.goto(`${server.api.baseUrl}/plans/${PLAN}?asOf=${asOf}&lang=${lang}`);
      await waitForRendered(page, `/plans/${PLAN}`);
      const main = await page.innerText('#page');
      expect(main).toContain(message);
      expect(main).not.toMatch(/Noget gik galt|Something went wrong/);
      expect(await page.isHidden('#past-view')).toBe(true);
      const anchor = page.locator('#page a', { hasText: link });
      expect(await anchor.getAttribute('href')).toBe(`/plans/${PLAN}?lang=${lang}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
