// npm run bench: measures what a user of a fresh install waits for, and prints the figures.
//   1. first start on an empty data folder (initdb, migrations, Denmark's plan loaded) until GraphQL answers
//   2. restart on the same data folder until GraphQL answers
//   3. latency of the dashboard query (sequential requests after a warm-up)
//   4. the password hash (argon2id at the tracker's parameters) and sign-in latency for an unknown email vs a
//      wrong password (they should take the same time, so timing tells nothing about which emails exist)
// Everything runs on this machine: the embedded PostgreSQL under a temp folder, the API on a free port.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { mainFile, ensureBuilt, built, distRoot } = require('./lib/built');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const DASHBOARD = `{ dashboard(planSlug: "dk-2017-2019") { overall { percent coverage completion }
  byTheme { theme { key } progress { percent } } byAgency { agency { slug } progress { percent } }
  statusDistribution { status count } timeline { month planned completed } overdue { id } } }`;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function query(port, text, variables = {}, headers = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Starts the tracker and resolves with the milliseconds until it answered a GraphQL query. */
async function start(dataDir, port) {
  // TRUST_PROXY lets the sign-in timing use a fresh client address per attempt, below the back-off.
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'error',
    TRUST_PROXY: 'true',
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [mainFile], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the tracker exited with code ${child.exitCode}`);
    try {
      const data = await query(
        port,
        '{ actionPlan(slug: "dk-2017-2019") { commitments { totalCount } } }',
      );
      if (data.actionPlan.commitments.totalCount !== 14) throw new Error('Denmark plan not loaded');
      return { child, ms: performance.now() - started };
    } catch (error) {
      if (error instanceof Error && error.message === 'Denmark plan not loaded') throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGINT');
  });
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

async function signInTiming(port, dataDir) {
  const { hashPassword, PASSWORD_HASH_OPTIONS } = built('libs/domain/src/users/passwords');
  const hashes = [];
  for (let i = 0; i < 10; i += 1) {
    const t = performance.now();
    await hashPassword(`bench password number ${i}`);
    hashes.push(performance.now() - t);
  }
  const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_OPTIONS;
  console.log(
    `argon2id hash (m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}), 10 hashes: mean ${mean(hashes).toFixed(1)} ms`,
  );
  const password = 'bench user password';
  const made = spawnSync(
    process.execPath,
    [
      join(distRoot, 'apps/api/src/cli/user-create.js'),
      '--email',
      'bench@example.org',
      '--name',
      'Bench (synthetic)',
      '--role',
      'REVIEWER',
    ],
    { env: { ...process.env, DATA_DIR: dataDir, NEW_USER_PASSWORD: password }, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(made.stderr);
  const login =
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }';
  const attempt = async (email, i) => {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `10.${i >> 8}.${i & 255}.1`,
      },
      body: JSON.stringify({ query: login, variables: { email, password: `wrong ${i}` } }),
    });
    const body = await response.json();
    if (!body.errors || /Too many/.test(body.errors[0].message))
      throw new Error('unexpected answer');
    return performance.now() - t;
  };
  const unknown = [];
  const wrong = [];
  // Four attempts per account stay under the back-off (5), so every attempt does the full password check.
  for (let i = 0; i < 40; i += 1) {
    unknown.push(await attempt(`nobody${i}@example.org`, 2 * i));
    wrong.push(await attempt('bench@example.org', 2 * i + 1));
    if (wrong.length % 4 === 0)
      await query(
        port,
        login,
        { email: 'bench@example.org', password },
        { 'x-forwarded-for': '10.255.255.1' },
      );
  }
  console.log(
    `sign-in refused, 40 each: unknown email mean ${mean(unknown).toFixed(1)} ms, wrong password mean ${mean(wrong).toFixed(1)} ms`,
  );
}

async function main() {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'ogp-bench-'));
  const port = await freePort();
  try {
    const first = await start(dataDir, port);
    console.log(`first start (initdb + migrations + seed): ${first.ms.toFixed(0)} ms`);
    await stop(first.child);
    const again = await start(dataDir, port);
    console.log(`restart (same data folder):              ${again.ms.toFixed(0)} ms`);
    for (let i = 0; i < 20; i += 1) await query(port, DASHBOARD);
    const times = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const t = performance.now();
      await query(port, DASHBOARD);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `dashboard query, ${REQUESTS} sequential requests: mean ${mean(times).toFixed(1)} ms, ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `max ${times[times.length - 1].toFixed(1)} ms`,
    );
    await signInTiming(port, dataDir);
    await stop(again.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
