import { Role } from '@ogp/common';
import type { Page } from 'playwright-core';
import { graphql } from '../utils/graphql-client';
import type { TestUser } from '../utils/users';
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

const COMMITMENT = 'DK0051';

interface ApiMilestone {
  id: string;
  version: number;
  status: string | null;
  progressPercent: number | null;
  commitment: { leadAgency: { slug: string } };
}

interface ApiHistory {
  status: string;
  progressPercent: number | null;
  recordedBy: string;
  sequence: number;
  note: { da: string | null; en: string | null };
}

/** Waits until the app has rendered a URL whose query contains `part`, and nothing is loading. */
async function waitForQuery(page: Page, part: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      !!document.body.dataset.rendered?.includes(expected) &&
      !document.getElementById('main')?.hasAttribute('aria-busy'),
    part,
  );
}

async function switchLanguage(page: Page, to: 'da' | 'en'): Promise<void> {
  await page.click('#lang-switch a');
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
  await waitForQuery(page, `lang=${to}`);
}

describe('dashboard in a browser: the coordinator screens', () => {
  let server: DashboardServer;
  let page: Page;
  let coordinator: TestUser;
  let agencySlug: string;
  let milestoneId: string;
  let reportPath: string;

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await graphql<T>(server.api.baseUrl, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  /** The API's milestones of the commitments the agency leads (its filter also gives supported ones). */
  async function apiAgencyMilestones(flag: string | null): Promise<string[]> {
    const data = await api<{ milestones: { nodes: ApiMilestone[] } }>(
      `query ($planSlug: String!, $filter: MilestoneFilter) {
        milestones(planSlug: $planSlug, filter: $filter, first: 100) {
          nodes { id version status progressPercent commitment { leadAgency { slug } } }
        }
      }`,
      { planSlug: PLAN, filter: { agencySlug, flag } },
    );
    return data.milestones.nodes
      .filter((m) => m.commitment.leadAgency.slug === agencySlug)
      .map((m) => m.id);
  }

  async function apiMilestone(): Promise<ApiMilestone & { history: ApiHistory[] }> {
    const data = await api<{
      commitment: { milestones: (ApiMilestone & { history: ApiHistory[] })[] };
    }>(
      `query ($ogpId: String!) {
        commitment(ogpId: $ogpId) {
          milestones {
            id version status progressPercent commitment { leadAgency { slug } }
            history { status progressPercent recordedBy sequence note { da en } }
          }
        }
      }`,
      { ogpId: COMMITMENT },
    );
    return data.commitment.milestones.find((m) => m.id === milestoneId)!;
  }

  async function apiOverallPercent(): Promise<number | null> {
    const data = await api<{ dashboard: { overall: { percent: number | null } } }>(
      'query ($planSlug: String!) { dashboard(planSlug: $planSlug) { overall { percent } } }',
      { planSlug: PLAN },
    );
    return data.dashboard.overall.percent;
  }

  async function summaryFocused(target: Page): Promise<boolean> {
    return target.evaluate(() => document.activeElement?.id === 'report-errors');
  }

  beforeAll(async () => {
    server = await startDashboard();
    const data = await api<{
      commitment: { leadAgency: { slug: string }; milestones: { id: string }[] };
    }>(
      'query ($ogpId: String!) { commitment(ogpId: $ogpId) { leadAgency { slug } milestones { id } } }',
      {
        ogpId: COMMITMENT,
      },
    );
    agencySlug = data.commitment.leadAgency.slug;
    milestoneId = data.commitment.milestones[0].id;
    reportPath = `/commitments/${COMMITMENT}/milestones/${milestoneId}/report`;
    coordinator = await server.createUser([Role.COORDINATOR], {
      agencySlugs: [agencySlug],
      displayName: 'Karen Koordinator',
    });
    ({ page } = await newPage(server));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('signs in through the form: a wrong password shows a clear error, the right one lands on my milestones', async () => {
    await page.goto(`${server.api.baseUrl}/sign-in?lang=da`);
    await waitForRendered(page, '/sign-in');
    expect(await page.textContent('h1')).toBe('Log ind');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-sign-in-da');

    await page.fill('#email', coordinator.email);
    await page.fill('#password', 'not the password');
    await page.click('form.form button[type=submit]');
    await page.waitForSelector('#sign-in-errors:not([hidden])');
    expect(await page.textContent('#sign-in-errors')).toContain('Forkert e-mail eller adgangskode');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-errors');
    expect(await page.getAttribute('#password', 'aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-sign-in-error-da');

    // The same error in English after a language change.
    await switchLanguage(page, 'en');
    expect(await page.textContent('#sign-in-errors')).toContain('Wrong email or password');
    expect(await page.inputValue('#email')).toBe(coordinator.email);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-sign-in-error-en');

    await page.fill('#password', coordinator.password);
    await page.click('form.form button[type=submit]');
    await waitForRendered(page, '/my-milestones');
    expect(await page.textContent('h1')).toBe('My milestones');
    expect(await page.textContent('#site-nav')).toContain('Karen Koordinator');

    // Back on /sign-in, a signed-in user sees who they are.
    await page.goto(`${server.api.baseUrl}/sign-in?lang=en`);
    await waitForRendered(page, '/sign-in');
    expect(await page.textContent('#signed-in-as')).toContain(coordinator.email);
    expect(await page.isVisible('#password')).toBe(false);
  });

  it("lists the agency's milestones; the overdue filter shows exactly the API's overdue milestones", async () => {
    await page.goto(`${server.api.baseUrl}/my-milestones?lang=da`);
    await waitForRendered(page, '/my-milestones');
    const rowIds = () =>
      page.$$eval('.my-milestones tbody tr', (rows) =>
        rows.map((row) => (row as HTMLElement).dataset.key),
      );
    const all = await apiAgencyMilestones(null);
    expect(all.length).toBeGreaterThan(1);
    expect(await rowIds()).toEqual(all);

    const overdue = await apiAgencyMilestones('OVERDUE');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(all.length);
    await page.selectOption('#filter-flag', 'OVERDUE');
    await page.click('form.filters button[type=submit]');
    await waitForQuery(page, 'flag=OVERDUE');
    expect(new URL(page.url()).searchParams.get('flag')).toBe('OVERDUE');
    expect(await rowIds()).toEqual(overdue);
    expect(await page.textContent('#milestone-summary')).toContain(`${overdue.length} forsinkede`);
    // Each row links to its report form and its commitment.
    expect(
      await page.getAttribute(`tr[data-key="${milestoneId}"] a.report-link`, 'href'),
    ).toContain(reportPath);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-my-milestones-da');

    await switchLanguage(page, 'en');
    expect(await page.textContent('h1')).toBe('My milestones');
    expect(await page.textContent('#milestone-summary')).toContain(`${overdue.length} overdue`);
    expect(await rowIds()).toEqual(overdue);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-my-milestones-en');
  });

  it('shows every problem of a report next to its field, with a focused summary, in Danish and English', async () => {
    await page.goto(`${server.api.baseUrl}/my-milestones?lang=da`);
    await waitForRendered(page, '/my-milestones');
    await page.click(`tr[data-key="${milestoneId}"] a.report-link`);
    await waitForRendered(page, reportPath);
    const before = await apiMilestone();
    expect(await page.getAttribute('#current-state dl', 'data-version')).toBe(
      String(before.version),
    );

    await page.check('#status-IN_PROGRESS');
    await page.fill('#percent', '');
    await page.click('#add-evidence');
    const urlId = await page.evaluate(
      () =>
        document.querySelector<HTMLInputElement>('.evidence-row input[name="evidence-url"]')!.id,
    );
    await page.fill(`#${urlId}`, 'not an address');
    await page.fill('.evidence-row input[name="evidence-title"]', 'Nyhed om Datafordeleren');
    await page.fill('#note-da', 'Flere registre er udstillet.');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-errors:not([hidden])');

    expect(await summaryFocused(page)).toBe(true);
    expect(await page.getAttribute('#percent', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute(`#${urlId}`, 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#percent', 'aria-describedby')).toContain('percent-error');
    expect(await page.getAttribute(`#${urlId}`, 'aria-describedby')).toContain(`${urlId}-error`);
    expect(await page.textContent('#percent-error')).toContain('mens milepælen er i gang');
    expect(await page.textContent(`#${urlId}-error`)).toContain('https://');
    const links = await page.$$eval('#report-errors a', (anchors) =>
      anchors.map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(expect.arrayContaining(['#percent', `#${urlId}`]));
    // A summary link moves focus to its field.
    await page.click('#report-errors a[href="#percent"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('percent');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-report-errors-da');

    // Nothing typed is lost on a language change, and the problems follow the language.
    await switchLanguage(page, 'en');
    expect(await page.textContent('#percent-error')).toContain(
      'while the milestone is in progress',
    );
    expect(await page.textContent('#report-errors h2')).toContain('problem');
    expect(await page.inputValue(`#${urlId}`)).toBe('not an address');
    expect(await page.inputValue('#note-da')).toBe('Flere registre er udstillet.');
    expect(await page.isChecked('#status-IN_PROGRESS')).toBe(true);
    expect(await page.getAttribute('#percent', 'aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-report-errors-en');

    // Nothing was recorded.
    expect((await apiMilestone()).version).toBe(before.version);
  });

  it('saves the corrected report; an anonymous page with the plan overview shows it live', async () => {
    const { page: watcher } = await newPage(server);
    await watcher.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=da`);
    await waitForRendered(watcher, `/plans/${PLAN}`);
    await watcher.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'no reload';
    });
    const percentBefore = await watcher.getAttribute('#overall-percent', 'data-value');
    expect(percentBefore).toBe(String(await apiOverallPercent()));

    const before = await apiMilestone();
    await page.fill('#percent', '85');
    const urlId = await page.evaluate(
      () =>
        document.querySelector<HTMLInputElement>('.evidence-row input[name="evidence-url"]')!.id,
    );
    await page.fill(`#${urlId}`, 'https://datafordeler.dk/');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-outcome.saved');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-outcome');

    const after = await apiMilestone();
    expect(after.version).toBe(before.version + 1);
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.progressPercent).toBe(85);
    expect(after.history[0].note.da).toBe('Flere registre er udstillet.');
    expect(await page.getAttribute('#saved-summary', 'data-version')).toBe(String(after.version));
    expect(await page.textContent('#saved-summary')).toContain(String(after.version));
    expect(await page.getAttribute('#current-state dl', 'data-version')).toBe(
      String(after.version),
    );
    expect(await page.$('#report-errors:not([hidden])')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-report-saved-en');

    const percentAfter = String(await apiOverallPercent());
    expect(percentAfter).not.toBe(percentBefore);
    await watcher.waitForFunction(
      (expected) => document.getElementById('overall-percent')?.dataset.value === expected,
      percentAfter,
    );
    expect(await watcher.evaluate(() => document.body.dataset.liveUpdates)).toBeTruthy();
    expect(await watcher.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'no reload',
    );
    await watcher.context().close();
  });

  it('conflict: the second of two reports sees the other change, applies its own on top, both are in the history', async () => {
    const other = await server.createUser([Role.COORDINATOR], {
      agencySlugs: [agencySlug],
      displayName: 'Ole Anden',
    });
    const second = await newPage(server);
    await signInContext(second.context, server.api.baseUrl, other);
    const late = second.page;
    await page.goto(`${server.api.baseUrl}${reportPath}?lang=da`);
    await late.goto(`${server.api.baseUrl}${reportPath}?lang=en`);
    await waitForRendered(page, reportPath);
    await waitForRendered(late, reportPath);
    const start = await apiMilestone();

    // The first saves.
    await page.check('#status-IN_PROGRESS');
    await page.fill('#percent', '90');
    await page.fill('#note-da', 'Næsten alle registre.');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-outcome.saved');

    // The second saves on the version it read: CONFLICT, with the other's change shown and its own input kept.
    await late.check('#status-COMPLETED');
    await late.fill('#note-en', 'All ten registers are on the platform.');
    await late.click('#add-evidence');
    await late.fill('.evidence-row input[name="evidence-url"]', 'https://datafordeler.dk/');
    await late.fill('.evidence-row input[name="evidence-title"]', 'Datafordeleren');
    await late.click('#report-form button[type=submit]');
    await late.waitForSelector('#report-outcome.conflict');
    expect(await late.evaluate(() => document.activeElement?.id)).toBe('report-outcome');
    const panel = (await late.textContent('#report-outcome')) ?? '';
    expect(panel).toContain('Karen Koordinator');
    expect(panel).toContain('90');
    expect(panel).toContain('Næsten alle registre.');
    expect(panel).toContain(`version ${start.version + 1}`);
    expect(await late.inputValue('#note-en')).toBe('All ten registers are on the platform.');
    expect(await late.isChecked('#status-COMPLETED')).toBe(true);
    expect(await axeViolations(late)).toEqual([]);
    await screenshot(late, 'coordinator-conflict-en');
    await switchLanguage(late, 'da');
    expect(await late.textContent('#report-outcome h2')).toContain('En anden har rapporteret');
    expect(await late.inputValue('#note-en')).toBe('All ten registers are on the platform.');
    expect(await axeViolations(late)).toEqual([]);
    await screenshot(late, 'coordinator-conflict-da');

    await late.click('#apply-mine');
    await late.waitForSelector('#report-outcome.saved');
    const end = await apiMilestone();
    expect(end.version).toBe(start.version + 2);
    expect(end.status).toBe('COMPLETED');
    expect(end.history.slice(0, 2).map((u) => [u.status, u.progressPercent, u.recordedBy])).toEqual(
      [
        ['COMPLETED', 100, 'Ole Anden'],
        ['IN_PROGRESS', 90, 'Karen Koordinator'],
      ],
    );
    expect(end.history[0].sequence).toBeGreaterThan(end.history[1].sequence);
    await second.context.close();
  });

  it('discarding mine reloads the form with the current state', async () => {
    const third = await newPage(server);
    await signInContext(third.context, server.api.baseUrl, coordinator);
    await third.page.goto(`${server.api.baseUrl}${reportPath}?lang=en`);
    await page.goto(`${server.api.baseUrl}${reportPath}?lang=en`);
    await waitForRendered(third.page, reportPath);
    await waitForRendered(page, reportPath);
    // Reopening a completed milestone needs a note: this one has it.
    await page.check('#status-IN_PROGRESS');
    await page.fill('#percent', '95');
    await page.fill('#note-en', 'One register was taken offline again.');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-outcome.saved');

    await third.page.check('#status-CANCELLED');
    await third.page.fill('#note-en', 'Dropped.');
    await third.page.click('#report-form button[type=submit]');
    await third.page.waitForSelector('#report-outcome.conflict');
    await third.page.click('#discard-mine');
    await third.page.waitForSelector('#report-outcome:empty', { state: 'attached' });
    const now = await apiMilestone();
    expect(await third.page.getAttribute('#current-state dl', 'data-version')).toBe(
      String(now.version),
    );
    expect(await third.page.inputValue('#note-en')).toBe('');
    expect(await third.page.isChecked('#status-IN_PROGRESS')).toBe(true);
    expect(await third.page.inputValue('#percent')).toBe('95');
    await third.context.close();
  });

  it('lets the status set the percent: completed empties and disables the field, in progress brings it back', async () => {
    await page.goto(`${server.api.baseUrl}${reportPath}?lang=en`);
    await waitForRendered(page, reportPath);
    const current = await apiMilestone();
    expect(current.status).toBe('IN_PROGRESS');
    expect(await page.inputValue('#percent')).toBe(String(current.progressPercent));

    await page.check('#status-COMPLETED');
    expect(await page.isDisabled('#percent')).toBe(true);
    expect(await page.inputValue('#percent')).toBe('');
    expect(await page.innerText('#report-form')).toContain('completed as 100');

    await page.check('#status-IN_PROGRESS');
    expect(await page.isEnabled('#percent')).toBe(true);
    expect(await page.inputValue('#percent')).toBe(String(current.progressPercent));
  });

  it('sends a signed-out coordinator through sign-in back to the report form they opened', async () => {
    const { page: fresh, context } = await newPage(server);
    await fresh.goto(`${server.api.baseUrl}${reportPath}?lang=en`);
    await waitForRendered(fresh, '/sign-in');
    const next = new URL(fresh.url()).searchParams.get('next');
    expect(next).toContain(reportPath);
    await fresh.fill('#email', coordinator.email);
    await fresh.fill('#password', coordinator.password);
    await fresh.click('form.form button[type=submit]');
    await waitForRendered(fresh, reportPath);
    expect(await fresh.textContent('h1')).toBe('Report progress');
    expect(await fresh.isVisible('#report-form')).toBe(true);
    await context.close();
  });

  it('lets an administrator pick an agency and shows the milestones it leads', async () => {
    const admin = await server.createUser([Role.ADMIN], { displayName: 'Ada Admin' });
    const { page: adminPage, context } = await newPage(server);
    await signInContext(context, server.api.baseUrl, admin);
    await adminPage.goto(`${server.api.baseUrl}/my-milestones?lang=en`);
    await waitForRendered(adminPage, '/my-milestones');
    expect(await adminPage.textContent('#milestone-summary')).toBe('Choose an agency above.');
    expect(await adminPage.$$('.my-milestones tbody tr')).toHaveLength(0);
    await adminPage.selectOption('#filter-agency', agencySlug);
    await adminPage.click('form.filters button[type=submit]');
    await waitForQuery(adminPage, `agency=${agencySlug}`);
    const rows = await adminPage.$$eval('.my-milestones tbody tr', (trs) =>
      trs.map((row) => (row as HTMLElement).dataset.key),
    );
    expect(rows).toEqual(await apiAgencyMilestones(null));
    expect(await axeViolations(adminPage)).toEqual([]);
    await context.close();
  });

  // Last: the back-off holds for this address for a while.
  it('says how long to wait when sign-in is slowed after repeated failures', async () => {
    const { page: stranger, context } = await newPage(server);
    await stranger.goto(`${server.api.baseUrl}/sign-in?lang=en`);
    await waitForRendered(stranger, '/sign-in');
    const locked = 'Too many failed attempts from here';
    let text = '';
    for (let attempt = 0; attempt < 7 && !text.includes(locked); attempt += 1) {
      await stranger.fill('#email', coordinator.email);
      await stranger.fill('#password', `wrong ${attempt}`);
      await stranger.click('form.form button[type=submit]');
      // The password is emptied when the answer has come.
      await stranger.waitForFunction(
        () => (document.getElementById('password') as HTMLInputElement).value === '',
      );
      text = (await stranger.textContent('#sign-in-errors')) ?? '';
    }
    expect(text).toContain(locked);
    await switchLanguage(stranger, 'da');
    expect(await stranger.textContent('#sign-in-errors')).toContain(
      'For mange mislykkede forsøg herfra',
    );
    expect(await axeViolations(stranger)).toEqual([]);
    await context.close();
  });
});
