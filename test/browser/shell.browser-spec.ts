import { Role } from '@ogp/common';
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

const OVERALL = `query ($planSlug: String!) { dashboard(planSlug: $planSlug) { overall { percent } } }`;
const COMMITMENT = `query { commitment(ogpId: "DK0051") {
  leadAgency { slug }
  milestones { id version status progressPercent }
} }`;
const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { milestone { version } }
}`;

interface Milestone {
  id: string;
  version: number;
  status: string | null;
  progressPercent: number | null;
}

describe('dashboard in a browser: the shell around the pages', () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('remembers the language chosen and writes it into every URL', async () => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}`);
    await waitForRendered(page, `/plans/${PLAN}`);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('da');
    expect(await page.getAttribute('html', 'lang')).toBe('da');

    await page.click('#lang-switch a');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForRendered(page, `/plans/${PLAN}?lang=en`);

    // A link without a language, opened later in the same browser, comes up in English.
    await page.goto(`${server.api.baseUrl}/accessibility`);
    await waitForRendered(page, '/accessibility?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Accessibility statement');
    await context.close();
  });

  it('links the accessibility statement from the footer, in both languages, without axe findings', async () => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=da&asOf=2018-06-30`);
    await waitForRendered(page, `/plans/${PLAN}`);
    // The footer names the data licence the deployment sets (CC BY 4.0 by default).
    await page.waitForFunction(() =>
      document.querySelector('footer')?.textContent?.includes('CC BY'),
    );
    expect(await page.innerText('footer')).toContain('Data under licensen CC BY 4.0.');
    expect(await page.getAttribute('footer a[rel="license"]', 'href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
    const link = page.locator('footer a', { hasText: 'Tilgængelighedserklæring' });
    // The statement has no figures: the as-of day stays behind.
    expect(await link.getAttribute('href')).toBe('/accessibility?lang=da');
    await link.focus();
    await page.keyboard.press('Enter');
    await waitForRendered(page, '/accessibility?lang=da');
    expect(await page.textContent('h1')).toBe('Tilgængelighedserklæring');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.isHidden('#as-of-form')).toBe(true);
    expect(await page.innerText('main')).toContain('Digitaliseringsstyrelsen');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accessibility-da');

    await page.click('#lang-switch a');
    await waitForRendered(page, '/accessibility?lang=en');
    expect(await page.textContent('h1')).toBe('Accessibility statement');
    expect(await page.title()).toContain('Accessibility statement');
    expect(await page.innerText('footer')).toContain('Data under the CC BY 4.0 licence.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accessibility-en');
    await context.close();
  });

  it('says so when a page does not exist, and sends the signed-out to sign in first', async () => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/no/such/page?lang=en`);
    await waitForRendered(page, '/no/such/page');
    expect(await page.textContent('h1')).toBe('No such page.');
    expect(await page.title()).toContain('No such page.');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.api.baseUrl}/my-milestones?lang=en&flag=OVERDUE`);
    await waitForRendered(page, '/sign-in');
    const next = new URL(page.url()).searchParams.get('next');
    expect(next).toBe('/my-milestones?lang=en&flag=OVERDUE');
    await context.close();
  });

  it('updates the open overview live when progress is recorded, without a reload', async () => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=en`);
    await waitForRendered(page, `/plans/${PLAN}`);
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const before = await page.getAttribute('#overall-percent', 'data-value');

    const read = await graphql<{
      commitment: { leadAgency: { slug: string }; milestones: Milestone[] };
    }>(server.api.baseUrl, COMMITMENT);
    const { leadAgency, milestones } = read.data!.commitment;
    const open = milestones.find((m) => m.status !== 'COMPLETED' && m.status !== 'CANCELLED');
    expect(open).toBeDefined();
    const coordinator = await server.createUser([Role.COORDINATOR], {
      agencySlugs: [leadAgency.slug],
    });
    const headers = await signIn(server.api.baseUrl, coordinator);
    const saved = await graphql(
      server.api.baseUrl,
      RECORD,
      {
        input: {
          milestoneId: open!.id,
          expectedVersion: open!.version,
          status: 'COMPLETED',
          evidence: [{ url: 'https://example.org/evidence', title: 'Evidence' }],
        },
      },
      headers,
    );
    expect(saved.errors).toBeUndefined();

    await page.waitForFunction(() => document.body.dataset.liveUpdates === '1');
    await waitForRendered(page);
    const after = await graphql<{ dashboard: { overall: { percent: number | null } } }>(
      server.api.baseUrl,
      OVERALL,
      { planSlug: PLAN },
    );
    const shown = await page.getAttribute('#overall-percent', 'data-value');
    expect(shown).toBe(String(after.data!.dashboard.overall.percent));
    expect(shown).not.toBe(before);
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    expect(await page.textContent('[role="status"]')).toContain('DK0051');
    await context.close();
  });
});
