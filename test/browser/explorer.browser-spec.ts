import type { Page } from 'playwright-core';
import { newPage, PLAN, screenshot, startDashboard, type DashboardServer } from './support/browser';

const QUERY = '{ actionPlans { nodes { slug } } }';

/** Lets the page reach the app's own host only: every other request is aborted, and noted. */
async function offline(page: Page, baseUrl: string): Promise<string[]> {
  const host = new URL(baseUrl).host;
  const blocked: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host === host || url.protocol === 'data:' || url.protocol === 'blob:') {
      await route.continue();
    } else {
      blocked.push(url.href);
      await route.abort('internetdisconnected');
    }
  });
  return blocked;
}

describe('the GraphQL explorer in a browser, without the internet', () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('opens at /graphql from the app alone, and runs a typed query against /graphql', async () => {
    const { context, page } = await newPage(server);
    const blocked = await offline(page, server.api.baseUrl);
    const posts: { contentType: string | undefined; body: string | null }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
        posts.push({ contentType: request.headers()['content-type'], body: request.postData() });
      }
    });

    const response = await page.goto(`${server.api.baseUrl}/graphql`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toMatch(/GraphQL explorer/);
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    // The default query is there; replace it with one of our own, typed as a visitor would.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(QUERY);
    await page.locator('.graphiql-execute-button').click();

    const result = page.locator('.result-window');
    await result.getByText(`"${PLAN}"`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'graphql-explorer');
    expect(posts.length).toBeGreaterThan(0);
    const sent = posts.at(-1)!;
    expect(sent.contentType).toBe('application/json');
    expect(JSON.parse(sent.body ?? '{}')).toMatchObject({ query: QUERY });
    // GraphiQL read the schema for its docs and completion: introspection passes the depth limit.
    expect(posts.some((post) => post.body?.includes('__schema'))).toBe(true);
    // Nothing was fetched from elsewhere: no CDN, no fonts, no telemetry.
    expect(blocked).toEqual([]);
    await context.close();
  }, 90_000);

  it('leaves a GraphQL GET from a client asking for JSON to the API', async () => {
    const json = await fetch(
      `${server.api.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      },
    );
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
