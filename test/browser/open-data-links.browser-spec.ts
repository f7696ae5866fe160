import {
  newPage,
  PLAN,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

/* The pages tell browsers and feed readers where the open data is: the plan's Atom feed and the catalogue. */

const FEED = 'link[rel="alternate"][type="application/atom+xml"]';
const CATALOG = 'link[rel="alternate"][type="application/ld+json"]';

describe('dashboard in a browser: links to the open data', () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard();
  });

  afterAll(async () => {
    await server?.close();
  });

  it("offers the plan's feed in the page's language on the plan's pages, and the catalogue on every page", async () => {
    const { context, page } = await newPage(server);
    const base = server.api.baseUrl;
    const feedOf = async () =>
      page.$eval(FEED, (link) => (link as HTMLLinkElement).href).catch(() => null);

    await page.goto(`${base}/plans/${PLAN}`);
    await waitForRendered(page, `/plans/${PLAN}`);
    expect(await feedOf()).toBe(`${base}/api/plans/${PLAN}/feed.atom?lang=da`);

    await page.goto(`${base}/commitments/DK0052?lang=en`);
    await waitForRendered(page, '/commitments/DK0052?lang=en');
    expect(await feedOf()).toBe(`${base}/api/plans/${PLAN}/feed.atom?lang=en`);
    expect(await page.locator(FEED).count()).toBe(1);

    // Both links lead to what they promise.
    const feed = await fetch((await feedOf())!);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const catalogHref = await page.$eval(CATALOG, (link) => (link as HTMLLinkElement).href);
    expect(catalogHref).toBe(`${base}/api/catalog.jsonld`);
    const catalog = (await (await fetch(catalogHref)).json()) as Record<string, unknown>;
    expect(catalog['@type']).toBe('dcat:Catalog');

    // A page of no plan offers no feed.
    await page.goto(`${base}/accessibility`);
    await waitForRendered(page, '/accessibility?lang=en');
    expect(await feedOf()).toBeNull();
    expect(await page.locator(CATALOG).count()).toBe(1);
    expect(await page.getAttribute(CATALOG, 'title')).toBe('Catalogue of the open data (DCAT-AP)');
    await context.close();
  });
});
