// npm run bench:dashboard: what a visitor of the public plan overview downloads and waits for, as figures.
//   1. the dashboard build's JavaScript, raw and gzipped (level 9), and what the overview page actually loads
//   2. the overview's Largest Contentful Paint, first contentful paint and time until its figures are ready, in
//      headless Chromium: BENCH_RUNS cold-cache loads (fresh browser context each) and one warm-cache load
// Everything runs on this machine: the tracker on a free port with its embedded PostgreSQL in a temp folder.
/* global document, window, requestAnimationFrame, PerformanceObserver, MutationObserver */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { cpus, tmpdir } = require('node:os');
const { join, relative, sep } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { gzipSync } = require('node:zlib');
const { mainFile, ensureBuilt, ensureDashboardBuilt, root } = require('./lib/built');
const { CHROMIUM, CHROMIUM_FLAGS } = require('./lib/chromium');

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PLAN = 'dk-2017-2019';
const JS_BUDGET = 150 * 1024;
const LCP_TARGET = 1500;
// After data-ready the page still has to paint the figures; LCP is read once that paint is surely done.
const SETTLE_MS = 300;
const DASHBOARD_DIR = join(root, 'dist', 'dashboard');

const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text, width) => String(text).padStart(width);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function chromiumVersion() {
  if (!existsSync(CHROMIUM)) return `not found at ${CHROMIUM}`;
  const result = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return (result.stdout || result.stderr || '').trim() || `unknown (${CHROMIUM})`;
}

function printMachine() {
  const cores = cpus();
  console.log(
    `machine: ${cores.length} CPUs (${cores[0]?.model.trim() ?? 'unknown'}), node ${process.version}, ` +
      `Chromium: ${chromiumVersion()}`,
  );
}

function jsFiles(dir) {
  const files = [];
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...jsFiles(path));
    else if (/\.m?js$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/** URL paths of the scripts index.html loads by itself: module scripts and modulepreload links. */
function scriptsInIndex() {
  const html = readFileSync(join(DASHBOARD_DIR, 'index.html'), 'utf8');
  const paths = new Set();
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) paths.add(src);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(tag);
    if (/\brel="modulepreload"/.test(tag) && href) paths.add(href[1]);
  }
  return [...paths];
}

/** Prints every JS file of the build and returns them by URL path. */
function printBuildSizes() {
  const files = jsFiles(join(DASHBOARD_DIR, 'assets'));
  const byPath = new Map();
  console.log('\nJavaScript in dist/dashboard/assets (gzip = level 9):');
  for (const file of files) {
    const content = readFileSync(file);
    const urlPath = `/${relative(DASHBOARD_DIR, file).split(sep).join('/')}`;
    const entry = { urlPath, raw: content.length, gzip: gzipSize(content) };
    byPath.set(urlPath, entry);
    console.log(`  ${urlPath.padEnd(44)} ${pad(entry.raw, 9)} B raw ${pad(entry.gzip, 8)} B gzip`);
  }
  const total = [...byPath.values()].reduce((sum, entry) => sum + entry.gzip, 0);
  console.log(`  all ${byPath.size} files: ${total} B gzip (${kb(total)})`);
  const initial = scriptsInIndex();
  const initialGzip = initial.reduce((sum, path) => sum + (byPath.get(path)?.gzip ?? 0), 0);
  console.log(
    `referenced from index.html (scripts + modulepreload): ${initial.join(', ') || 'none'}: ` +
      `${initialGzip} B gzip (${kb(initialGzip)})`,
  );
  return byPath;
}

async function graphqlAnswers(port) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ actionPlan(slug: "${PLAN}") { commitments { totalCount } } }`,
    }),
  });
  const body = await response.json();
  return body.data?.actionPlan?.commitments?.totalCount > 0;
}

/** Starts the tracker on an empty data folder; resolves once Denmark's plan answers over GraphQL. */
async function startTracker(dataDir, port, onChild) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [mainFile], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  onChild(child);
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the tracker exited with code ${child.exitCode}`);
    if (performance.now() - started > 120_000)
      throw new Error('the tracker did not answer in 2 min');
    try {
      if (await graphqlAnswers(port)) return child;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
}

function stopTracker(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGINT');
  });
}

// Runs in every page before its own scripts: notes when body[data-ready="true"] is set, to the microtask.
function watchReady() {
  new MutationObserver((_records, observer) => {
    if (document.body?.dataset.ready === 'true') {
      window.__benchReadyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

// Runs in the page once it is ready: waits for the figures' paint, then reads the final LCP entry.
async function readPaintTimes(settleMs) {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const entries = await new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      observer.disconnect();
      resolve(list.getEntries());
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => resolve([]), 1000);
  });
  const last = entries[entries.length - 1];
  const element = last?.element;
  const describe = (node) =>
    node
      ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${
          node.classList.length ? `.${[...node.classList].join('.')}` : ''
        }`
      : 'removed element';
  return {
    lcp: last ? last.startTime : null,
    lcpElement: last ? describe(element) : null,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    ready: window.__benchReadyAt ?? null,
  };
}

/** Loads the overview once in the page; returns its paint times and the JS responses it received. */
async function loadOverview(page, url) {
  const responses = [];
  const onResponse = (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(response.url())) return;
    responses.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await response
          .request()
          .sizes()
          .catch(() => null);
        return {
          path: new URL(response.url()).pathname,
          status: response.status(),
          encoding: response.headers()['content-encoding'] ?? 'none',
          wire: sizes ? sizes.responseBodySize : null,
          raw: body.length,
          gzip: gzipSize(body),
        };
      })(),
    );
  };
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const times = await page.evaluate(readPaintTimes, SETTLE_MS);
    return { ...times, scripts: await Promise.all(responses) };
  } finally {
    page.off('response', onResponse);
  }
}

function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(name, values) {
  const known = values.filter((value) => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return { line: `  ${name.padEnd(26)} no value in any run`, median: null };
  // Nearest-rank p95: with 10 runs that is the slowest one.
  const p95 = known[Math.max(0, Math.ceil(0.95 * known.length) - 1)];
  const m = median(known);
  const missing = values.length - known.length;
  const line =
    `  ${name.padEnd(26)} min ${pad(known[0].toFixed(0), 5)}  median ${pad(m.toFixed(0), 5)}  ` +
    `p95 ${pad(p95.toFixed(0), 5)}  max ${pad(known[known.length - 1].toFixed(0), 5)} ms` +
    (missing ? `  (${missing} runs without a value)` : '');
  return { line, median: m };
}

function printScripts(scripts, byPath) {
  console.log('\nJavaScript the overview loaded (network responses in the first cold run):');
  const seen = new Set();
  let gzip = 0;
  for (const script of scripts) {
    seen.add(script.path);
    gzip += script.gzip;
    console.log(
      `  ${script.path.padEnd(44)} HTTP ${script.status}, ${pad(script.raw, 9)} B body ` +
        `${pad(script.gzip, 8)} B gzip, on the wire ${script.wire ?? '?'} B (content-encoding ${script.encoding})`,
    );
  }
  console.log(
    `  total: ${gzip} B gzip = ${kb(gzip)} (target ≤ ${kb(JS_BUDGET)}, 1 KB = 1024 B): ` +
      (gzip <= JS_BUDGET ? 'meets the target' : 'OVER the target'),
  );
  const others = [...byPath.keys()].filter((path) => !seen.has(path));
  console.log(
    others.length
      ? `  built but not loaded by the overview (lazy chunks for other pages): ${others.join(', ')}`
      : '  every JS file of the build is loaded by the overview (no lazy chunks)',
  );
}

async function browserBench(port, byPath, browserRef) {
  const { chromium } = require('playwright-core');
  // Playwright's own SIGINT handler exits the process at once, before the tracker has stopped its database.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    handleSIGINT: false,
  });
  browserRef.current = browser;
  console.log(`\nChromium driven by playwright-core: browser version ${browser.version()}`);
  const url = `http://127.0.0.1:${port}/plans/${PLAN}?lang=da`;
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watchReady);
    return context;
  };

  // One unmeasured load, so the first measured run does not pay for the server's first answers.
  let context = await newContext();
  await loadOverview(await context.newPage(), url);
  await context.close();

  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    context = await newContext();
    runs.push(await loadOverview(await context.newPage(), url));
    await context.close();
  }
  printScripts(runs[0].scripts, byPath);
  const scriptSets = new Set(
    runs.map((run) =>
      run.scripts
        .map((script) => script.path)
        .sort()
        .join(' '),
    ),
  );
  if (scriptSets.size > 1) console.log('  note: the runs did not all load the same scripts');

  // Warm cache: a second page in a context that has loaded the overview once.
  context = await newContext();
  await loadOverview(await context.newPage(), url);
  const warm = await loadOverview(await context.newPage(), url);
  await context.close();

  console.log(`\nOverview ${url}`);
  console.log(
    `${RUNS} cold-cache loads (fresh browser context each), times from navigation start:`,
  );
  const lcp = summary(
    'largest contentful paint',
    runs.map((run) => run.lcp),
  );
  console.log(lcp.line);
  console.log(
    summary(
      'first contentful paint',
      runs.map((run) => run.fcp),
    ).line,
  );
  console.log(
    summary(
      'body[data-ready="true"]',
      runs.map((run) => run.ready),
    ).line,
  );
  const elements = new Map();
  for (const run of runs) elements.set(run.lcpElement, (elements.get(run.lcpElement) ?? 0) + 1);
  console.log(
    `  LCP element: ${[...elements].map(([name, count]) => `${name} (${count}×)`).join(', ')}`,
  );
  // Chromium reports no positive body size for a script it took from its cache.
  const fromCache = warm.scripts.filter((script) => script.wire !== null && script.wire <= 0);
  const warmJs = `${fromCache.length} of ${warm.scripts.length} from the browser cache`;
  const ms = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} ms`);
  console.log(
    `1 warm-cache load: LCP ${ms(warm.lcp)}, FCP ${ms(warm.fcp)}, ready ${ms(warm.ready)} ` +
      `(JS: ${warmJs})`,
  );
  const verdict =
    lcp.median === null
      ? 'no LCP measured'
      : lcp.median <= LCP_TARGET
        ? 'the median meets it'
        : 'the median MISSES it';
  console.log(`target: LCP ≤ ${LCP_TARGET} ms: ${verdict}`);
  await browser.close();
  browserRef.current = null;
}

async function main() {
  printMachine();
  ensureBuilt();
  ensureDashboardBuilt();
  const byPath = printBuildSizes();
  if (!existsSync(CHROMIUM)) {
    console.error(
      `\nChromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH) to measure what the overview loads and its paint times.',
    );
    process.exitCode = 1;
    return;
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'ogp-bench-dashboard-'));
  const port = await freePort();
  let child = null;
  const browserRef = { current: null };
  let cleaning = null;
  // Called by both the SIGINT handler and the finally below: one clean-up, awaited by both.
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await browserRef.current?.close().catch(() => {});
      await stopTracker(child);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  process.once('SIGINT', () => {
    interrupted = true;
    console.error('\ninterrupted: stopping the tracker and removing its data folder');
    void cleanUp().finally(() => process.exit(130));
  });
  // Last resort if something throws past the finally: never leave the tracker running.
  process.once('exit', () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  try {
    const started = performance.now();
    child = await startTracker(dataDir, port, (spawned) => (child = spawned));
    console.log(
      `\ntracker started on an empty data folder in ${(performance.now() - started).toFixed(0)} ms`,
    );
    await browserBench(port, byPath, browserRef);
  } finally {
    await cleanUp();
  }
}

// A Ctrl-C also reaches Chromium, whose closing then fails the page in flight: that error is no news.
let interrupted = false;

main().catch((error) => {
  if (interrupted) return;
  console.error(error);
  process.exitCode = 1;
});
