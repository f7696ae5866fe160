import {
  axeViolations,
  newPage,
  PLAN,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

const FUTURE = `${new Date().getUTCFullYear() + 1}-01-01`;

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
