// npm run bench: measures what a user of a fresh install waits for, and prints the figures.
//   1. first start on an empty data folder (initdb, migrations, Denmark's plan loaded) until GraphQL answers
//   2. restart on the same data folder until GraphQL answers
//   3. latency of the dashboard query (sequential requests after a warm-up)
// Everything runs on this machine: the embedded PostgreSQL under a temp folder, the API on a free port.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { mainFile, ensureBuilt } = require('./lib/built');

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

async function query(port, text) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Starts the tracker and resolves with the milliseconds until it answered a GraphQL query. */
async function start(dataDir, port) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
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
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `dashboard query, ${REQUESTS} sequential requests: mean ${mean.toFixed(1)} ms, ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `max ${times[times.length - 1].toFixed(1)} ms`,
    );
    await stop(again.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
