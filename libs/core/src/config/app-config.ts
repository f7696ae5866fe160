import { isAbsolute, resolve } from 'node:path';
import { projectRoot } from './project-root';

export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export interface AppConfig {
  nodeEnv: string;
  host: string;
  port: number;
  /** null: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** 0: any free port. */
  embeddedDatabasePort: number;
  migrationsRun: boolean;
  /** Plan file loaded into an empty database at start; null: none. */
  seedPlanFile: string | null;
  logLevel: LogLevel;
  logFormat: LogFormat;
  graphqlMaxPageSize: number;
  graphqlMaxDepth: number;
  /** A session ends after this long without use... */
  sessionIdleMinutes: number;
  /** ...and this long after sign-in, however active. */
  sessionMaxHours: number;
  /** Browser origins allowed to call the API with credentials (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Trust X-Forwarded-* from a reverse proxy (for HTTPS detection and client addresses). */
  trustProxy: boolean;
  /** Redis for live events shared between API processes (redis:// or rediss://); null: in-process only. */
  redisUrl: string | null;
  /** Prefix of the Redis channel names, so deployments (or test runs) sharing one Redis do not cross. */
  redisChannelPrefix: string;
  /** How often open websockets re-read their viewers' rights and their plans' visibility (milliseconds). */
  subscriptionRecheckMs: number;
  /** How often (ms) the event relay reads the outbox without a nudge: events left by another process or an outage. */
  eventRelayPollMs: number;
  /** Connections in the database pool. */
  dbPoolSize: number;
  /** Requests that may wait for a pool connection; beyond that new ones are refused with 503 at once. */
  dbPoolMaxWaiting: number;
  /** How long a request may wait for a pool connection (and a new connection may take to open). */
  dbAcquireTimeoutMs: number;
  /** PostgreSQL's statement_timeout for the pool's connections; a request's statement also gives up client-side 1 s later. */
  dbStatementTimeoutMs: number;
  /** A GraphQL request's deadline: past it, its database work is cancelled and it answers 503. */
  requestTimeoutMs: number;
  /** The licence of the open data (exports, feed, catalogue): a URI, CC BY 4.0 unless set. */
  dataLicence: string;
}

/** A bad configuration value: the message names the variable, and the app refuses to boot. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function databaseUrl(env: Env): string | null {
  const raw = text(env, 'DATABASE_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not a URL (expected postgres://user:password@host:port/db)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres://, got "${url.protocol}//"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'names no database');
  return raw;
}

function origins(env: Env): string[] {
  const raw = text(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((origin) => {
    const value = origin.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(
        'CORS_ORIGINS',
        `holds "${value}", which is not an origin like https://example.org`,
      );
    }
    if (url.origin !== value) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `holds "${value}"; write the origin alone: ${url.origin}`,
      );
    }
    return value;
  });
}

function redisUrl(env: Env): string | null {
  const raw = text(env, 'REDIS_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'REDIS_URL',
      'is not a URL (expected redis://[:password@]host:port[/db])',
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(
      'REDIS_URL',
      `must start with redis:// (or rediss:// for TLS), got "${url.protocol}//"`,
    );
  }
  if (url.hostname === '') throw new ConfigError('REDIS_URL', 'names no host');
  return raw;
}

function channelPrefix(env: Env): string {
  const raw = text(env, 'REDIS_CHANNEL_PREFIX');
  if (raw === undefined) return 'ogp-tracker:';
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(raw)) {
    throw new ConfigError(
      'REDIS_CHANNEL_PREFIX',
      `may hold only letters, digits and : . _ - (at most 100), got "${raw}"`,
    );
  }
  return raw;
}

export const DEFAULT_DATA_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

function dataLicence(env: Env): string {
  const raw = text(env, 'DATA_LICENCE');
  if (raw === undefined) return DEFAULT_DATA_LICENCE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATA_LICENCE', `must be the licence's URI (https://...), got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('DATA_LICENCE', `must be an http or https URI, got "${raw}"`);
  }
  return raw;
}

function path(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) ?? fallback;
  return isAbsolute(raw) ? raw : resolve(projectRoot(), raw);
}

/** Reads and checks every variable once, at boot. `.env.example` lists them all. */
export function loadConfig(env: Env = process.env): AppConfig {
  const seed = text(env, 'SEED_PLAN_FILE');
  const nodeEnv = text(env, 'NODE_ENV') ?? 'development';
  return {
    nodeEnv,
    host: text(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: databaseUrl(env),
    dataDir: path(env, 'DATA_DIR', 'data'),
    embeddedDatabasePort: integer(env, 'EMBEDDED_DB_PORT', 0, 0, 65535),
    migrationsRun: boolean(env, 'MIGRATIONS_RUN', true),
    seedPlanFile:
      seed === 'none' ? null : path(env, 'SEED_PLAN_FILE', 'plans/dk-2017-2019.plan.json'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'], 'log'),
    logFormat: oneOf(
      env,
      'LOG_FORMAT',
      ['json', 'pretty'],
      nodeEnv === 'production' ? 'json' : 'pretty',
    ),
    graphqlMaxPageSize: integer(env, 'GRAPHQL_MAX_PAGE_SIZE', 100, 1, 1000),
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 50),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 90),
    corsOrigins: origins(env),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    redisUrl: redisUrl(env),
    redisChannelPrefix: channelPrefix(env),
    subscriptionRecheckMs: integer(env, 'SUBSCRIPTION_RECHECK_MS', 500, 50, 60_000),
    eventRelayPollMs: integer(env, 'EVENT_RELAY_POLL_MS', 1000, 10, 60_000),
    dataLicence: dataLicence(env),
    ...databaseLimits(env),
  };
}

function databaseLimits(
  env: Env,
): Pick<
  AppConfig,
  | 'dbPoolSize'
  | 'dbPoolMaxWaiting'
  | 'dbAcquireTimeoutMs'
  | 'dbStatementTimeoutMs'
  | 'requestTimeoutMs'
> {
  const dbPoolSize = integer(env, 'DB_POOL_SIZE', 10, 1, 500);
  return {
    dbPoolSize,
    // As many waiting as served: a process admits no more work than it can finish before a visitor gives up.
    dbPoolMaxWaiting: integer(env, 'DB_POOL_MAX_WAITING', dbPoolSize, 0, 100_000),
    dbAcquireTimeoutMs: integer(env, 'DB_ACQUIRE_TIMEOUT_MS', 3000, 100, 600_000),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 3_600_000),
  };
}
