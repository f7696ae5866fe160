import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { PLAN, startDashboard, waitForRendered, type DashboardServer } from './support/browser';

// Charts read from the keyboard, and their tables downloaded as CSV: what a reader without a mouse, or with a
// spreadsheet, gets from the same figures.

/** A table's cells row by row (header row first), as the reader sees them. */
const tableCells = (page: Page, selector: string): Promise<string[][]> =>
  page.$eval(selector, (table) =>
    [...(table as HTMLTableElement).rows].map((row) =>
      [...row.cells].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );

/** RFC 4180 read back: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Tabs until the element matching `selector` has the focus (as a keyboard user reaches it). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const announced = (page: Page, section: string) =>
  page.$eval(`#${section} .chart-point`, (live) => live.textContent ?? '');

describe('dashboard in a browser: charts for the keyboard, tables as CSV', () => {
  let server: DashboardServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startDashboard();
    context = await server.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('moves through the theme chart point by point with the arrow keys, saying each as the table has it', async () => {
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=da`);
    await waitForRendered(page, `/plans/${PLAN}`);
    const canvas = page.locator('#by-theme canvas');
    const label = (await canvas.getAttribute('aria-label')) ?? '';
    expect(label).toContain('Brug piletasterne');
    expect(await page.getAttribute('#by-theme .chart-point', 'aria-live')).toBe('polite');

    await tabTo(page, '#by-theme canvas');
    // The focus shows: a ring around the chart.
    const ring = await canvas.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);

    // The table: a header row (theme, then the completion levels), then a row per theme.
    const [header, ...rows] = await tableCells(page, '#by-theme table');
    const levels = header.slice(1);
    const count = rows.length * levels.length;
    expect(count).toBeGreaterThan(levels.length);
    const expected = (row: number, level: number) =>
      `${rows[row][0]}, ${levels[level]}: ${rows[row][level + 1]} (punkt ${row * levels.length + level + 1} af ${count})`;

    // Point by point through the first two themes, each level of each.
    for (let i = 0; i < levels.length * 2; i++) {
      await page.keyboard.press('ArrowRight');
      const row = Math.floor(i / levels.length);
      expect(await announced(page, 'by-theme')).toBe(expected(row, i % levels.length));
    }
    await page.keyboard.press('ArrowLeft');
    expect(await announced(page, 'by-theme')).toBe(expected(1, levels.length - 2));
    await page.keyboard.press('End');
    expect(await announced(page, 'by-theme')).toBe(expected(rows.length - 1, levels.length - 1));
    // Past the last point it stays there.
    await page.keyboard.press('ArrowRight');
    expect(await announced(page, 'by-theme')).toBe(expected(rows.length - 1, levels.length - 1));
    await page.keyboard.press('Home');
    expect(await announced(page, 'by-theme')).toBe(expected(0, 0));
  });

  it('says each agency\'s percent, or "No data", as its table row does', async () => {
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}?lang=en`);
    await waitForRendered(page, `/plans/${PLAN}`);
    const [, ...rows] = await tableCells(page, '#by-agency table');
    await page.focus('#by-agency canvas');
    const said: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      await page.keyboard.press('ArrowRight');
      said.push(await announced(page, 'by-agency'));
    }
    // One point per agency, in the table's order; where the table says "No data", so does the chart.
    rows.forEach((row, i) => {
      expect(said[i]).toMatch(new RegExp(`\\(point ${i + 1} of ${rows.length}\\)$`));
      if (row[1] === 'No data') expect(said[i]).toContain(': No data (point');
      else expect(said[i]).toContain(row[1].replace(/\s*%$/, ''));
    });
  });

  it('reads the milestone timeline from the keyboard with its periods in words', async () => {
    await page.goto(`${server.api.baseUrl}/commitments/DK0051?lang=en`);
    await waitForRendered(page, '/commitments/DK0051');
    await page.focus('#milestone-timeline canvas');
    await page.keyboard.press('ArrowRight');
    const first = await announced(page, 'milestone-timeline');
    const [header, ...rows] = await tableCells(page, '#milestone-timeline table');
    // The first milestone's planned period, as the tooltip says it.
    expect(first).toContain(rows[0][0]);
    expect(first).toMatch(/, Planned: .+ – .+ \(point 1 of \d+\)$/);
    // A milestone not yet begun has no actual bar: its point says "No data", as its table row does.
    const actualStart = header.indexOf('Actual start');
    const unstarted = rows.findIndex((row) => row[actualStart] === 'No data');
    expect(unstarted).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Home');
    for (let i = 0; i < unstarted * 2 + 1; i++) await page.keyboard.press('ArrowRight');
    const said = await announced(page, 'milestone-timeline');
    expect(said).toContain(rows[unstarted][0].replace(/^\d+\. /, ''));
    expect(said).toMatch(
      new RegExp(`, Actual: No data \\(point ${unstarted * 2 + 2} of ${rows.length * 2}\\)$`),
    );
  });

  it.each([
    ['the overview', `/plans/${PLAN}`, 'by-theme', 'da'],
    ['the overview', `/plans/${PLAN}`, 'by-agency', 'en'],
    ['a theme', `/plans/${PLAN}/themes/open_data`, 'theme-commitments', 'da'],
    ['a commitment', '/commitments/DK0051', 'milestone-timeline', 'da'],
  ])(
    'downloads the table of %s (%s, %s) as a CSV of exactly its cells',
    async (_name, path, section, lang) => {
      await page.goto(`${server.api.baseUrl}${path}?lang=${lang}`);
      await waitForRendered(page, path);
      const link = page.locator(`#${section} a.csv-download`);
      // Named by what it does and, for screen readers, by the table's caption.
      const caption = await page.textContent(`#${section} caption`);
      expect(await link.textContent()).toBe(
        `${lang === 'da' ? 'Hent tabellen som CSV' : 'Download the table as CSV'}: ${caption}`,
      );
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.csv$/);
      const text = await readFile(await download.path(), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const cells = await tableCells(page, `#${section} table`);
      expect(cells.length).toBeGreaterThan(1);
      expect(parseCsv(text.slice(1))).toEqual(cells);
    },
  );
});
