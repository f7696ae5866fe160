import { Role } from '@ogp/common';
import type { Page } from 'playwright-core';
import { graphql } from '../utils/graphql-client';
import {
  axeViolations,
  newPage,
  screenshot,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

// The report form's evidence rows: none is dropped, each says beside it what it lacks, in both languages.

const COMMITMENT = 'DK0051';

describe('dashboard in a browser: evidence rows of a progress report', () => {
  let server: DashboardServer;
  let page: Page;
  let milestoneId: string;
  let reportPath: string;

  async function versionOf(): Promise<number> {
    const answer = await graphql<{ commitment: { milestones: { id: string; version: number }[] } }>(
      server.api.baseUrl,
      'query ($ogpId: String!) { commitment(ogpId: $ogpId) { milestones { id version } } }',
      { ogpId: COMMITMENT },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.commitment.milestones.find((m) => m.id === milestoneId)!.version;
  }

  async function summaryFocused(): Promise<boolean> {
    return page.evaluate(() => document.activeElement?.id === 'report-errors');
  }

  async function switchLanguage(to: 'da' | 'en'): Promise<void> {
    await page.click('#lang-switch a');
    await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
    await page.waitForFunction(
      (expected) =>
        !!document.body.dataset.rendered?.includes(expected) &&
        !document.getElementById('main')?.hasAttribute('aria-busy'),
      `lang=${to}`,
    );
  }

  beforeAll(async () => {
    server = await startDashboard();
    const answer = await graphql<{
      commitment: { leadAgency: { slug: string }; milestones: { id: string }[] };
    }>(
      server.api.baseUrl,
      'query ($ogpId: String!) { commitment(ogpId: $ogpId) { leadAgency { slug } milestones { id } } }',
      { ogpId: COMMITMENT },
    );
    const { leadAgency, milestones } = answer.data!.commitment;
    milestoneId = milestones[0].id;
    reportPath = `/commitments/${COMMITMENT}/milestones/${milestoneId}/report`;
    const coordinator = await server.createUser([Role.COORDINATOR], {
      agencySlugs: [leadAgency.slug],
    });
    const opened = await newPage(server);
    await signInContext(opened.context, server.api.baseUrl, coordinator);
    page = opened.page;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('keeps an empty or half-filled evidence row and says beside it what it lacks; completed needs a link', async () => {
    await page.goto(`${server.api.baseUrl}${reportPath}?lang=da`);
    await waitForRendered(page, reportPath);
    const before = await versionOf();
    await page.check('#status-COMPLETED');
    await page.fill('#note-da', 'Alle registre er udstillet.');
    await page.click('#add-evidence');
    await page.click('#add-evidence');
    const rowIds = () =>
      page.$$eval('.evidence-row', (rows) =>
        rows.map((row) => ({
          url: row.querySelector<HTMLInputElement>('input[name="evidence-url"]')!.id,
          title: row.querySelector<HTMLInputElement>('input[name="evidence-title"]')!.id,
        })),
      );
    const [empty, half] = await rowIds();
    // The first row left wholly empty, the second with an address and no title.
    await page.fill(`#${half.url}`, 'https://datafordeler.dk/');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-errors:not([hidden])');
    expect(await summaryFocused()).toBe(true);

    // Both rows are still there, with what was typed, and each says what it lacks.
    expect(await rowIds()).toEqual([empty, half]);
    expect(await page.inputValue(`#${half.url}`)).toBe('https://datafordeler.dk/');
    expect(await page.textContent(`#${empty.url}-error`)).toContain(
      'Skal udfyldes med en adresse, der begynder med https://',
    );
    expect(await page.textContent(`#${empty.title}-error`)).toContain('Skal udfyldes: 1 til');
    expect(await page.textContent(`#${half.title}-error`)).toContain('Skal udfyldes: 1 til');
    expect(await page.isVisible(`#${half.url}-error`)).toBe(false);
    for (const id of [empty.url, empty.title, half.title]) {
      expect(await page.getAttribute(`#${id}`, 'aria-invalid')).toBe('true');
    }
    const links = await page.$$eval('#report-errors a', (anchors) =>
      anchors.map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(
      expect.arrayContaining([`#${empty.url}`, `#${empty.title}`, `#${half.title}`]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-report-evidence-rows-da');
    await switchLanguage('en');
    expect(await page.textContent(`#${empty.url}-error`)).toContain(
      'Is required: an address beginning with https://',
    );
    expect(await page.textContent(`#${half.title}-error`)).toContain('Is required: 1 to');
    expect(await page.inputValue(`#${half.url}`)).toBe('https://datafordeler.dk/');
    expect(await versionOf()).toBe(before);

    // With no link at all, a completed milestone is refused, said at the links in the page's language.
    await page.click('.evidence-row button.remove-row');
    await page.click('.evidence-row button.remove-row');
    expect(await page.$$('.evidence-row')).toHaveLength(0);
    await page.click('#report-form button[type=submit]');
    await page.waitForFunction(() => !document.getElementById('evidence-error')?.hidden);
    expect(await page.textContent('#evidence-error')).toContain(
      'A completed milestone needs at least one link',
    );
    await switchLanguage('da');
    expect(await page.textContent('#evidence-error')).toContain(
      'En gennemført milepæl kræver mindst ét link',
    );
    expect(await page.inputValue('#note-da')).toBe('Alle registre er udstillet.');
    expect(await page.isChecked('#status-COMPLETED')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await versionOf()).toBe(before);
  });
});
