import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@ogp/common';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../utils/database';
import { startTestApp, type TestApp } from '../../utils/test-app';
import { createTestUser, signIn, type TestUser } from '../../utils/users';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureDashboardBuilt } = require('../../../scripts/lib/built') as {
  ensureDashboardBuilt: (outDir?: string) => void;
};

// TEST_DASHBOARD_DIR: test a build of one's own, so parallel runs do not rebuild each other's folder.
const DASHBOARD_DIR = process.env.TEST_DASHBOARD_DIR;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, CHROMIUM_FLAGS } = require('../../../scripts/lib/chromium') as {
  CHROMIUM: string;
  CHROMIUM_FLAGS: string[];
};

/** Screenshots of each page land here (CI keeps them as the run's output). */
export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'browser');

export const PLAN = 'dk-2017-2019';

/** The built dashboard served by the real API on a database of its own, with Denmark's plan loaded. */
export interface DashboardServer {
  db: TestDatabase;
  api: TestApp;
  dataSource: DataSource;
  browser: Browser;
  /** A user made in the database, as `npm run user:create` does. */
  createUser(
    roles: Role[],
    options?: { agencySlugs?: string[]; displayName?: string },
  ): Promise<TestUser>;
  close(): Promise<void>;
}

export async function startDashboard(): Promise<DashboardServer> {
  ensureDashboardBuilt(DASHBOARD_DIR);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db = await createTestDatabase({ migrate: false });
  const api = await startTestApp({ databaseUrl: db.url, dashboardDir: DASHBOARD_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const dataSource = api.app.get(DataSource);
  return {
    db,
    api,
    dataSource,
    browser,
    createUser: (roles, options = {}) => createTestUser(dataSource, { roles, ...options }),
    close: async () => {
      await browser.close();
      await api.close();
      await db.drop();
    },
  };
}

/** A fresh browser context (its own cookies and storage) and one page in it. */
export async function newPage(
  server: DashboardServer,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await server.browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Signs in over the API and gives the context the session cookie (for tests that are not about signing in). */
export async function signInContext(
  context: BrowserContext,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<void> {
  const headers = await signIn(baseUrl, user);
  const [name, value] = headers.cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl }]);
}

/**
 * Waits until the app has rendered `path` (pathname plus query, as the URL now reads; any query when `path` has
 * none) and nothing is loading.
 */
export async function waitForRendered(page: Page, path?: string): Promise<void> {
  await page.waitForFunction((expected) => {
    const rendered = document.body.dataset.rendered;
    if (!rendered || document.getElementById('main')?.hasAttribute('aria-busy')) return false;
    if (!expected) return true;
    return expected.includes('?') ? rendered === expected : rendered.split('?')[0] === expected;
  }, path);
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA findings on the page as it is now ([] is the goal). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((violation: any) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node: any) => node.target.join(' ')),
    }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
