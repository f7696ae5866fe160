// npm run bench:growth: how the uncached dashboard's cost grows with the size of a plan. For each size (BENCH_SIZES,
// default 200,1000,5000 commitments; 5 milestones and up to 3 status updates each, about one in ten INTERNAL) a
// labelled synthetic plan is loaded with the plan loader into a database of the bench's own on the PostgreSQL
// server at BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), the built tracker is started on
// it, and single requests on the idle server are timed (median of BENCH_RUNS, default 5): right after the load,
// then after ANALYZE. The database is dropped at the end. Prints one table.
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client } = require('pg');
const { mainFile, ensureBuilt, distRoot } = require('./lib/built');

const SIZES = (process.env.BENCH_SIZES ?? '200,1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PROGRESS = `percent reportedPercent coverage milestoneCoverage completion milestoneCount
  reportedMilestoneCount reportedCount commitmentCount completionCounts { completion count }`;
// The overview's own query (apps/dashboard/src/api/dashboard.ts).
const DASHBOARD = `query Dashboard($planSlug: String!, $asOf: String, $locale: Locale!) {
  dashboard(planSlug: $planSlug, asOf: $asOf, locale: $locale) {
    asOf plan { slug title { da en } isSynthetic }
    overall { ${PROGRESS} }
    byTheme { theme { key number title { da en } } progress { ${PROGRESS} } }
    byAgency { agency { slug name { da en } abbreviation } progress { ${PROGRESS} } }
    timeline { month planned completed plannedCumulative completedCumulative }
    overdue { id title { da en } status plannedEnd { label } commitment { ogpId number title { da en } } }
    undatedCompletions
  }
}`;
const PERCENT = `query P($planSlug: String!) { dashboard(planSlug: $planSlug) { overall { percent } } }`;
// The plan list: the page of plans with each one's progress.
const PLAN_LIST = `{ actionPlans(first: 100) { nodes { slug title { en } progress { ${PROGRESS} } } } }`;

/** Deterministic pseudo-random numbers, so every run measures the same plans. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A synthetic plan file (marked synthetic) of `size` commitments. */
function planFile(size) {
  const random = prng(size);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const evidence = [{ url: 'https://example.org/synthetic', title: 'Synthetic benchmark data' }];
  const month = (m) => `${2018 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  const update = (status, m, percent, extra = {}) => ({
    status,
    progressPercent: percent,
    effectiveDate: `${month(m)}-${String(int(1, 28)).padStart(2, '0')}`,
    note: { en: 'Synthetic benchmark data' },
    evidence,
    ...(random() < 0.1 ? { visibility: 'INTERNAL' } : {}),
    ...extra,
  });
  const history = () => {
    const roll = int(0, 4);
    let m = int(0, 6);
    if (roll === 0) return [];
    const entries = [update('NOT_STARTED', m, 0)];
    if (roll === 1) return entries;
    m += int(1, 4);
    entries.push(update('IN_PROGRESS', m, int(1, 60)));
    if (roll === 2) return entries;
    m += int(1, 4);
    if (roll === 3) return [...entries, update('IN_PROGRESS', m, int(61, 99))];
    return [...entries, update('COMPLETED', m, 100, { actualEnd: `${month(m)}-01` })];
  };
  const themes = Math.max(2, Math.min(12, Math.round(size / 100)));
  const agencies = Math.max(3, Math.min(40, Math.round(size / 25)));
  return {
    formatVersion: 1,
    synthetic: true,
    plan: {
      slug: `synthetic-growth-${size}`,
      countryCode: 'XX',
      title: { en: `Synthetic plan of ${size} commitments (growth benchmark)` },
      periodStart: '2018-01',
      periodEnd: '2020-12',
      published: true,
    },
    agencies: Array.from({ length: agencies }, (_, n) => ({
      key: `synthetic-growth-agency-${n + 1}`,
      name: { en: `Synthetic agency ${n + 1}` },
    })),
    themes: Array.from({ length: themes }, (_, n) => ({
      key: `theme-${n + 1}`,
      number: n + 1,
      title: { en: `Synthetic theme ${n + 1}` },
    })),
    commitments: Array.from({ length: size }, (_, c) => ({
      ogpId: `X${LETTERS[Math.floor(c / 10000)]}${String(c % 10000).padStart(4, '0')}`,
      number: `${(c % themes) + 1}.${c + 1}`,
      themeKey: `theme-${(c % themes) + 1}`,
      title: { en: `Synthetic commitment ${c + 1}` },
      leadAgency: `synthetic-growth-agency-${(c % agencies) + 1}`,
      milestones: Array.from({ length: 5 }, (_, m) => ({
        title: { en: `Synthetic milestone ${m + 1} of commitment ${c + 1}` },
        plannedStart: '2018-01',
        plannedEnd: month(int(3, 35)),
        history: history(),
      })),
    })),
  };
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function admin(sql) {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function post(port, query, variables) {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const ms = performance.now() - started;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { ms, body };
}

async function median(port, query, variables) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await post(port, query, variables)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function measure(port, slug) {
  const locale = 'en';
  return {
    dashboard: await median(port, DASHBOARD, { planSlug: slug, asOf: null, locale }),
    asOf: await median(port, DASHBOARD, { planSlug: slug, asOf: '2019-06-30', locale }),
    percent: await median(port, PERCENT, { planSlug: slug }),
    list: await median(port, PLAN_LIST, {}),
  };
}

async function oneSize(size, dir) {
  const name = `bench_growth_${size}_${process.pid}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  let child = null;
  try {
    const file = join(dir, `plan-${size}.json`);
    writeFileSync(file, JSON.stringify(planFile(size)));
    const started = performance.now();
    execFileSync(
      process.execPath,
      [join(distRoot, 'apps', 'api', 'src', 'cli', 'plan-load.js'), file],
      {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const loadSeconds = (performance.now() - started) / 1000;
    const port = await freePort();
    child = spawn(process.execPath, [mainFile], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: 'error',
        DB_STATEMENT_TIMEOUT_MS: '600000',
        REQUEST_TIMEOUT_MS: '600000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the tracker exited with ${child.exitCode}`);
      try {
        await post(port, '{ __typename }');
        break;
      } catch {
        await sleep(200);
      }
    }
    const slug = `synthetic-growth-${size}`;
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const analysed = async () =>
        (
          await db.query(
            `SELECT COUNT(*)::int AS n FROM pg_stat_user_tables
             WHERE relname IN ('status_update', 'milestone', 'commitment')
               AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)`,
          )
        ).rows[0].n;
      const before = await analysed();
      const fresh = await measure(port, slug);
      const [{ milestones, updates }] = (
        await db.query(
          `SELECT (SELECT COUNT(*) FROM milestone)::int AS milestones,
                  (SELECT COUNT(*) FROM status_update)::int AS updates`,
        )
      ).rows;
      await db.query('ANALYZE');
      const steady = await measure(port, slug);
      return { size, milestones, updates, loadSeconds, freshAnalysed: before, fresh, steady };
    } finally {
      await db.end();
    }
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const HEADER = [
  `median of ${RUNS} single requests; "fresh" = right after the load (tables analysed by then: n/3)`,
  '| commitments / milestones / updates | load | dashboard fresh | dashboard analysed | dashboard(asOf) fresh | dashboard(asOf) analysed | overall { percent } fresh | analysed | plan list fresh | analysed |',
  '|---|---|---|---|---|---|---|---|---|---|',
];

function row(r) {
  const ms = (value) => `${Math.round(value)} ms`;
  return (
    `| ${r.size} / ${r.milestones} / ${r.updates} | ${r.loadSeconds.toFixed(1)} s (${r.freshAnalysed}/3) | ` +
    [
      r.fresh.dashboard,
      r.steady.dashboard,
      r.fresh.asOf,
      r.steady.asOf,
      r.fresh.percent,
      r.steady.percent,
      r.fresh.list,
      r.steady.list,
    ]
      .map(ms)
      .join(' | ') +
    ' |'
  );
}

async function main() {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ogp-bench-growth-'));
  console.log(HEADER.join('\n'));
  try {
    for (const size of SIZES) {
      process.stderr.write(`${size} commitments...\n`);
      console.log(row(await oneSize(size, dir)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { planFile };
