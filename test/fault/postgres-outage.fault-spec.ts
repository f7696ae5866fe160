import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { Role } from '@ogp/common';
import { DOMAIN_ENTITIES } from '@ogp/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, freePort } from '@ogp/core';
import { ALL_MIGRATIONS } from '../../migrations';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';
import { PostgresProcess } from './postgres-process';

/*
 * The app on a PostgreSQL of the test's own, under five writers and three readers, while that PostgreSQL is
 * stopped and started again, and frozen (SIGSTOP) and thawed. Clients must never be left hanging past the
 * deadlines, every refusal must say "try again" (503 SERVICE_UNAVAILABLE with Retry-After), no accepted update
 * may be lost or doubled, and the log must tell the story once instead of once per request.
 */

const PLAN = 'dk-2017-2019';
const REQUEST_TIMEOUT_MS = 4000;
const ENV = {
  DB_STATEMENT_TIMEOUT_MS: '1500',
  DB_ACQUIRE_TIMEOUT_MS: '1000',
  REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  DB_POOL_SIZE: '10',
};
// A request may take the request deadline, plus the time to write its answer on a busy machine.
const LONGEST_ANSWER_MS = REQUEST_TIMEOUT_MS + 3000;
// What the test waits before calling a request hung (the old code hung for the whole freeze).
const CLIENT_GIVES_UP_MS = 30_000;

const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { statusUpdate { id } milestone { version } }
}`;
const MILESTONES = `query ($ogpId: String!) { commitment(ogpId: $ogpId) { milestones { id version } } }`;
const DASHBOARD = `query { dashboard(planSlug: "${PLAN}") { overall { percent coverage completion } } }`;

interface Outcome {
  kind: 'write' | 'dashboard' | 'token' | 'session' | 'readyz';
  phase: string;
  status: number | 'hung' | 'network error';
  ms: number;
  codes: string[];
  messages: string[];
  retryAfterHeader: string | null;
  retryAfterSeconds: unknown[];
  data: Record<string, any> | null;
}

interface LogLine {
  level: string;
  message: string;
  extra: unknown[];
}

/** Collects what the app logs, through Nest's Logger and straight to the console. */
class CapturingLogger implements LoggerService {
  readonly lines: LogLine[] = [];
  log(message: unknown, ...extra: unknown[]) {
    this.lines.push({ level: 'log', message: String(message), extra });
  }
  error(message: unknown, ...extra: unknown[]) {
    this.lines.push({ level: 'error', message: String(message), extra });
  }
  warn(message: unknown, ...extra: unknown[]) {
    this.lines.push({ level: 'warn', message: String(message), extra });
  }
  debug() {}
  verbose() {}
}

function hasStackTrace(line: LogLine): boolean {
  return [line.message, ...line.extra].some(
    (part) =>
      (typeof part === 'string' && /\n\s+at /.test(part)) ||
      (part instanceof Error && part.stack !== undefined),
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL stopped, started, frozen and thawed under writers and readers', () => {
  let dir: string;
  let database: PostgresProcess;
  let databaseUrl: string;
  let api: TestApp;
  let logger: CapturingLogger;
  let bearer: Record<string, string>;
  let cookie: Record<string, string>;
  let milestones: { id: string; ogpId: string }[];
  let phase = 'setup';
  const outcomes: Outcome[] = [];
  const accepted: { milestoneId: string; statusUpdateId: string }[] = [];
  const consoleLines: LogLine[] = [];

  async function send(
    kind: Outcome['kind'],
    body: { query: string; variables?: Record<string, unknown> } | null,
    headers: Record<string, string> = {},
  ): Promise<Outcome> {
    const started = Date.now();
    const startPhase = phase;
    let outcome: Outcome;
    try {
      const response = await fetch(`${api.baseUrl}${body ? '/graphql' : '/readyz'}`, {
        method: body ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(CLIENT_GIVES_UP_MS),
      });
      const text = await response.text();
      let parsed: { data?: Record<string, any> | null; errors?: any[] } = {};
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        // not JSON: kept as a status only
      }
      const errors = parsed.errors ?? [];
      outcome = {
        kind,
        phase: startPhase,
        status: response.status,
        ms: Date.now() - started,
        codes: errors.map((error) => String(error.extensions?.code)),
        messages: errors.map((error) => String(error.message)),
        retryAfterHeader: response.headers.get('retry-after'),
        retryAfterSeconds: errors.map((error) => error.extensions?.retryAfterSeconds),
        data: parsed.data ?? null,
      };
    } catch (error) {
      outcome = {
        kind,
        phase: startPhase,
        status: (error as Error).name === 'TimeoutError' ? 'hung' : 'network error',
        ms: Date.now() - started,
        codes: [],
        messages: [],
        retryAfterHeader: null,
        retryAfterSeconds: [],
        data: null,
      };
    }
    outcomes.push(outcome);
    return outcome;
  }

  async function currentVersion(milestone: { id: string; ogpId: string }): Promise<number | null> {
    const found = await send(
      'token',
      { query: MILESTONES, variables: { ogpId: milestone.ogpId } },
      bearer,
    );
    const milestones = (found.data?.commitment?.milestones ?? []) as {
      id: string;
      version: number;
    }[];
    return milestones.find((candidate) => candidate.id === milestone.id)?.version ?? null;
  }

  async function writer(
    milestone: { id: string; ogpId: string },
    running: () => boolean,
  ): Promise<void> {
    const milestoneId = milestone.id;
    let version: number | null = null;
    let percent = 1;
    while (running()) {
      version ??= await currentVersion(milestone);
      if (version === null) {
        await sleep(100);
        continue;
      }
      const result = await send(
        'write',
        {
          query: RECORD,
          variables: {
            input: {
              milestoneId,
              expectedVersion: version,
              status: 'IN_PROGRESS',
              progressPercent: percent,
              note: { en: `Fault test write ${percent} (test data)` },
              evidence: [
                { url: 'https://example.org/fault-test', title: 'Fault test (test data)' },
              ],
            },
          },
        },
        bearer,
      );
      const recorded = result.data?.recordMilestoneUpdate;
      if (recorded) {
        accepted.push({ milestoneId, statusUpdateId: recorded.statusUpdate.id });
        version = recorded.milestone.version;
        percent = Math.min(percent + 1, 99);
      } else if (result.codes.includes('CONFLICT')) {
        // Someone (or a refused write that went through after all) moved the milestone on: read it again.
        version = null;
      } else {
        // Refused: try the same write again shortly, as a client told to retry would.
        await sleep(100);
      }
    }
  }

  async function reader(
    kind: Outcome['kind'],
    query: string,
    headers: () => Record<string, string>,
    running: () => boolean,
  ): Promise<void> {
    while (running()) {
      await send(kind, { query }, headers());
      await sleep(50);
    }
  }

  async function readiness(running: () => boolean): Promise<void> {
    while (running()) {
      await send('readyz', null);
      await sleep(200);
    }
  }

  /** Traffic runs through `steps`; each step sets the phase and does its part of the fault. */
  async function underTraffic(steps: { phase: string; act: () => Promise<void> }[]) {
    let running = true;
    const isRunning = () => running;
    const clients = [
      ...milestones.map((milestone) => writer(milestone, isRunning)),
      reader('dashboard', DASHBOARD, () => ({}), isRunning),
      reader('token', '{ me { id email } }', () => bearer, isRunning),
      reader('session', '{ me { id email } }', () => cookie, isRunning),
      readiness(isRunning),
    ];
    try {
      for (const step of steps) {
        phase = step.phase;
        await step.act();
      }
    } finally {
      running = false;
      await Promise.all(clients);
    }
  }

  function logSince(start: number): LogLine[] {
    return [...logger.lines.slice(start), ...consoleLines];
  }

  /** What clients saw, per phase and kind: "stopped write: 503 SERVICE_UNAVAILABLE x12". */
  function describeOutcomes(window: Outcome[]): string {
    const counts = new Map<string, number>();
    for (const o of window) {
      const key = `${o.phase} ${o.kind}: ${o.status} ${[...new Set(o.codes)].join(',')}`.trim();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const slowest = Math.max(...window.map((o) => o.ms));
    return [...[...counts].map(([key, n]) => `${key} x${n}`), `slowest answer ${slowest} ms`].join(
      '\n',
    );
  }

  function expectHonestAnswers(window: Outcome[]) {
    const dishonest = window.filter((outcome) => {
      if (outcome.status === 'hung' || outcome.status === 'network error') return true;
      if (outcome.kind === 'readyz') return outcome.status !== 200 && outcome.status !== 503;
      const unavailable = outcome.codes.includes('SERVICE_UNAVAILABLE');
      if (outcome.status === 503) {
        return (
          !unavailable ||
          outcome.retryAfterHeader === null ||
          !outcome.retryAfterSeconds.some((value) => typeof value === 'number' && value > 0)
        );
      }
      // Answered: data, or a conflict the writer acts on; never an internal error or an unmarked refusal.
      return (
        outcome.status !== 200 || unavailable || outcome.codes.some((code) => code !== 'CONFLICT')
      );
    });
    expect(
      dishonest.map((o) => `${o.kind} in ${o.phase}: ${o.status} ${o.codes.join(',')} ${o.ms} ms`),
    ).toEqual([]);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogp-fault-pg-'));
    database = new PostgresProcess(dir, await freePort());
    await database.start();
    databaseUrl = database.url;
    logger = new CapturingLogger();
    for (const method of ['error', 'warn', 'log'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push({
          level: `console.${method}`,
          message: String(args[0]),
          extra: args.slice(1),
        });
      });
    }
    api = await startTestApp({ databaseUrl, env: ENV, logger });

    const setup = new DataSource(
      dataSourceOptions({
        url: databaseUrl,
        entities: DOMAIN_ENTITIES,
        migrations: ALL_MIGRATIONS,
        poolSize: 1,
      }),
    );
    await setup.initialize();
    const admin = await createTestUser(setup, { roles: [Role.ADMIN] });
    await setup.destroy();
    cookie = await signIn(api.baseUrl, admin);
    const token = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...cookie },
      body: JSON.stringify({ query: 'mutation { createApiToken(name: "fault test") { token } }' }),
    }).then(
      (response) => response.json() as Promise<{ data: { createApiToken: { token: string } } }>,
    );
    bearer = { authorization: `Bearer ${token.data.createApiToken.token}` };

    // One after another: a server just started is still busy, and sheds a third request at once by design.
    const found: { id: string; ogpId: string }[][] = [];
    for (const ogpId of ['DK0051', 'DK0052', 'DK0053']) {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: MILESTONES, variables: { ogpId } }),
      });
      expect(response.status).toBe(200);
      const result = (await response.json()) as {
        data: { commitment: { milestones: { id: string }[] } };
      };
      found.push(result.data.commitment.milestones.map(({ id }) => ({ id, ogpId })));
    }
    milestones = found.flat().slice(0, 5);
    expect(milestones).toHaveLength(5);
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    try {
      for (const pid of database.pids()) process.kill(pid, 'SIGCONT');
    } catch {
      // already stopped
    }
    await api?.close();
    await database?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stopped and started: refusals are 503 with a retry hint, nothing is lost, the log says lost and back once', async () => {
    const firstOutcome = outcomes.length;
    const firstLine = logger.lines.length;
    consoleLines.length = 0;
    await underTraffic([
      { phase: 'up', act: () => sleep(2000) },
      {
        phase: 'stopped',
        act: async () => {
          await database.stop();
          await sleep(4000);
        },
      },
      {
        phase: 'restarted',
        act: async () => {
          await database.start();
          await sleep(4000);
        },
      },
    ]);
    const window = outcomes.slice(firstOutcome);
    console.info(
      `${describeOutcomes(window)}\nlog:\n${logSince(firstLine)
        .map((line) => `${line.level} ${line.message}`)
        .join('\n')}`,
    );

    // The outage was seen, and refused honestly.
    const refused = window.filter((o) => o.status === 503 && o.kind !== 'readyz');
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((o) => o.kind))).toEqual(
      new Set(['write', 'dashboard', 'token', 'session']),
    );
    expectHonestAnswers(window);

    const lines = await expectRecovered(window, 'stopped', firstLine);
    // Far fewer lines than requests: the outage is summarised, not logged per request.
    expect(lines.length).toBeLessThan(20);
  }, 120_000);

  it('frozen (SIGSTOP) and thawed: no request hangs past the deadline, and the log says lost and back once', async () => {
    const firstOutcome = outcomes.length;
    const firstLine = logger.lines.length;
    consoleLines.length = 0;
    let pids: number[] = [];
    await underTraffic([
      { phase: 'up', act: () => sleep(2000) },
      {
        phase: 'frozen',
        act: async () => {
          pids = database.pids();
          for (const pid of pids) process.kill(pid, 'SIGSTOP');
          await sleep(10_000);
        },
      },
      {
        phase: 'thawed',
        act: async () => {
          for (const pid of pids) process.kill(pid, 'SIGCONT');
          await sleep(5000);
        },
      },
    ]);
    const window = outcomes.slice(firstOutcome);
    console.info(
      `${describeOutcomes(window)}\nlog:\n${logSince(firstLine)
        .map((line) => `${line.level} ${line.message}`)
        .join('\n')}`,
    );

    expectHonestAnswers(window);
    expect(
      window
        .filter((o) => o.ms > LONGEST_ANSWER_MS)
        .map((o) => `${o.kind} in ${o.phase}: ${o.status} after ${o.ms} ms`),
    ).toEqual([]);
    expect(
      window.some((o) => o.phase === 'frozen' && o.status === 503 && o.kind !== 'readyz'),
    ).toBe(true);
    await expectRecovered(window, 'frozen', firstLine);
  }, 120_000);

  /**
   * After an outage (`phase`): /readyz answered within a second throughout (503 during it, 200 after), the last
   * answers of every kind have data, the history is intact, and the log said lost and back once each, with the
   * count refused, and printed no stack trace. Returns the log lines written since `firstLine`.
   */
  function refusedAsBusy(outcome: Outcome): boolean {
    return outcome.status === 503 && outcome.messages.some((message) => /busy/i.test(message));
  }

  async function expectRecovered(window: Outcome[], phase: string, firstLine: number) {
    const ready = window.filter((o) => o.kind === 'readyz');
    expect(ready.filter((o) => o.ms >= 1000).map((o) => `${o.phase}: ${o.ms} ms`)).toEqual([]);
    expect(ready.some((o) => o.phase === phase && o.status === 503)).toBe(true);
    expect(ready.at(-1)?.status).toBe(200);
    // The test's own traffic shares this process's event loop, so a busy refusal may come at any time; what
    // must hold is that once the database is back every kind is served again, and no longer refused for it.
    for (const kind of ['write', 'dashboard', 'token', 'session'] as const) {
      const answers = window.filter((o) => o.kind === kind && !refusedAsBusy(o));
      expect(`${kind}: ${answers.at(-1)?.status}`).toBe(`${kind}: 200`);
    }
    await expectHistoryIntact();
    const lines = logSince(firstLine);
    expect(lines.filter(hasStackTrace).map((line) => line.message)).toEqual([]);
    expect(lines.filter((line) => /database lost/i.test(line.message))).toHaveLength(1);
    const back = lines.filter((line) => /database back/i.test(line.message));
    expect(back).toHaveLength(1);
    expect(back[0].message).toMatch(/\d+ requests? refused/);
    return lines;
  }

  /** Every update answered with data is in the history exactly once, and the audit chain verifies. */
  async function expectHistoryIntact() {
    expect(accepted.length).toBeGreaterThan(0);
    const ids = accepted.map((update) => update.statusUpdateId);
    expect(new Set(ids).size).toBe(ids.length);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const rows = await client.query<{ id: string; milestone_id: string }>(
        'SELECT id, milestone_id FROM status_update WHERE id = ANY($1::uuid[])',
        [ids],
      );
      expect(rows.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
      for (const update of accepted) {
        expect(rows.rows.find((row) => row.id === update.statusUpdateId)?.milestone_id).toBe(
          update.milestoneId,
        );
      }
    } finally {
      await client.end();
    }
    // A busy refusal (503 with Retry-After) is tried again, as a client would: the test shares the server's loop.
    let chain: { data?: { verifyAuditChain: { ok: boolean } }; errors?: unknown } = {};
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer },
        body: JSON.stringify({ query: `query { verifyAuditChain(planSlug: "${PLAN}") { ok } }` }),
      });
      chain = (await response.json()) as typeof chain;
      if (response.status !== 503) break;
      await new Promise((resolve) =>
        setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)),
      );
    }
    expect(chain.errors).toBeUndefined();
    expect(chain.data?.verifyAuditChain.ok).toBe(true);
  }
});
