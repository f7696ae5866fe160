import { Logger } from '@nestjs/common';
import { classifyDatabaseError, DatabaseUnavailableError, LogSummariser } from '@ogp/core';
import { Client } from 'pg';

const logger = new Logger('Database');

/** How often the database is tried while it is lost. */
const WATCH_EVERY_MS = 1000;

/**
 * For this long after the database is back, a failure may be the late answer of an attempt begun while it was
 * lost (a connection that timed out during a freeze reports it after the thaw): the probe confirms it first.
 */
const CONFIRM_AFTER_BACK_MS = 5000;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}

/**
 * Whether the database answers, said once in the log: "Database lost" at the first sign of an outage, then
 * "Database back" with the number of requests refused meanwhile, instead of an error per request. Requests
 * refused because the server was busy are summarised too (one line, then one count per 10 s).
 */
export class DatabaseAvailability {
  private lostAt: number | null = null;
  private backAt = 0;
  private confirming = false;
  private refusedWhileLost = 0;
  private watcher: ReturnType<typeof setInterval> | null = null;
  private probe: ((timeoutMs: number) => Promise<void>) | null = null;
  private readonly busyLog = new LogSummariser((message) => logger.warn(message));

  get lost(): boolean {
    return this.lostAt !== null;
  }

  /** How `check` and the watch while lost reach the database. */
  useProbe(probe: ((timeoutMs: number) => Promise<void>) | null): void {
    this.probe = probe;
    if (!probe) this.stopWatching();
  }

  /** Looks at a failed statement: an unreachable database is lost (said once). */
  noticed(error: unknown): void {
    if (classifyDatabaseError(error) !== 'unreachable' || this.lostAt !== null) return;
    if (this.probe && Date.now() - this.backAt < CONFIRM_AFTER_BACK_MS) {
      this.confirm(error);
      return;
    }
    this.declareLost(error);
  }

  /** A failure just after a return: lost only if the database does not answer the probe now. */
  private confirm(error: unknown): void {
    if (this.confirming || !this.probe) return;
    this.confirming = true;
    this.probe(WATCH_EVERY_MS)
      .then(
        () => undefined,
        () => {
          if (this.lostAt === null) this.declareLost(error);
        },
      )
      .finally(() => (this.confirming = false));
  }

  private declareLost(error: unknown): void {
    this.lostAt = Date.now();
    this.refusedWhileLost = 0;
    logger.warn(
      `Database lost (${describe(error)}): requests that need it get 503 until it is back`,
    );
    this.watch();
  }

  /** A request was answered 503. */
  refused(reason: string): void {
    if (this.lostAt !== null) {
      this.refusedWhileLost++;
    } else if (this.busyLog.first(reason)) {
      logger.warn(`Refused a request with 503: ${reason}`);
    }
  }

  /** Asks the database for an answer within `timeoutMs` (for /readyz); notes a loss or a return. */
  async check(timeoutMs: number): Promise<void> {
    if (!this.probe) throw new DatabaseUnavailableError('unreachable', 'No database configured');
    try {
      await this.probe(timeoutMs);
    } catch (error) {
      this.noticed(error);
      throw error;
    }
    if (this.lostAt !== null) this.back();
  }

  stopWatching(): void {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    this.busyLog.flush();
  }

  private watch(): void {
    if (this.watcher || !this.probe) return;
    let probing = false;
    this.watcher = setInterval(() => {
      if (probing || !this.probe) return;
      probing = true;
      this.probe(WATCH_EVERY_MS)
        .then(
          () => this.back(),
          () => undefined,
        )
        .finally(() => (probing = false));
    }, WATCH_EVERY_MS);
    this.watcher.unref();
  }

  private back(): void {
    if (this.lostAt === null) return;
    const seconds = ((Date.now() - this.lostAt) / 1000).toFixed(1);
    const refused = this.refusedWhileLost;
    this.lostAt = null;
    this.backAt = Date.now();
    this.refusedWhileLost = 0;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    logger.log(
      `Database back after ${seconds} s; ${refused} request${refused === 1 ? '' : 's'} refused while it was lost`,
    );
  }
}

/** The app's one monitor: the GraphQL error formatter and the HTTP filter report to it. */
export const databaseAvailability = new DatabaseAvailability();

/**
 * A probe on a connection of its own (not the pool's: a busy pool is not a lost database): connect, SELECT 1,
 * disconnect, all within `timeoutMs` whatever the server does (a frozen one accepts the connection and says
 * nothing).
 */
export function databaseProbe(url: string): (timeoutMs: number) => Promise<void> {
  return async (timeoutMs) => {
    const client = new Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: 'ogp-tracker-probe',
    });
    client.on('error', () => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new DatabaseUnavailableError('unreachable', `No answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([
        (async () => {
          await client.connect();
          await client.query('SELECT 1');
        })(),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
      // end() waits for the server to hang up, which a frozen server never does: drop the socket then.
      const dropper = setTimeout(() => {
        (
          client as unknown as { connection?: { stream?: { destroy(): void } } }
        ).connection?.stream?.destroy();
      }, 1000);
      dropper.unref();
      void client.end().then(
        () => clearTimeout(dropper),
        () => undefined,
      );
    }
  };
}
