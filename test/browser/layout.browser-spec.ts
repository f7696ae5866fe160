import { Role } from '@ogp/common';
import type { BrowserContext, Page } from 'playwright-core';
import { graphql } from '../utils/graphql-client';
import {
  PLAN,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

// Every public page holds still while it loads, fits a phone's width, and names itself (favicon, description).

const PAGES: [string, string][] = [
  ['plan list', '/plans'],
  ['overview', `/plans/${PLAN}`],
  ['theme', `/plans/${PLAN}/themes/open_data`],
  ['agency', `/plans/${PLAN}/agencies/digitaliseringsstyrelsen`],
  ['commitment', '/commitments/DK0051'],
  ['accessibility statement', '/accessibility'],
  ['sign-in', '/sign-in'],
];
const LANGS = ['da', 'en'];
const CASES = PAGES.flatMap(([name, path]) =>
  LANGS.map((lang) => [name, lang, path] as [string, string, string]),
);

/** Counts every layout shift from the first byte on (the observer is in the page before its scripts). */
function observeLayoutShifts(): void {
  const win = window as unknown as { layoutShift: number; layoutShifts: string[] };
  win.layoutShift = 0;
  win.layoutShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[]) {
      if (entry.hadRecentInput) continue;
      win.layoutShift += entry.value;
      const nodes = (entry.sources ?? []).map((source) => {
        const node = source.node;
        return node instanceof Element ? `${node.tagName}#${node.id}.${node.className}` : '?';
      });
      win.layoutShifts.push(`${entry.value.toFixed(3)} ${nodes.join(' ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Loads a page afresh and waits until it has rendered, its charts drawn, and two more frames have passed. */
async function load(context: BrowserContext, url: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForRendered(page, path);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
      ),
  );
  return page;
}

/** What sticks out past the right edge of the page, outside a region that scrolls on its own. */
const overflowOf = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
      .filter((element) => !element.parentElement?.closest('.table-wrap'))
      .map((element) => `${element.tagName}#${element.id}.${element.className}`)
      .slice(0, 5);
    return { scroll: root.scrollWidth, client: root.clientWidth, culprits };
  });

const layoutShift = (page: Page) =>
  page.evaluate(() => {
    const win = window as unknown as { layoutShift: number; layoutShifts: string[] };
    return { total: win.layoutShift, shifts: win.layoutShifts };
  });

describe('dashboard in a browser: pages that hold still and fit', () => {
  let server: DashboardServer;
  let wide: BrowserContext;
  let narrow: BrowserContext;

  beforeAll(async () => {
    server = await startDashboard();
    wide = await server.browser.newContext({ viewport: { width: 1280, height: 900 } });
    narrow = await server.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    for (const context of [wide, narrow]) await context.addInitScript(observeLayoutShifts);
  });

  afterAll(async () => {
    await wide?.close();
    await narrow?.close();
    await server?.close();
  });

  it.each(CASES)(
    'the %s page in %s does not shift while it loads (1280 px wide)',
    async (_name, lang, path) => {
      const page = await load(wide, `${server.api.baseUrl}${path}?lang=${lang}`, path);
      const shift = await layoutShift(page);
      // Under 0.05 (0.1 is "good"); the shifts are listed when it fails.
      expect(shift.total < 0.05 ? [] : shift.shifts).toEqual([]);
      await page.close();
    },
  );

  it.each(CASES)(
    'the %s page in %s fits 390 px without scrolling sideways, and holds still',
    async (_name, lang, path) => {
      const page = await load(narrow, `${server.api.baseUrl}${path}?lang=${lang}`, path);
      const shift = await layoutShift(page);
      expect(shift.total < 0.05 ? [] : shift.shifts).toEqual([]);
      const overflow = await overflowOf(page);
      expect(overflow.culprits).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      // Each table that is wider than its box scrolls in a labelled region the keyboard reaches.
      const regions = await page.$$eval('.table-wrap', (wraps) =>
        wraps
          .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
          .map((wrap) => ({
            role: wrap.getAttribute('role'),
            label: !!wrap.getAttribute('aria-label'),
            tabindex: wrap.getAttribute('tabindex'),
          })),
      );
      for (const region of regions) {
        expect(region).toEqual({ role: 'region', label: true, tabindex: '0' });
      }
      await page.close();
    },
  );

  it('lets the wide Danish commitments table of a theme scroll inside its region', async () => {
    const path = `/plans/${PLAN}/themes/open_data`;
    const page = await load(narrow, `${server.api.baseUrl}${path}?lang=da`, path);
    const region = page.locator('#theme-commitments .table-wrap');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('aria-label')).toBe(
      `Tabel: ${await page.textContent('#theme-commitments caption')}`,
    );
    const sizes = await region.evaluate((wrap) => ({
      scroll: wrap.scrollWidth,
      client: wrap.clientWidth,
    }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // Reached with Tab, scrolled with the arrow keys: the last column comes into view.
    await region.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    const scrolled = await region.evaluate((wrap) => wrap.scrollLeft);
    expect(scrolled).toBeGreaterThan(0);
    await page.close();
  });

  it('fits the signed-in pages and their forms into 390 px too, in both languages', async () => {
    const user = await server.createUser([Role.ADMIN, Role.COORDINATOR, Role.REVIEWER], {
      agencySlugs: ['digitaliseringsstyrelsen'],
    });
    const read = await graphql<{ commitment: { milestones: { id: string }[] } }>(
      server.api.baseUrl,
      'query { commitment(ogpId: "DK0051") { milestones { id } } }',
    );
    const milestone = read.data!.commitment.milestones[0].id;
    const context = await server.browser.newContext({ viewport: { width: 390, height: 844 } });
    await signInContext(context, server.api.baseUrl, user);
    const page = await context.newPage();
    const paths = [
      '/my-milestones',
      `/commitments/DK0051/milestones/${milestone}/report`,
      '/review',
      `/commitments/DK0051/milestones/${milestone}/verify`,
      '/commitments/DK0051/assess',
      '/admin/users',
      '/admin/agencies',
      '/admin/import',
    ];
    for (const path of paths) {
      for (const lang of LANGS) {
        await page.goto(`${server.api.baseUrl}${path}?lang=${lang}`);
        await waitForRendered(page, path);
        const overflow = await overflowOf(page);
        expect([path, lang, overflow.culprits]).toEqual([path, lang, []]);
        expect([path, lang, overflow.scroll]).toEqual([path, lang, overflow.client]);
      }
    }
    await context.close();
  });

  it.each([
    [1280, 900],
    [390, 844],
  ])('holds the overview still for a signed-in reader too (%i px wide)', async (width, height) => {
    const user = await server.createUser([Role.ADMIN, Role.COORDINATOR, Role.REVIEWER], {
      agencySlugs: ['digitaliseringsstyrelsen'],
      displayName: 'Karen Blixen-Finecke',
    });
    const context = await server.browser.newContext({ viewport: { width, height } });
    await context.addInitScript(observeLayoutShifts);
    await signInContext(context, server.api.baseUrl, user);
    // A returning reader: the app has read this session once before (and remembered its menu).
    const first = await context.newPage();
    await first.goto(`${server.api.baseUrl}/my-milestones`);
    await waitForRendered(first, '/my-milestones');
    await first.close();
    for (const lang of LANGS) {
      const path = `/plans/${PLAN}`;
      const page = await load(context, `${server.api.baseUrl}${path}?lang=${lang}`, path);
      expect(await page.textContent('#site-nav')).toContain('Karen Blixen-Finecke');
      const shift = await layoutShift(page);
      expect(shift.total < 0.05 ? [] : shift.shifts).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('serves a favicon that each page links', async () => {
    const ico = await fetch(`${server.api.baseUrl}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toMatch(/^image\//);
    const page = await load(wide, `${server.api.baseUrl}/plans?lang=en`, '/plans');
    const icons = await page.$$eval('link[rel="icon"]', (links) =>
      links.map((link) => (link as HTMLLinkElement).href),
    );
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) {
      const answer = await fetch(href);
      expect([href, answer.status]).toEqual([href, 200]);
      expect(answer.headers.get('content-type')).toMatch(/^image\//);
    }
    await page.close();
  });

  it('gives each page a description of its own in its language, and no empty heading', async () => {
    const descriptions = new Map<string, string>();
    for (const [name, lang, path] of CASES) {
      const page = await load(wide, `${server.api.baseUrl}${path}?lang=${lang}`, path);
      const description = await page.getAttribute('meta[name="description"]', 'content');
      expect([name, lang, (description ?? '').length > 20]).toEqual([name, lang, true]);
      descriptions.set(`${name} ${lang}`, description ?? '');
      // Every heading in the document, shown or not, has words.
      const empty = await page.$$eval('h1, h2, h3, h4, h5, h6, [role="heading"]', (headings) =>
        headings
          .filter((heading) => !heading.textContent?.trim())
          .map((heading) => heading.id || heading.outerHTML),
      );
      expect([name, lang, empty]).toEqual([name, lang, []]);
      await page.close();
    }
    // Seven pages, two languages: fourteen descriptions, none the same.
    expect(new Set(descriptions.values()).size).toBe(CASES.length);
    expect(descriptions.get('overview da')).toMatch(/tilsagn/);
    expect(descriptions.get('overview en')).toMatch(/commitments/);
  });
});
