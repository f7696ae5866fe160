import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@ogp/common';
import type { Download, Page } from 'playwright-core';
import { apiData, csvRows, loadXlsx, sheetRows } from '../utils/exports';
import { signIn } from '../utils/users';
import {
  axeViolations,
  newPage,
  PLAN,
  SCREENSHOTS,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

/* The "Download" panel of a plan's pages: the plan's exports in a language and as of a day, fetched by the browser. */

const PAST = '2019-06-30';

/** Presses or clicks what starts a download, and waits for the file. */
async function downloadBy(page: Page, start: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  expect(path).toBeTruthy();
  return readFileSync(path);
}

describe('dashboard in a browser: the download panel', () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard();
  });

  afterAll(async () => {
    await server?.close();
  });

  it("downloads the XLSX of Denmark's plan as of the page's day, in its language, from the keyboard", async () => {
    const { context, page } = await newPage(server);
    const base = server.api.baseUrl;
    const path = `/plans/${PLAN}?asOf=${PAST}&lang=en`;
    await page.goto(`${base}${path}`);
    await waitForRendered(page, `/plans/${PLAN}`);
    // The panel starts from the page: its language and its day.
    expect(await page.textContent('#downloads-heading')).toBe('Download');
    expect(await page.inputValue('#download-lang')).toBe('en');
    expect(await page.inputValue('#download-as-of')).toBe(PAST);
    expect(await page.isChecked('#download-format-csv')).toBe(true);
    expect(await page.isVisible('#download-bom')).toBe(true);

    // The arrow keys move through the formats; Tab goes on to the language, the day, then the download.
    await page.focus('#download-format-csv');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#download-format-xlsx')).toBe(true);
    // The byte order mark is for CSV only.
    expect(await page.isVisible('#download-bom')).toBe(false);
    // (Tab steps through the date's own parts on its way.)
    const focused: string[] = [];
    for (let i = 0; i < 8 && focused.at(-1) !== 'download-link'; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect([...new Set(focused)]).toEqual(['download-lang', 'download-as-of', 'download-link']);
    expect(await page.textContent('#download-link')).toBe('Download XLSX');
    const download = await downloadBy(page, () => page.keyboard.press('Enter'));
    expect(download.url()).toBe(`${base}/api/plans/${PLAN}/export.xlsx?lang=en&asOf=${PAST}`);
    expect(download.suggestedFilename()).toBe(`${PLAN}-${PAST}-en.xlsx`);
    const workbook = await loadXlsx(await bytesOf(download));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Summary', 'Commitments', 'Milestones']),
    );
    // Every milestone of the plan, each as of the page's day.
    const milestones = sheetRows(workbook.getWorksheet('Milestones')!);
    const plan = await apiData(
      base,
      `query { commitments(planSlug: "${PLAN}", first: 100) { nodes { milestones { id } } } }`,
    );
    const count = (plan.commitments.nodes as { milestones: unknown[] }[]).reduce(
      (sum, commitment) => sum + commitment.milestones.length,
      0,
    );
    expect(milestones).toHaveLength(count);
    // The summary names the plan and the day.
    const summary = new Map(
      sheetRows(workbook.getWorksheet('Summary')!).map((row) => {
        const value = row.Value;
        return [String(row.Item), value instanceof Date ? value.toISOString().slice(0, 10) : value];
      }),
    );
    expect(summary.get('Slug')).toBe(PLAN);
    expect(summary.get('As of')).toBe(PAST);
    // The page is still there: a download does not navigate.
    expect(new URL(page.url()).pathname).toBe(`/plans/${PLAN}`);
    await context.close();
  });

  it('downloads the CSV with a byte order mark for Excel, and the plan file in another language', async () => {
    const { context, page } = await newPage(server);
    const base = server.api.baseUrl;
    await page.goto(`${base}/plans/${PLAN}?asOf=${PAST}&lang=en`);
    await waitForRendered(page, `/plans/${PLAN}`);
    await page.check('#download-bom');
    const csv = await downloadBy(page, () => page.click('#download-link'));
    expect(csv.url()).toBe(`${base}/api/plans/${PLAN}/export.csv?lang=en&asOf=${PAST}&bom=1`);
    const bytes = await bytesOf(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = bytes.subarray(3).toString('utf8').split('\r\n')[0];
    expect(header.startsWith('OGP ID,No.,Commitment,Theme,Lead agency')).toBe(true);
    const rows = csvRows(bytes);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]['OGP ID']).toMatch(/^DK\d{4}$/);
    expect(rows[0]['As of']).toBe(PAST);
    expect(rows[0]['Action plan']).toBe(PLAN);

    // The IRM CSV, today's state: the day emptied, the box still ticked.
    await page.check('#download-format-irm-csv');
    await page.fill('#download-as-of', '');
    expect(await page.getAttribute('#download-link', 'href')).toBe(
      `/api/plans/${PLAN}/export.irm.csv?lang=en&bom=1`,
    );

    // The plan file in Danish; a plan file has no byte order mark to offer.
    await page.check('#download-format-json');
    await page.selectOption('#download-lang', 'da');
    await page.fill('#download-as-of', PAST);
    expect(await page.isVisible('#download-bom')).toBe(false);
    expect(await page.textContent('#download-link')).toBe('Download JSON');
    const json = await downloadBy(page, () => page.click('#download-link'));
    expect(json.url()).toBe(`${base}/api/plans/${PLAN}/export.json?lang=da&asOf=${PAST}`);
    const file = JSON.parse((await bytesOf(json)).toString('utf8')) as {
      plan: { slug: string };
      export: { asOf: string };
    };
    expect(file.plan.slug).toBe(PLAN);
    expect(file.export.asOf).toBe(PAST);
    await context.close();
  });

  it('offers every format, each said in both languages, with the routes of the PDF and DOCX', async () => {
    const { context, page } = await newPage(server);
    const base = server.api.baseUrl;
    for (const lang of ['da', 'en']) {
      await page.goto(`${base}/plans/${PLAN}/themes/open_data?lang=${lang}`);
      await waitForRendered(page, `/plans/${PLAN}/themes/open_data`);
      const formats = await page.$$eval('#download-format .download-format', (options) =>
        options.map((option) => ({
          value: option.querySelector('input')!.value,
          label: option.querySelector('label')!.textContent,
          hint: option.querySelector('.field-hint')!.textContent,
        })),
      );
      expect(formats.map((format) => format.value)).toEqual([
        'csv',
        'irm.csv',
        'xlsx',
        'json',
        'pdf',
        'docx',
      ]);
      for (const format of formats) {
        expect([format.value, !!format.label, (format.hint ?? '').length > 20]).toEqual([
          format.value,
          true,
          true,
        ]);
      }
      expect(await page.textContent('#downloads-heading')).toBe(
        lang === 'da' ? 'Hent data' : 'Download',
      );
    }
    // Today's state on a page without a day: no asOf.
    await page.check('#download-format-pdf');
    expect(await page.getAttribute('#download-link', 'href')).toBe(
      `/api/plans/${PLAN}/export.pdf?lang=en`,
    );
    await page.check('#download-format-docx');
    expect(await page.getAttribute('#download-link', 'href')).toBe(
      `/api/plans/${PLAN}/export.docx?lang=en`,
    );
    // The self-assessment draft arrives as a Word file (a ZIP package).
    const docx = await downloadBy(page, () => page.click('#download-link'));
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await bytesOf(docx);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    // A commitment's page offers its plan's files.
    await page.goto(`${base}/commitments/DK0052?lang=en&asOf=${PAST}`);
    await waitForRendered(page, '/commitments/DK0052');
    expect(await page.getAttribute('#download-link', 'href')).toBe(
      `/api/plans/${PLAN}/export.csv?lang=en&asOf=${PAST}`,
    );
    await context.close();
  });

  it('says a day in the future at its field instead of downloading', async () => {
    const { context, page } = await newPage(server);
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=en`);
    await waitForRendered(page, `/plans/${PLAN}`);
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('#download-as-of', next);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.click('#download-link');
    await page.waitForSelector('#download-as-of[aria-invalid="true"]');
    expect(await page.textContent('#download-as-of-error')).toBe(
      'The date cannot be in the future.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('download-as-of');
    expect(downloads).toBe(0);
    await page.fill('#download-as-of', PAST);
    expect(await page.getAttribute('#download-as-of', 'aria-invalid')).toBeNull();
    await context.close();
  });

  it('is axe-clean in Danish and English, and a signed-in reader is told the file follows the sign-in', async () => {
    const reviewer = await server.createUser([Role.REVIEWER]);
    const { context, page } = await newPage(server);
    await signInContext(context, server.api.baseUrl, reviewer);
    for (const lang of ['da', 'en']) {
      await page.goto(`${server.api.baseUrl}/plans/${PLAN}?asOf=${PAST}&lang=${lang}`);
      await waitForRendered(page, `/plans/${PLAN}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.check('#download-format-xlsx');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.textContent('#download-note')).toMatch(
        lang === 'da' ? /logget ind som bedømmer/ : /signed in as a reviewer/,
      );
    }
    await page.locator('#downloads').screenshot({ path: join(SCREENSHOTS, 'download-panel.png') });
    await context.close();
  });

  it("downloads with the reader's sign-in: a plan only the signed-in may read comes, and is refused without it", async () => {
    const [admin, reviewer] = await Promise.all([
      server.createUser([Role.ADMIN]),
      server.createUser([Role.REVIEWER]),
    ]);
    const base = server.api.baseUrl;
    const slug = 'dk-draft-download';
    await apiData(
      base,
      `mutation ($input: CreateActionPlanInput!) { createActionPlan(input: $input) { slug } }`,
      { input: { slug, countryCode: 'DK', title: { da: 'Udkast', en: 'Draft' } } },
      await signIn(base, admin),
    );
    const { context, page } = await newPage(server);
    await signInContext(context, base, reviewer);
    await page.goto(`${base}/plans/${slug}?lang=en`);
    await waitForRendered(page, `/plans/${slug}`);
    const download = await downloadBy(page, () => page.click('#download-link'));
    expect(download.url()).toBe(`${base}/api/plans/${slug}/export.csv?lang=en`);
    const text = (await bytesOf(download)).toString('utf8');
    expect(text.startsWith('OGP ID,No.,Commitment')).toBe(true);
    // The same address without the cookie: the plan is not there for the public.
    expect((await fetch(download.url())).status).toBe(404);
    await context.close();
  });
});
