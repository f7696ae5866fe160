import { Role } from '@ogp/common';
import type { Page } from 'playwright-core';
import { buildPlanFile, createPlan } from '../factories/plan-file.factory';
import { graphql } from '../utils/graphql-client';
import {
  axeViolations,
  newPage,
  PLAN,
  screenshot,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

// Ways on and honest labels: a page that finds nothing links on; text in the other language says so; a
// synthetic plan says so on every page of it; agencies are offered one country at a time.

const MARKER = { da: '(kun på engelsk)', en: '(in Danish only)' } as const;
const SYNTHETIC = {
  da: 'Syntetiske data lavet til test: ikke en rigtig plan.',
  en: 'Synthetic data, generated for testing: not a real plan.',
} as const;

interface Text {
  da: string | null;
  en: string | null;
}

describe('dashboard in a browser: ways on and honest labels', () => {
  let server: DashboardServer;
  let page: Page;
  let synthetic: Awaited<ReturnType<typeof createPlan>>;
  let denmarkTitle: Text;

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await graphql<T>(server.api.baseUrl, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  async function open(path: string): Promise<void> {
    await page.goto(`${server.api.baseUrl}${path}`);
    await waitForRendered(page, path.split('?')[0]);
  }

  beforeAll(async () => {
    server = await startDashboard();
    // A made-up second plan of another country, labelled synthetic, beside Denmark's.
    synthetic = await createPlan(
      server.dataSource,
      buildPlanFile({
        synthetic: true,
        plan: {
          countryCode: 'SE',
          title: { da: 'Syntetisk plan (testdata)', en: 'Synthetic plan (test data)' },
        },
      }),
    );
    denmarkTitle = (
      await api<{ actionPlan: { title: Text } }>(
        'query ($slug: String!) { actionPlan(slug: $slug) { title { da en } } }',
        { slug: PLAN },
      )
    ).actionPlan.title;
    ({ page } = await newPage(server));
  });

  afterAll(async () => {
    await server?.close();
  });

  describe.each(['da', 'en'] as const)('a page that finds nothing, in %s', (lang) => {
    it.each([
      ['an unknown commitment', '/commitments/DK9999'],
      ['an unknown plan', '/plans/no-such-plan'],
      ['an unknown theme', `/plans/${PLAN}/themes/no-such-theme`],
      ['an unknown agency', `/plans/${PLAN}/agencies/no-such-agency`],
    ])('links %s on to the plan list and the plan overview', async (_, path) => {
      await open(`${path}?lang=${lang}`);
      expect(await page.textContent('h1')).toBe(lang === 'da' ? 'Findes ikke.' : 'Not found.');
      const plans = page.locator('#not-found-plans');
      expect(await plans.textContent()).toBe(lang === 'da' ? 'Handlingsplaner' : 'Action plans');
      expect(await plans.getAttribute('href')).toBe(`/plans?lang=${lang}`);
      const overviews = await page.$$eval('a.not-found-overview', (links) =>
        links.map((link) => [link.getAttribute('href'), link.textContent]),
      );
      // Denmark's plan first: the address names it, or a Danish OGP id; the synthetic plan never comes first.
      expect(overviews[0]).toEqual([
        `/plans/${PLAN}?lang=${lang}`,
        `${lang === 'da' ? 'Oversigt' : 'Overview'}: ${denmarkTitle[lang]}`,
      ]);
      if (path.startsWith(`/plans/${PLAN}`) || path.startsWith('/commitments/')) {
        expect(overviews).toHaveLength(1);
      }
      expect(await axeViolations(page)).toEqual([]);
    });

    it('leads on to the overview it names', async () => {
      await open(`/commitments/DK9999?lang=${lang}`);
      await page.click('a.not-found-overview');
      await waitForRendered(page, `/plans/${PLAN}?lang=${lang}`);
      expect(await page.textContent('h1')).toBe(denmarkTitle[lang]);
      await screenshot(page, `not-found-then-overview-${lang}`);
    });
  });

  it('marks each English-only milestone title of the Danish overview, and no Danish one', async () => {
    const { dashboard } = await api<{
      dashboard: { overdue: { id: string; title: Text }[] };
    }>(
      'query ($planSlug: String!) { dashboard(planSlug: $planSlug) { overdue { id title { da en } } } }',
      {
        planSlug: PLAN,
      },
    );
    const englishOnly = dashboard.overdue.filter((row) => !row.title.da);
    const danish = dashboard.overdue.filter((row) => row.title.da);
    expect(englishOnly.length).toBeGreaterThan(0);
    expect(danish.length).toBeGreaterThan(0);

    await open(`/plans/${PLAN}?lang=da`);
    const header = (id: string) => page.locator(`#overdue tr[data-key="${id}"] th`);
    for (const row of englishOnly) {
      expect(await header(row.id).innerText()).toBe(`${row.title.en} ${MARKER.da}`);
      expect(await header(row.id).locator('[lang="en"]').textContent()).toBe(row.title.en);
    }
    for (const row of danish) {
      expect(await header(row.id).innerText()).toBe(row.title.da);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-fallback-marker-da');

    // In English the same rows carry no marker: English is their own language.
    await open(`/plans/${PLAN}?lang=en`);
    for (const row of englishOnly) {
      expect(await header(row.id).innerText()).toBe(row.title.en);
    }
  });

  it('labels a synthetic plan synthetic on its overview, theme, agency and commitment pages, and Denmark never', async () => {
    const file = synthetic.file;
    const pages = [
      `/plans/${synthetic.slug}`,
      `/plans/${synthetic.slug}/themes/${file.themes[0].key}`,
      `/plans/${synthetic.slug}/agencies/${file.commitments[0].leadAgency}`,
      `/commitments/${file.commitments[0].ogpId}`,
    ];
    for (const lang of ['da', 'en'] as const) {
      for (const path of pages) {
        await open(`${path}?lang=${lang}`);
        expect({ path, label: await page.textContent('#synthetic-notice') }).toEqual({
          path,
          label: SYNTHETIC[lang],
        });
      }
    }
    await open(`/plans/${synthetic.slug}?lang=da`);
    expect(await page.isVisible('#synthetic-notice')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview-synthetic-da');

    for (const path of [`/plans/${PLAN}`, '/commitments/DK0052']) {
      await open(`${path}?lang=da`);
      expect(await page.$('#synthetic-notice')).toBeNull();
    }
  });

  it("offers the administrator one country's agencies at a time, in the agency list and the user form", async () => {
    const admin = await server.createUser([Role.ADMIN]);
    const { page: adminPage, context } = await newPage(server);
    await signInContext(context, server.api.baseUrl, admin);
    const swedish = synthetic.file.agencies.map((agency) => agency.key);
    const shown = (selector: string) =>
      adminPage.$$eval(selector, (nodes) =>
        nodes.map((node) => (node as HTMLElement).dataset.key ?? (node as HTMLInputElement).value),
      );

    await adminPage.goto(`${server.api.baseUrl}/admin/agencies?lang=en`);
    await waitForRendered(adminPage, '/admin/agencies');
    const danish = await shown('#agencies tbody tr');
    expect(danish).toContain('digitaliseringsstyrelsen');
    expect(danish.filter((slug) => swedish.includes(slug))).toEqual([]);
    await adminPage.selectOption('#agencies-country', 'SE');
    await adminPage.click('#agencies-country-form button[type=submit]');
    await waitForRendered(adminPage, '/admin/agencies?lang=en&country=SE');
    expect((await shown('#agencies tbody tr')).sort()).toEqual([...swedish].sort());
    expect(await adminPage.inputValue('#agency-new-country')).toBe('SE');
    expect(await axeViolations(adminPage)).toEqual([]);

    await adminPage.goto(`${server.api.baseUrl}/admin/users?lang=da&country=SE`);
    await waitForRendered(adminPage, '/admin/users');
    expect((await shown('#user-create-agencies input[type=checkbox]')).sort()).toEqual(
      [...swedish].sort(),
    );
    await adminPage.goto(`${server.api.baseUrl}/admin/users?lang=da`);
    await waitForRendered(adminPage, '/admin/users');
    const offered = await shown('#user-create-agencies input[type=checkbox]');
    expect(offered).toContain('digitaliseringsstyrelsen');
    expect(offered.filter((slug) => swedish.includes(slug))).toEqual([]);
    await context.close();
  });
});
