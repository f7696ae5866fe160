import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Request as BrowserRequest } from 'playwright-core';
import { Role } from '@ogp/common';
import { findDashboardDir } from '../../apps/api/src/configure-app';
import { graphql } from '../utils/graphql-client';
import {
  newPage,
  PLAN,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

/** The raw bytes and headers of a GET (no decompressing on the way). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The GraphQL requests a page made that asked for the plan's dashboard. */
function dashboardRequests(requests: BrowserRequest[]): BrowserRequest[] {
  return requests.filter((request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/graphql') return false;
    const text = request.method() === 'GET' ? url.search : (request.postData() ?? '');
    return decodeURIComponent(text).includes(`"planSlug":"${PLAN}"`);
  });
}

describe('public reads in a browser: GET persisted queries and cached assets', () => {
  let server: DashboardServer;

  beforeAll(async () => {
    server = await startDashboard();
  });

  afterAll(async () => {
    await server?.close();
  });

  it("loads the overview's data by GET with the query's hash, revalidated on the next visit", async () => {
    const { context, page } = await newPage(server);
    const requests: BrowserRequest[] = [];
    page.on('request', (request) => requests.push(request));
    const percentNow = async () => {
      const answer = await graphql(
        server.api.baseUrl,
        'query ($planSlug: String!) { dashboard(planSlug: $planSlug) { overall { percent } } }',
        { planSlug: PLAN },
      );
      return String(answer.data!.dashboard.overall.percent);
    };

    // The first visit: the hash is new to the API, so the query is sent once with it (POST), which registers it.
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}`);
    await waitForRendered(page);
    const first = dashboardRequests(requests);
    expect(first.map((request) => request.method())).toEqual(['GET', 'POST']);
    expect(new URL(first[0].url()).searchParams.get('extensions')).toMatch(
      /"sha256Hash":"[0-9a-f]{64}"/,
    );
    expect(await page.getAttribute('#overall-percent', 'data-value')).toBe(await percentNow());

    // The next visit: one GET by hash, answered with the cache's strong ETag.
    requests.length = 0;
    await page.reload();
    await waitForRendered(page);
    const [again, ...more] = dashboardRequests(requests);
    expect(more).toEqual([]);
    expect(again.method()).toBe('GET');
    const response = await again.response();
    expect([200, 304]).toContain(response!.status());
    expect((await response!.allHeaders()).etag).toMatch(/^"/);
    expect(await page.getAttribute('#overall-percent', 'data-value')).toBe(await percentNow());
    await context.close();
  });

  it("sends a signed-in user's reads by POST, never from the shared cache", async () => {
    const { context, page } = await newPage(server);
    await signInContext(context, server.api.baseUrl, await server.createUser([Role.REVIEWER]));
    const requests: BrowserRequest[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(`${server.api.baseUrl}/plans/${PLAN}`);
    await waitForRendered(page);
    // Once the session read has answered, the page's reads are POSTs.
    requests.length = 0;
    await page.reload();
    await waitForRendered(page);
    const reads = dashboardRequests(requests);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.map((request) => request.method())).toEqual(reads.map(() => 'POST'));
    await context.close();
  });

  it('serves a hashed asset as immutable, in brotli or gzip as the client accepts, else as is', async () => {
    const index = await (
      await fetch(`${server.api.baseUrl}/`, { headers: { accept: 'text/html' } })
    ).text();
    const path = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(path).toBeDefined();
    const dir = process.env.TEST_DASHBOARD_DIR ?? findDashboardDir()!;
    const original = readFileSync(join(dir, path!));
    const fetchAs = (encoding: string) =>
      rawGet(`${server.api.baseUrl}${path}`, { 'accept-encoding': encoding });
    const br = await fetchAs('gzip, deflate, br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.bytes).equals(original)).toBe(true);
    expect(br.bytes.length).toBeLessThan(original.length / 2);

    const gzip = await fetchAs('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.bytes).equals(original)).toBe(true);

    const plain = await fetchAs('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.bytes.equals(original)).toBe(true);
  });
});
