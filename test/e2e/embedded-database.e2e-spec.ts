import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from '../utils/graphql-client';

// The npm start path is plain JavaScript: built.js is what `npm start` and `npm run start:built` rely on.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require('../../scripts/lib/built.js') as {
  root: string;
  mainFile: string;
  ensureBuilt(): void;
};

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

interface RunningTracker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a plain `npm start`: no DATABASE_URL, whatever the test run has set. */
function startEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'log', ...overrides };
  delete env.DATABASE_URL;
  delete env.TEST_ADMIN_DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.SEED_PLAN_FILE;
  delete env.EMBEDDED_DB_PORT;
  return env;
}

/** `node dist/apps/api/apps/api/src/main.js`, as `npm start` runs it after building. */
function launch(env: NodeJS.ProcessEnv): RunningTracker {
  const child = spawn(process.execPath, [built.mainFile], {
    cwd: built.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

async function waitFor<T>(
  what: string,
  check: () => T | undefined,
  tracker: RunningTracker,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void tracker.exited.then(() => (gone = true));
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (gone) throw new Error(`The tracker exited before ${what}:\n${tracker.output()}`);
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}:\n${tracker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the PostgreSQL server running on the cluster, from its own lock file. */
function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

describe('npm start with no DATABASE_URL (embedded PostgreSQL)', () => {
  const dataDirs: string[] = [];
  const trackers: RunningTracker[] = [];
  const postgresPids = new Set<number>();

  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-embedded-e2e-'));
    dataDirs.push(dir);
    return dir;
  };

  const start = (env: NodeJS.ProcessEnv) => {
    const tracker = launch(env);
    trackers.push(tracker);
    return tracker;
  };

  beforeAll(() => {
    built.ensureBuilt();
  }, 300_000);

  afterAll(async () => {
    // Leave nothing running whatever happened above: only the processes this file started.
    for (const tracker of trackers) {
      if (tracker.child.exitCode === null && tracker.child.signalCode === null) {
        tracker.child.kill('SIGKILL');
        await tracker.exited;
      }
    }
    for (const dir of dataDirs) {
      const pid = postmasterPid(dir);
      if (pid !== null) postgresPids.add(pid);
    }
    for (const pid of postgresPids) if (isAlive(pid)) process.kill(pid, 'SIGINT');
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the tracker, waits for "Tracker ready", and answers what a reader sees. */
  async function startAndRead(dataDir: string) {
    const port = await freePort();
    const tracker = start(startEnv({ DATA_DIR: dataDir, PORT: String(port) }));
    await waitFor(
      '"Tracker ready"',
      () => (tracker.output().includes('Tracker ready') ? true : undefined),
      tracker,
      START_TIMEOUT_MS,
    );
    const pid = postmasterPid(dataDir);
    expect(pid).not.toBeNull();
    postgresPids.add(pid!);
    expect(isAlive(pid!)).toBe(true);
    const result = await graphql(
      `http://127.0.0.1:${port}`,
      `
        {
          actionPlans {
            totalCount
            nodes {
              slug
            }
          }
          commitments(planSlug: "dk-2017-2019", first: 100) {
            totalCount
            nodes {
              id
              ogpId
              milestones {
                id
              }
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    return { tracker, pid: pid!, data: result.data! };
  }

  async function stopWithSigint(tracker: RunningTracker, dataDir: string, pid: number) {
    tracker.child.kill('SIGINT');
    const code = await withTimeout(tracker.exited, STOP_TIMEOUT_MS, 'the tracker to exit');
    expect({ code, output: code === 0 ? '' : tracker.output() }).toEqual({ code: 0, output: '' });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(isAlive(pid)).toBe(false);
  }

  it('starts its own PostgreSQL, serves the plan, stops cleanly on SIGINT and keeps the data', async () => {
    const dataDir = freshDataDir();

    const first = await startAndRead(dataDir);
    expect(first.data.actionPlans.totalCount).toBe(1);
    expect(first.data.commitments.totalCount).toBe(14);
    expect(first.data.commitments.nodes).toHaveLength(14);
    expect(first.tracker.output()).toContain('Loaded plans/dk-2017-2019.plan.json');
    await stopWithSigint(first.tracker, dataDir, first.pid);

    const second = await startAndRead(dataDir);
    // The cluster and the plan are already there: neither is made again.
    expect(second.tracker.output()).not.toContain('Creating the embedded PostgreSQL cluster');
    expect(second.tracker.output()).not.toContain('Loaded plans/');
    expect(second.data).toEqual(first.data);
    await stopWithSigint(second.tracker, dataDir, second.pid);
  }, 180_000);

  /** `npm run user:create -- ...` as a separate process, the way an operator runs it. */
  async function createUserCli(dataDir: string, args: string[]) {
    const cli = spawn(
      process.execPath,
      [join(built.root, 'dist/apps/api/apps/api/src/cli/user-create.js'), ...args],
      {
        cwd: built.root,
        env: startEnv({ DATA_DIR: dataDir, NEW_USER_PASSWORD: 'the first admin password' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await withTimeout(
      new Promise<number | null>((resolve) => cli.once('exit', resolve)),
      START_TIMEOUT_MS,
      'user:create to finish',
    );
    return { code, output };
  }

  const signInOn = (port: number, email: string) =>
    graphql(
      `http://127.0.0.1:${port}`,
      'mutation ($email: String!) { login(email: $email, password: "the first admin password") { email roles } }',
      { email },
    );

  it('makes the first administrator with user:create, with the tracker running or stopped', async () => {
    const dataDir = freshDataDir();
    const first = await startAndRead(dataDir);
    expect(first.tracker.output()).toContain('No administrator exists yet');
    expect(first.tracker.output()).toContain('npm run user:create');

    // While the tracker runs: the CLI uses its database.
    const made = await createUserCli(dataDir, [
      '--email',
      'First@Example.org',
      '--name',
      'First Admin',
      '--role',
      'ADMIN',
    ]);
    expect(made).toEqual({
      code: 0,
      output: expect.stringContaining('Created first@example.org (ADMIN)') as string,
    });
    const port = Number(/localhost:(\d+)/.exec(first.tracker.output())?.[1]);
    expect((await signInOn(port, 'first@example.org')).data?.login).toEqual({
      email: 'first@example.org',
      roles: ['ADMIN'],
    });
    await stopWithSigint(first.tracker, dataDir, first.pid);

    // While it is stopped: the CLI starts the embedded database itself, and stops it again.
    const reviewer = await createUserCli(dataDir, [
      '--email',
      'reviewer@example.org',
      '--name',
      'Rita',
      '--role',
      'REVIEWER',
    ]);
    expect(reviewer.code).toBe(0);
    expect(postmasterPid(dataDir)).toBeNull();
    const refused = await createUserCli(dataDir, [
      '--email',
      'x@example.org',
      '--name',
      'X',
      '--role',
      'CHIEF',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('Unknown role CHIEF');

    const second = await startAndRead(dataDir);
    expect(second.tracker.output()).not.toContain('No administrator exists yet');
    const secondPort = Number(/localhost:(\d+)/.exec(second.tracker.output())?.[1]);
    expect((await signInOn(secondPort, 'reviewer@example.org')).data?.login.roles).toEqual([
      'REVIEWER',
    ]);
    await stopWithSigint(second.tracker, dataDir, second.pid);
  }, 240_000);

  it('refuses PORT=abc, naming PORT', async () => {
    const tracker = start(startEnv({ DATA_DIR: freshDataDir(), PORT: 'abc' }));
    const code = await withTimeout(tracker.exited, STOP_TIMEOUT_MS, 'the tracker to exit');
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(tracker.output()).toMatch(/\bPORT\b/);
    expect(tracker.output()).not.toContain('Tracker ready');
  }, 60_000);

  it('refuses DATABASE_URL=mysql://x, naming DATABASE_URL', async () => {
    const dataDir = freshDataDir();
    const tracker = start({
      ...startEnv({ DATA_DIR: dataDir, PORT: String(await freePort()) }),
      DATABASE_URL: 'mysql://x',
    });
    const code = await withTimeout(tracker.exited, STOP_TIMEOUT_MS, 'the tracker to exit');
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(tracker.output()).toContain('DATABASE_URL');
    expect(tracker.output()).not.toContain('Tracker ready');
    // Refused before anything was started or written.
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  }, 60_000);
});
