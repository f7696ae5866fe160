// npm run bench:exports: the exports of a large synthetic plan (BENCH_MILESTONES, default 100,000 milestones), each
// format (BENCH_FORMATS, default csv,irm.csv,xlsx,json,pdf,docx) downloaded once, with the time it took and the
// server's resident memory (RSS) before and at its peak meanwhile.
// Streaming exports keep that peak close to the memory before, whatever the plan's size.
// Everything runs on this machine: the embedded PostgreSQL under a temp folder, the API on a free port. Loading
// the plan (at start, as a seed) takes a while; that time is printed too but is not what this measures.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setInterval, clearInterval } = require('node:timers');
const { mainFile, ensureBuilt } = require('./lib/built');

const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 100_000);
const PER_COMMITMENT = 50;
const SLUG = 'bench-exports';
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,irm.csv,xlsx,json,pdf,docx').split(',');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', null];

/** A synthetic plan file (marked synthetic) with MILESTONES milestones in commitments of PER_COMMITMENT. */
function planFile() {
  const commitments = Math.ceil(MILESTONES / PER_COMMITMENT);
  const evidence = [{ url: 'https://example.org/synthetic', title: 'Synthetic benchmark data' }];
  return {
    formatVersion: 1,
    synthetic: true,
    plan: {
      slug: SLUG,
      countryCode: 'XX',
      title: { en: 'Synthetic plan for the export benchmark' },
    },
    agencies: [1, 2, 3, 4, 5].map((n) => ({
      key: `bench-agency-${n}`,
      name: { en: `Agency ${n}` },
    })),
    themes: [1, 2, 3, 4].map((n) => ({
      key: `bench-theme-${n}`,
      number: n,
      title: { en: `Theme ${n}` },
    })),
    commitments: Array.from({ length: commitments }, (_, c) => ({
      // "XA0000".."XZ9999": unique within the benchmark's own database.
      ogpId: `X${LETTERS[Math.floor(c / 10000)]}${String(c % 10000).padStart(4, '0')}`,
      number: `${(c % 4) + 1}.${c + 1}`,
      themeKey: `bench-theme-${(c % 4) + 1}`,
      title: { en: `Commitment ${c + 1}`, da: `Initiativ ${c + 1}` },
      leadAgency: `bench-agency-${(c % 5) + 1}`,
      milestones: Array.from(
        { length: Math.min(PER_COMMITMENT, MILESTONES - c * PER_COMMITMENT) },
        (_, m) => {
          const status = STATUSES[(c + m) % STATUSES.length];
          return {
            title: { en: `Milestone ${m + 1} of commitment ${c + 1}` },
            plannedStart: '2018-01',
            plannedEnd: `2019-${String((m % 12) + 1).padStart(2, '0')}`,
            history:
              status === null
                ? []
                : [
                    {
                      status,
                      progressPercent: { NOT_STARTED: 0, IN_PROGRESS: 40, COMPLETED: 100 }[status],
                      effectiveDate: '2018-06-30',
                      note: { en: 'Synthetic benchmark data' },
                      evidence,
                    },
                  ],
          };
        },
      ),
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process's resident memory in MiB, from /proc (Linux). */
function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

async function planLoaded(port) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ actionPlan(slug: "${SLUG}") { id } }` }),
  });
  const body = await response.json();
  return Boolean(body.data?.actionPlan?.id);
}

/** Downloads one export, reading it as it comes; the server's RSS is sampled meanwhile. */
async function measure(port, pid, format) {
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  try {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/plans/${SLUG}/export.${format}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    if (response.status !== 200) {
      throw new Error(`${format}: HTTP ${response.status} ${await response.text()}`);
    }
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    return { format, seconds: (performance.now() - started) / 1000, bytes, before, peak };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ogp-bench-exports-plan-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'ogp-bench-exports-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(planFile()));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'error',
    SEED_PLAN_FILE: file,
    // The plan-wide roll-up (the XLSX summary, as the dashboard query) of a plan this size takes more than the
    // default 10 s statement timeout on a small machine.
    DB_STATEMENT_TIMEOUT_MS: process.env.DB_STATEMENT_TIMEOUT_MS ?? '120000',
    REQUEST_TIMEOUT_MS: process.env.REQUEST_TIMEOUT_MS ?? '180000',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [mainFile], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the tracker exited with code ${child.exitCode}`);
      try {
        if (await planLoaded(port)) break;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    console.log(
      `${MILESTONES} milestones: start with the plan loaded in ${loadSeconds.toFixed(1)} s`,
    );
    console.log('format    seconds   MB out   RSS before (MiB)   RSS peak (MiB)');
    for (const format of FORMATS) {
      const m = await measure(port, child.pid, format);
      console.log(
        `${m.format.padEnd(9)} ${m.seconds.toFixed(1).padStart(7)} ${(m.bytes / 1e6).toFixed(1).padStart(8)} ` +
          `${m.before.toFixed(0).padStart(18)} ${m.peak.toFixed(0).padStart(16)}`,
      );
    }
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
