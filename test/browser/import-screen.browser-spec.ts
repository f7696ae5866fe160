import { Role } from '@ogp/common';
import type { BrowserContext, Page } from 'playwright-core';
import { apiData, download, loadXlsx } from '../utils/exports';
import { signIn, type TestUser } from '../utils/users';
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

/*
 * The administrators' import screen: a plan file and a bulk progress file, each checked (dry run) before it is
 * made. The answers come from POST /api/plans/import and POST /api/plans/:slug/progress-import.
 */

const INVALID_PLAN = JSON.stringify({
  formatVersion: 1,
  plan: { slug: 'Not A Slug', countryCode: 'DK', title: { da: null, en: null } },
  agencies: [],
  themes: [],
  commitments: [],
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const jsonFile = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text, 'utf8'),
});

describe('dashboard in a browser: the import screen', () => {
  let server: DashboardServer;
  let admin: TestUser;
  let adminHeaders: Record<string, string>;
  const contexts: BrowserContext[] = [];

  async function adminPage(path: string): Promise<Page> {
    const { context, page } = await newPage(server);
    contexts.push(context);
    await signInContext(context, server.api.baseUrl, admin);
    await page.goto(`${server.api.baseUrl}${path}`);
    await waitForRendered(page, path.split('?')[0]);
    return page;
  }

  /** The rows of a problems table: the header cell, then the others. */
  const tableRows = (page: Page, selector: string) =>
    page.$$eval(`${selector} tbody tr`, (rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );

  /** Each milestone's version: a status update raises it. */
  const versions = async () =>
    (
      await apiData(
        server.api.baseUrl,
        `query { commitments(planSlug: "${PLAN}", first: 100) { nodes { milestones { id version } } } }`,
        {},
        adminHeaders,
      )
    ).commitments.nodes as unknown;

  const versionOf = async (id: string): Promise<number> =>
    ((await versions()) as { milestones: { id: string; version: number }[] }[])
      .flatMap((c) => c.milestones)
      .find((m) => m.id === id)!.version;

  const chosenFiles = (page: Page, id: string) =>
    page.$eval(`#${id}`, (input) =>
      [...((input as HTMLInputElement).files ?? [])].map((f) => f.name),
    );

  beforeAll(async () => {
    server = await startDashboard();
    admin = await server.createUser([Role.ADMIN], { displayName: 'Ida Importer' });
    adminHeaders = await signIn(server.api.baseUrl, admin);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
  });

  it("is in the administrators' menu, only theirs, and axe-clean in Danish and English", async () => {
    const page = await adminPage('/admin/import?lang=en');
    expect(await page.textContent('h1')).toBe('Import data');
    const link = page.locator('#site-nav a[href^="/admin/import"]');
    expect(await link.textContent()).toBe('Import');
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(await page.textContent('#plan-import-heading')).toBe('Import a plan file');
    expect(await page.textContent('#progress-import-heading')).toBe(
      'Import progress for many milestones',
    );
    expect(await page.isVisible('#plan-import-apply')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-import-en');
    await page.goto(`${server.api.baseUrl}/admin/import?lang=da`);
    await waitForRendered(page, '/admin/import?lang=da');
    expect(await page.textContent('h1')).toBe('Indlæs data');
    expect(await page.textContent('#plan-import-check')).toBe('Kontrollér (prøvekørsel)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-import-da');

    // A reviewer neither sees it in the menu nor may open it.
    const reviewer = await server.createUser([Role.REVIEWER]);
    const { context, page: other } = await newPage(server);
    contexts.push(context);
    await signInContext(context, server.api.baseUrl, reviewer);
    await other.goto(`${server.api.baseUrl}/admin/import?lang=en`);
    await waitForRendered(other, '/admin/import');
    expect(await other.textContent('h1')).toBe('You do not have access to this page.');
    expect(await other.locator('#site-nav a[href^="/admin/import"]').count()).toBe(0);
  });

  it('asks for a file before a dry run, at the file field', async () => {
    const page = await adminPage('/admin/import?lang=en');
    await page.click('#plan-import-check');
    await page.waitForSelector('#plan-file[aria-invalid="true"]');
    expect(await page.textContent('#plan-file-error')).toBe('Choose a file.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-import-errors');
    // A progress file must be CSV or XLSX.
    await page.setInputFiles('#progress-file', {
      name: 'progress.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('x'),
    });
    await page.click('#progress-import-check');
    await page.waitForSelector('#progress-file[aria-invalid="true"]');
    expect(await page.textContent('#progress-file-error')).toBe('Choose a .csv or .xlsx file.');
  });

  it('shows a dry run of an invalid plan file as an error, announced, busy while it runs, the file kept', async () => {
    const page = await adminPage('/admin/import?lang=en');
    await page.setInputFiles('#plan-file', jsonFile('invalid-plan.json', INVALID_PLAN));
    // Held back a moment: the page shows that it is working.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const bodies: string[] = [];
    await page.route('**/api/plans/import*', async (route) => {
      bodies.push(route.request().postData() ?? '');
      await held;
      await route.continue();
    });
    await page.click('#plan-import-check');
    await page.waitForSelector('#plan-import[aria-busy="true"]');
    expect(await page.getAttribute('#plan-import-check', 'aria-disabled')).toBe('true');
    expect(await page.textContent('#plan-import-outcome-status')).toBe('Checking the file…');
    release();
    await page.waitForSelector('#plan-import:not([aria-busy])');
    expect(bodies).toEqual([INVALID_PLAN]);
    expect(await page.getAttribute('#plan-import-outcome-alert', 'role')).toBe('alert');
    expect((await page.textContent('#plan-import-outcome-alert'))!.length).toBeGreaterThan(10);
    expect(await page.isVisible('#plan-import-apply')).toBe(false);
    expect(await chosenFiles(page, 'plan-file')).toEqual(['invalid-plan.json']);
    expect(await page.getAttribute('#plan-import-check', 'aria-disabled')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("says a lost connection in the reader's language, and keeps the file", async () => {
    const page = await adminPage('/admin/import?lang=da');
    await page.route('**/api/plans/import*', (route) => route.abort('connectionfailed'));
    await page.setInputFiles('#plan-file', jsonFile('plan.json', INVALID_PLAN));
    await page.click('#plan-import-check');
    await page.waitForSelector('#plan-import-outcome-alert:not(:empty)');
    expect(await page.textContent('#plan-import-outcome-alert')).toBe(
      'Filen kunne ikke kontrolleres: Forbindelsen til serveren svigtede; prøv igen.',
    );
    expect(await chosenFiles(page, 'plan-file')).toEqual(['plan.json']);
  });

  it("offers the plan's template, of one agency when chosen, in the page's language", async () => {
    const page = await adminPage('/admin/import?lang=en');
    expect(await page.inputValue('#progress-plan')).toBe(PLAN);
    expect(await page.getAttribute('#progress-template-link', 'href')).toBe(
      `/api/plans/${PLAN}/progress-template.xlsx?lang=en`,
    );
    const data = await apiData(
      server.api.baseUrl,
      `query { agencies(planSlug: "${PLAN}", first: 100) { nodes { id slug } } }`,
    );
    const agencies = data.agencies.nodes as { id: string; slug: string }[];
    const agency = agencies.find((a) => a.slug === 'digitaliseringsstyrelsen')!;
    expect(await page.$$eval('#progress-agency option', (options) => options.length)).toBe(
      agencies.length + 1,
    );
    await page.selectOption('#progress-agency', agency.id);
    expect(await page.getAttribute('#progress-template-link', 'href')).toBe(
      `/api/plans/${PLAN}/progress-template.xlsx?agency=${agency.id}&lang=en`,
    );
    // The choice outlives a change of language.
    await page.click('#lang-switch a');
    await waitForRendered(page, '/admin/import?lang=da');
    expect(await page.inputValue('#progress-agency')).toBe(agency.id);
    expect(await page.getAttribute('#progress-template-link', 'href')).toBe(
      `/api/plans/${PLAN}/progress-template.xlsx?agency=${agency.id}&lang=da`,
    );
  });

  // ---- Against the import routes themselves ----

  it("lists the problems of an invalid plan file at their JSON paths, in the reader's language", async () => {
    const page = await adminPage('/admin/import?lang=en');
    await page.setInputFiles('#plan-file', jsonFile('invalid-plan.json', INVALID_PLAN));
    await page.click('#plan-import-check');
    await page.waitForSelector('#plan-import-outcome-details:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'plan-import-outcome-details',
    );
    const rows = await tableRows(page, '#plan-import-outcome-details');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some(([path]) => path.includes('slug'))).toBe(true);
    expect(await page.textContent('#plan-import-outcome-alert')).toBe(
      `The file cannot be imported: ${rows.length} problems. Nothing has changed.`,
    );
    // Said again in Danish; the file is still chosen.
    await page.click('#lang-switch a');
    await waitForRendered(page, '/admin/import?lang=da');
    expect(await page.textContent('#plan-import-outcome-details h3')).toBe(
      `Fundne problemer: ${rows.length}`,
    );
    expect(await chosenFiles(page, 'plan-file')).toEqual(['invalid-plan.json']);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("checks, then imports a plan file (Denmark's plan under another key) and links to the new plan", async () => {
    const base = server.api.baseUrl;
    const exported = await download(base, `/api/plans/${PLAN}/export.json`, adminHeaders);
    expect(exported.status).toBe(200);
    const file = JSON.parse(exported.body.toString('utf8')) as {
      plan: { slug: string };
      commitments: { ogpId: string; milestones: unknown[] }[];
      themes: unknown[];
    };
    // A commitment's OGP id is unique across plans: the copy's are moved to an unused range (DK00xx to DK90xx).
    file.plan.slug = 'dk-2017-2019-copy';
    for (const commitment of file.commitments) {
      commitment.ogpId = commitment.ogpId.replace(/^DK00/, 'DK90');
    }
    const page = await adminPage('/admin/import?lang=en');
    await page.setInputFiles('#plan-file', jsonFile('copy.json', JSON.stringify(file)));
    await page.click('#plan-import-check');
    await page.waitForSelector('#plan-import-apply:not([hidden])');
    const figures = await page.$$eval('#plan-import-outcome-details dd', (dds) =>
      dds.map((dd) => dd.textContent),
    );
    expect(figures.slice(0, 4)).toEqual([
      'dk-2017-2019-copy',
      String(file.themes.length),
      String(file.commitments.length),
      String(file.commitments.reduce((sum, c) => sum + c.milestones.length, 0)),
    ]);
    // A dry run changes nothing.
    expect((await fetch(`${base}/api/plans/dk-2017-2019-copy/export.json`)).status).toBe(404);
    await page.click('#plan-import-apply');
    await page.waitForSelector('#imported-plan-link');
    expect(await page.textContent('#plan-import-outcome-status')).toBe(
      'The plan dk-2017-2019-copy is imported.',
    );
    await page.click('#imported-plan-link');
    await waitForRendered(page, '/plans/dk-2017-2019-copy');
    expect(await page.textContent('h1')).toBeTruthy();
  });

  it("lists the row problems of the plan's own template filled in wrongly, and changes nothing", async () => {
    const base = server.api.baseUrl;
    const before = await versions();
    const page = await adminPage('/admin/import?lang=en');
    // The template the page links to, fetched with the administrator's cookie.
    const href = (await page.getAttribute('#progress-template-link', 'href'))!;
    const template = await download(base, href, adminHeaders);
    expect(template.status).toBe(200);
    const workbook = await loadXlsx(template.body);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map((value) =>
      typeof value === 'string' ? value : '',
    );
    // The column to fill in (beside it, the current status is for reference only).
    const statusColumn = header.indexOf('New status');
    expect(statusColumn).toBeGreaterThan(0);
    expect(sheet.rowCount).toBeGreaterThan(1);
    sheet.getRow(2).getCell(statusColumn).value = 'NOT_A_STATUS';
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.setInputFiles('#progress-file', {
      name: 'progress.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.click('#progress-import-check');
    await page.waitForSelector('#progress-import-outcome-details:not([hidden])');
    const rows = await tableRows(page, '#progress-import-outcome-details');
    expect(rows.map(([row]) => row)).toContain('2');
    expect(await page.isVisible('#progress-import-apply')).toBe(false);
    expect(await chosenFiles(page, 'progress-file')).toEqual(['progress.xlsx']);
    expect(await axeViolations(page)).toEqual([]);
    expect(await versions()).toEqual(before);
  });

  it('applies a filled-in template of one agency after its dry run, and says so', async () => {
    const base = server.api.baseUrl;
    const agencies = (
      await apiData(
        base,
        `query { agencies(planSlug: "${PLAN}", first: 100) { nodes { id slug } } }`,
      )
    ).agencies.nodes as { id: string; slug: string }[];
    const agency = agencies.find((a) => a.slug === 'digitaliseringsstyrelsen')!;
    const led = await apiData(
      base,
      `query { commitments(planSlug: "${PLAN}", filter: { agencySlug: "${agency.slug}" }, first: 100) {
        nodes { leadAgency { slug } milestones { id version status } } } }`,
      {},
      adminHeaders,
    );
    const milestones = (
      led.commitments.nodes as {
        leadAgency: { slug: string };
        milestones: { id: string; version: number; status: string | null }[];
      }[]
    )
      .filter((c) => c.leadAgency.slug === agency.slug)
      .flatMap((c) => c.milestones);
    // One that may move on (a completed one would need reopening first).
    const target = milestones.find((m) => m.status !== 'COMPLETED')!;
    expect(target).toBeDefined();

    const page = await adminPage('/admin/import?lang=en');
    await page.selectOption('#progress-agency', agency.id);
    const href = (await page.getAttribute('#progress-template-link', 'href'))!;
    const template = await download(base, href, adminHeaders);
    expect(template.status).toBe(200);
    const xlsx = { name: 'progress.xlsx', mimeType: XLSX };

    // The template as it comes fills in nothing: the page says so, and offers nothing to apply.
    await page.setInputFiles('#progress-file', { ...xlsx, buffer: template.body });
    await page.click('#progress-import-check');
    await page.waitForSelector('#progress-import-outcome-status:has-text("nothing")');
    expect(await page.textContent('#progress-import-outcome-status')).toContain(
      'No row has anything filled in: nothing was applied',
    );
    expect(await page.isVisible('#progress-import-apply')).toBe(false);

    // One row filled in: checked, then applied.
    const workbook = await loadXlsx(template.body);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map((value) =>
      typeof value === 'string' ? value : '',
    );
    sheet.eachRow((row, number) => {
      if (number === 1 || row.getCell(header.indexOf('Milestone id')).value !== target.id) return;
      row.getCell(header.indexOf('New status')).value = 'IN_PROGRESS';
      row.getCell(header.indexOf('New percent')).value = 75;
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.setInputFiles('#progress-file', { ...xlsx, buffer });
    await page.click('#progress-import-check');
    await page.waitForSelector('#progress-import-apply:not([hidden])');
    expect(await page.textContent('#progress-import-outcome-status')).toMatch(
      /^Rows checked: 1\. No problems: the file can be applied\./,
    );
    expect(await versionOf(target.id)).toBe(target.version);
    await page.click('#progress-import-apply');
    await page.waitForSelector('#progress-import-outcome-status:has-text("recorded")');
    expect(await page.textContent('#progress-import-outcome-status')).toMatch(
      /^The progress is applied\. Status updates recorded: 1\./,
    );
    expect(await page.isVisible('#progress-import-apply')).toBe(false);
    expect(await versionOf(target.id)).toBe(target.version + 1);
  });
});
