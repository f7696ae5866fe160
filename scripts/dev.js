// npm run dev: the API (as `npm start` runs it) and the dashboard's Vite dev server with hot reload, which proxies
// /graphql (and its websocket) to the API. Open the address Vite prints; Ctrl+C stops both.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const apiPort = process.env.PORT ?? '3000';
const children = [
  spawn(process.execPath, [join(root, 'scripts', 'run-built.js'), 'apps/api/src/main'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort },
  }),
  spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      '--config',
      join(root, 'apps', 'dashboard', 'vite.config.mts'),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, API_URL: `http://localhost:${apiPort}` },
    },
  ),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// When one of them ends (a crash, a port in use), stop the other too rather than leave half a setup running.
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
