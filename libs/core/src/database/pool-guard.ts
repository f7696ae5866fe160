import { Connection, type Pool, type PoolClient } from 'pg';
import { DatabaseUnavailableError } from './database-errors';
import { currentRequestScope, type HeldConnection, type RequestScope } from './request-scope';

export interface PoolGuardOptions {
  /** Connections in the pool. */
  size: number;
  /** Acquisitions that may wait for a connection; beyond that they are refused at once. */
  maxWaiting: number;
  /** How long an acquisition may wait for a connection. */
  acquireTimeoutMs: number;
  /** Client-side limit on a request's statement: a frozen server answers nothing, not even a timeout. */
  queryTimeoutMs: number;
}

type Release = (error?: Error | boolean) => void;
type ConnectCallback = (
  error: Error | undefined,
  client: PoolClient | undefined,
  release: Release,
) => void;

interface Waiter {
  scope: RequestScope | undefined;
  start: () => void;
  refuse: (error: Error) => void;
}

// pg's client internals used here (stable across pg 8): the statement on the wire, and its socket.
interface ClientInternals {
  processID?: number;
  secretKey?: number;
  host?: string;
  port?: number;
  connection?: { stream?: { destroy(): void } };
  _getActiveQuery?: () => unknown;
  _queryQueue?: unknown[];
}

const CANCEL_GIVES_UP_MS = 2000;

/**
 * Stands in front of the pg pool's `connect`, which TypeORM calls for every statement or transaction:
 * - at most `size` connections are out; up to `maxWaiting` acquisitions wait (each at most `acquireTimeoutMs`),
 *   more requests are refused at once, so a burst is turned away instead of queueing without end;
 * - acquisitions and statements are tied to the request they serve (see RequestScope): when it is abandoned,
 *   its waiting acquisitions are dropped and its running statements cancelled (a protocol cancel request, no
 *   pool connection needed) and their connections discarded, never reused;
 * - a request's statements carry a client-side timeout, so a frozen server cannot hang them;
 * - a connection released with a statement still on the wire (timed out) is discarded, not reused.
 */
export class PoolGuard {
  private out = 0;
  private readonly waiting: Waiter[] = [];
  private readonly connect: (callback: ConnectCallback) => void;

  constructor(
    private readonly pool: Pool,
    private readonly options: PoolGuardOptions,
  ) {
    const original = pool.connect.bind(pool) as unknown as (callback: ConnectCallback) => void;
    this.connect = original;
    const guarded = (callback?: ConnectCallback): Promise<PoolClient> | undefined => {
      const acquired = this.acquire();
      if (callback) {
        acquired.then(
          ([client, release]) => callback(undefined, client, release),
          (error: Error) => callback(error, undefined, () => undefined),
        );
        return undefined;
      }
      return acquired.then(([client, release]) => {
        client.release = release;
        return client;
      });
    };
    pool.connect = guarded as Pool['connect'];
  }

  /** Acquisitions waiting for a connection. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Connections out of the pool (in use or being opened). */
  get inUseCount(): number {
    return this.out;
  }

  /** True when a new acquisition would be refused rather than queued. */
  get full(): boolean {
    return this.out >= this.options.size && this.waiting.length >= this.options.maxWaiting;
  }

  private acquire(): Promise<[PoolClient, Release]> {
    const scope = currentRequestScope();
    if (scope?.aborted) return Promise.reject(scope.abortError());
    if (this.out < this.options.size && this.waiting.length === 0) return this.take(scope);
    // Only requests are turned away; the tracker's own work (startup, background jobs) waits its turn.
    if (scope && this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(
        new DatabaseUnavailableError(
          'overloaded',
          `All ${this.options.size} database connections are busy and ${this.options.maxWaiting} requests wait for one`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        leave();
        reject(
          new DatabaseUnavailableError(
            'overloaded',
            `No database connection became free within ${this.options.acquireTimeoutMs} ms`,
          ),
        );
      }, this.options.acquireTimeoutMs);
      const forget = scope?.onAbort(() => {
        leave();
        reject(scope.abortError());
      });
      const leave = () => {
        clearTimeout(timer);
        forget?.();
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
      };
      const waiter: Waiter = {
        scope,
        start: () => {
          leave();
          this.take(scope).then(resolve, reject);
        },
        refuse: (error) => {
          leave();
          reject(error);
        },
      };
      this.waiting.push(waiter);
    });
  }

  /** Takes a slot and a connection from the pool (the slot is free, so the pool itself never queues). */
  private take(scope: RequestScope | undefined): Promise<[PoolClient, Release]> {
    this.out++;
    return new Promise((resolve, reject) => {
      this.connect((error, client, done) => {
        if (error || !client) {
          this.free();
          reject(error ?? new Error('The pool returned no connection'));
          return;
        }
        let released = false;
        let discard = false;
        const restoreQuery = scope ? this.limitQueries(client) : () => undefined;
        const held: HeldConnection = {
          cancel: () => {
            // A connection with nothing running stays usable; one whose statement was cancelled is not reused
            // (a late cancel request must not hit whoever ran on it next).
            if (!hasStatementOnTheWire(client)) return;
            discard = true;
            cancelRunningStatement(client);
          },
        };
        const release: Release = (releaseError) => {
          if (released) return;
          released = true;
          scope?.letGo(held);
          restoreQuery();
          const busy = hasStatementOnTheWire(client);
          // A truthy argument makes pg-pool close the connection instead of reusing it.
          done(releaseError || discard || busy ? (releaseError ?? true) : undefined);
          this.free();
        };
        if (scope?.aborted) {
          release();
          reject(scope.abortError());
          return;
        }
        scope?.hold(held);
        resolve([client, release]);
      });
    });
  }

  /** A request's statements give up after queryTimeoutMs, whatever the server does. */
  private limitQueries(client: PoolClient): () => void {
    // Called with the client as `this`, as pg expects.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const original = client.query;
    const timeout = this.options.queryTimeoutMs;
    client.query = function (this: PoolClient, ...args: unknown[]) {
      if (typeof args[0] === 'string' && args.length <= 2 && typeof args[1] !== 'function') {
        const config = { text: args[0], values: args[1] as unknown[], query_timeout: timeout };
        return (original as (config: unknown) => unknown).call(this, config);
      }
      return (original as (...rest: unknown[]) => unknown).apply(this, args);
    } as PoolClient['query'];
    return () => {
      client.query = original;
    };
  }

  private free(): void {
    this.out--;
    while (this.out < this.options.size && this.waiting.length > 0) {
      this.waiting[0].start();
    }
  }
}

function hasStatementOnTheWire(client: PoolClient): boolean {
  const internals = client as unknown as ClientInternals;
  return Boolean(internals._getActiveQuery?.()) || (internals._queryQueue?.length ?? 0) > 0;
}

/**
 * Asks the server to cancel the client's running statement (PostgreSQL's cancel request, on a connection of
 * its own, so it works with the pool exhausted), then drops the client's socket so its caller is not left
 * waiting for a server that may not answer at all.
 */
function cancelRunningStatement(client: PoolClient): void {
  const internals = client as unknown as ClientInternals;
  if (internals.processID !== undefined && internals.secretKey !== undefined && internals.port) {
    // pg's Connection speaks the protocol; its typings omit connect and cancel.
    const connection = new Connection() as Connection & {
      connect(port: number, host: string): void;
      cancel(processID: number, secretKey: number): void;
    };
    const giveUp = setTimeout(() => connection.stream.destroy(), CANCEL_GIVES_UP_MS);
    giveUp.unref();
    connection.on('error', () => undefined);
    connection.on('connect', () => {
      connection.cancel(internals.processID!, internals.secretKey!);
    });
    connection.on('end', () => clearTimeout(giveUp));
    connection.connect(internals.port, internals.host ?? 'localhost');
  }
  internals.connection?.stream?.destroy();
}
