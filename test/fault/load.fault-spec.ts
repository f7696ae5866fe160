import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PoolGuard } from '@ogp/core';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { startTestApp, type TestApp } from '../utils/test-app';
import { DASHBOARD_QUERY } from '../../apps/dashboard/src/api/dashboard';

/*
 * 1,000 anonymous visitors open the dashboard at the same moment. The server must stay responsive (a new
 * request is answered in under a second), refuse what it cannot queue with 503 instead of queueing without
 * end, and stop working for visitors who have gone away.
 */

const VISITORS = 1000;
const execFileAsync = promisify(execFile);

/**
 * The visitors run in a process of their own, so their 1,000 sockets do not share the server's event loop,
 * and so killing that process drops every socket at once, mid-flight. One JSON line per answer.
 */
const VISITOR_SCRIPT = `
const http = require('node:http');
const [url, count, body] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
for (let i = 0; i < Number(count); i++) {
  const started = Date.now();
  const req = http.request(url, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => {
      let code = null;
      let data = false;
      try {
        const parsed = JSON.parse(text);
        code = parsed.errors?.[0]?.extensions?.code ?? null;
        data = Boolean(parsed.data?.dashboard);
      } catch {}
      process.stdout.write(JSON.stringify({
        status: res.statusCode, code, data, retryAfter: res.headers['retry-after'] ?? null,
        ms: Date.now() - started,
      }) + '\\n');
    });
  });
  req.on('error', (error) => process.stdout.write(JSON.stringify({ error: error.code }) + '\\n'));
  req.end(body);
}
process.stdout.write(JSON.stringify({ sent: true }) + '\\n');
`;

interface Answer {
  status?: number;
  code?: string | null;
  data?: boolean;
  retryAfter?: string | null;
  ms?: number;
  error?: string;
  sent?: boolean;
}

function startVisitors(url: string, count: number) {
  const child = spawn(
    process.execPath,
    [
      '-e',
      VISITOR_SCRIPT,
      `${url}/graphql`,
      String(count),
      JSON.stringify({
        query: DASHBOARD_QUERY,
        variables: { planSlug: 'dk-2017-2019', asOf: null, locale: 'en' },
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const answers: Answer[] = [];
  let sent = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as Answer;
    if (answer.sent) sent = true;
    else answers.push(answer);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, answers, exited, isSent: () => sent };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

/**
 * One request from a new visitor, sent from a process of its own: timed there, so the figure is what a visitor
 * waits, not also the time this test process (which hosts the server) takes to get round to its own client.
 */
async function fromOutside(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ ms: number; status: number; retryAfter: string | null; text: string }> {
  const script = `
    const [url, init] = [process.argv[1], JSON.parse(process.argv[2])];
    const started = performance.now();
    fetch(url, { ...init, signal: AbortSignal.timeout(60000) }).then(async (response) => {
      const text = await response.text();
      process.stdout.write(JSON.stringify({
        ms: Math.round(performance.now() - started), status: response.status,
        retryAfter: response.headers.get('retry-after'), text,
      }));
    });
  `;
  const { stdout } = await execFileAsync(process.execPath, [
    '-e',
    script,
    url,
    JSON.stringify(init),
  ]);
  return JSON.parse(stdout) as {
    ms: number;
    status: number;
    retryAfter: string | null;
    text: string;
  };
}

describe('1,000 concurrent anonymous dashboard requests', () => {
  let db: TestDatabase;
  let api: TestApp;
  let visitors: { child: ChildProcess; answers: Answer[]; exited: Promise<void> } | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
  }, 120_000);

  afterAll(async () => {
    visitors?.child.kill('SIGKILL');
    await visitors?.exited;
    await api?.close();
    await db?.drop();
  });

  /** Statements the app is running in its own database right now. */
  async function activeStatements(): Promise<string[]> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = await client.query<{ query: string }>(
        `SELECT query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND application_name = 'ogp-tracker' AND state <> 'idle'`,
      );
      return rows.rows.map((row) => row.query);
    } finally {
      await client.end();
    }
  }

  /** Acquisitions waiting for a pool connection (the guard's queue and pg's own) and connections out. */
  function poolUse(): { waiting: number; inUse: number } {
    const guard = api.app.get(PoolGuard);
    const driver = api.app.get(DataSource).driver as unknown as {
      master: { waitingCount: number };
    };
    return { waiting: guard.waitingCount + driver.master.waitingCount, inUse: guard.inUseCount };
  }

  it('keeps answering new requests, refuses the excess with 503, and stops work for clients that left', async () => {
    const running = startVisitors(api.baseUrl, VISITORS);
    visitors = running;
    expect(await waitUntil(running.isSent, 30_000)).toBe(true);
    // Let the server take the burst in: most visitors answered (served or refused), the rest still running. The
    // server of old answered none of them for tens of seconds, so this waits at most 10 s.
    await waitUntil(() => running.answers.length >= VISITORS * 0.9, 10_000);

    // A new visitor gets an answer at once, with the burst still in the house: served, or refused with a
    // retry hint while the pool's queue is full; the health endpoints are never refused.
    const typename = await fromOutside(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const typenameBody = JSON.parse(typename.text) as {
      data?: { __typename: string };
      errors?: { extensions?: { code?: string } }[];
    };
    const health = await fromOutside(`${api.baseUrl}/healthz`);
    const ready = await fromOutside(`${api.baseUrl}/readyz`);
    const unfinished = VISITORS - running.answers.length;
    const times = running.answers.map((answer) => answer.ms ?? 0).sort((a, b) => a - b);
    console.info(
      `load: answer times min ${times[0]} median ${times[times.length >> 1]} max ${times.at(-1)} ms; ` +
        JSON.stringify(
          running.answers.reduce<Record<string, number>>((counts, answer) => {
            const key = `${answer.status ?? answer.error}`;
            counts[key] = (counts[key] ?? 0) + 1;
            return counts;
          }, {}),
        ),
    );
    console.info(
      `load: new request ${typename.ms} ms (${typename.status}), /healthz ${health.ms} ms, ` +
        `/readyz ${ready.ms} ms (${ready.status}); ${running.answers.length} of ${VISITORS} answered so far`,
    );
    expect(typename.ms).toBeLessThan(1000);
    if (typename.status === 200) {
      expect(typenameBody.data?.__typename).toBe('Query');
    } else {
      expect(typename.status).toBe(503);
      expect(typenameBody.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(typename.retryAfter).toMatch(/^\d+$/);
    }
    expect(health.ms).toBeLessThan(1000);
    expect(health.status).toBe(200);
    expect(ready.ms).toBeLessThan(1000);
    expect(ready.status).toBe(200);

    // Every visitor leaves at once, mid-flight.
    running.child.kill('SIGKILL');
    await running.exited;

    // The excess was refused at once with a retry hint, not queued; nothing failed as a bug.
    const answered = [...running.answers];
    const refused = answered.filter((answer) => answer.status === 503);
    const served = answered.filter((answer) => answer.status === 200 && answer.data);
    console.info(
      `load: ${served.length} served, ${refused.length} refused with 503, ` +
        `${answered.length - served.length - refused.length} other, ${unfinished} unfinished at the extra request`,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(
      refused.filter((answer) => answer.code !== 'SERVICE_UNAVAILABLE' || !answer.retryAfter),
    ).toEqual([]);
    expect(answered.filter((answer) => answer.status === 500 || answer.error)).toEqual([]);
    expect(
      answered.filter(
        (answer) =>
          answer.status !== 503 && !(answer.status === 200 && answer.data) && !answer.error,
      ),
    ).toEqual([]);

    // Within a short time nothing keeps running for the visitors who left.
    let active: string[];
    const deadline = Date.now() + 3000;
    do {
      active = await activeStatements();
      if (active.length === 0 && poolUse().waiting === 0 && poolUse().inUse === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    expect(active).toEqual([]);
    expect(poolUse()).toEqual({ waiting: 0, inUse: 0 });

    // And the next visitor is served: at once, or after the Retry-After the refusals named (the server may still
    // remember the storm for a moment), as a client that honours it would be.
    const visit = () =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: DASHBOARD_QUERY,
          variables: { planSlug: 'dk-2017-2019', asOf: null, locale: 'en' },
        }),
      });
    let after = await visit();
    if (after.status === 503) {
      const wait = Number(after.headers.get('retry-after') ?? 1);
      expect(wait).toBeLessThanOrEqual(5);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      after = await visit();
    }
    expect(after.status).toBe(200);
  }, 180_000);
});
