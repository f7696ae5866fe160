// Builds the API (and its CLIs), and for `npm start` the dashboard, when the compiled output is missing or older than the
// sources, so the npm scripts work straight after `npm install` on a fresh clone.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const distRoot = join(root, 'dist', 'apps', 'api');
const mainFile = join(distRoot, 'apps', 'api', 'src', 'main.js');
const dashboardIndex = join(root, 'dist', 'dashboard', 'index.html');

function newestMtime(dir, pattern = /\.(ts|json)$/) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, pattern));
    else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the dashboard into `outDir` (dist/dashboard unless told) when it is missing or older than its sources. */
function ensureDashboardBuilt(outDir = join(root, 'dist', 'dashboard')) {
  const index = join(outDir, 'index.html');
  const pattern = /\.(ts|mts|json|css|html)$/;
  const sources = Math.max(
    newestMtime(join(root, 'apps', 'dashboard'), pattern),
    newestMtime(join(root, 'libs', 'common'), pattern),
  );
  if (existsSync(index) && sources <= statSync(index).mtimeMs) return;
  process.stderr.write('Building the dashboard (vite build)...\n');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(root, 'apps', 'dashboard', 'vite.config.mts'),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, DASHBOARD_OUT_DIR: outDir } },
  );
}

function ensureBuilt() {
  const sources = ['apps/api/src', 'libs', 'migrations'].map((dir) => join(root, dir));
  const stale =
    !existsSync(mainFile) ||
    Math.max(
      ...sources.map((dir) => newestMtime(dir)),
      statSync(join(root, 'tsconfig.json')).mtimeMs,
    ) > statSync(mainFile).mtimeMs;
  if (stale) {
    process.stderr.write('Building the API (npm run build)...\n');
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', 'api'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
}

/** require() a compiled module by its source path, e.g. built('libs/core/src'). */
function built(sourcePath) {
  return require(join(distRoot, sourcePath));
}

module.exports = {
  root,
  distRoot,
  mainFile,
  dashboardIndex,
  ensureBuilt,
  ensureDashboardBuilt,
  built,
};
