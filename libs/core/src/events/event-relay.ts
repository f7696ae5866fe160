import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxNudge } from './event-outbox';
import type { PlanActivityEvent, PlanEvents } from './plan-events';

/** `queryRunner.data.background` of the relay's statements. */
export const EVENT_RELAY_TAG = 'event-relay';
/** Held (for one transaction) by the process relaying: one relay at a time keeps the events in order. */
const RELAY_LOCK_KEY = 727_002;
/** Rows claimed per transaction. */
const BATCH_SIZE = 100;
/** How long sent rows stay, for a process whose Redis listener reconnects late (see recentlySentEvents). */
const SENT_RETENTION_SECONDS = 600;
const CLEAN_UP_EVERY_MS = 60_000;
/** Longest wait between attempts while Redis or the database is away. */
const MAX_BACKOFF_MS = 5_000;

export interface EventRelayOptions {
  /** How often the outbox is read without a nudge (rows of other replicas, or left by an outage). */
  pollMs: number;
}

interface PassOutcome {
  /** Another process holds the relay lock. */
  busy: boolean;
  sent: number;
  /** The batch was full and all of it sent: more may wait. */
  full: boolean;
  /** Why sending stopped (the rows from that one on stay). */
  failure: unknown;
}

/**
 * Sends the outbox's waiting events to the bus (Redis, or the in-process bus without REDIS_URL), oldest first, and
 * marks them sent in the transaction that claimed them, after the bus took them: an event is sent at least once,
 * and the receiving bus drops repeats. Runs in every API process: a nudge after a commit sends at once, polling
 * picks up what other replicas or an outage left. While Redis or the database is away it backs off and logs once;
 * it logs again when events flow.
 */
export class EventRelay implements OutboxNudge {
  private readonly log = new Logger('EventRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** A nudge came while a cycle ran: run another at once. */
  private again = false;
  private started = false;
  private stopped = false;
  /** Consecutive cycles that failed (Redis or the database): sets the back-off, and silences nudges. */
  private failures = 0;
  private sendingFails = false;
  private databaseFails = false;
  private lastCleanUp = 0;

  constructor(
    private readonly db: DataSource,
    private readonly bus: PlanEvents,
    private readonly options: EventRelayOptions,
  ) {}

  /** Starts polling (the first cycle sends what an earlier run left). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(0);
  }

  nudge(): void {
    if (!this.started || this.stopped) return;
    // While backing off, the rows wait for the next attempt: a write never triggers a doomed one.
    if (this.failures > 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling and waits for a cycle under way: call before the database pool closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
    // Polling alone never keeps a process alive.
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.running || this.stopped) return;
    this.again = false;
    let next = this.options.pollMs;
    this.running = this.cycle().then((delay) => {
      next = delay;
    });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    if (this.stopped) return;
    this.schedule(this.again && this.failures === 0 ? 0 : next);
  }

  /** Sends batches until none is full; returns the wait before the next cycle. */
  private async cycle(): Promise<number> {
    let sent = 0;
    try {
      for (;;) {
        const outcome = await this.pass();
        this.databaseBack();
        sent += outcome.sent;
        if (outcome.failure !== null) {
          this.sendingFailed(outcome.failure);
          return this.backOff();
        }
        if (outcome.busy) {
          // The other relay may have claimed its batch before our row was committed: look again soon.
          return Math.min(this.options.pollMs, 100);
        }
        if (!outcome.full || this.stopped) break;
      }
    } catch (error) {
      this.databaseFailed(error);
      return this.backOff();
    }
    this.failures = 0;
    if (this.sendingFails) {
      this.sendingFails = false;
      this.log.log(`Live events flow again: sent the ${sent} that were waiting`);
    }
    return this.options.pollMs;
  }

  private async pass(): Promise<PassOutcome> {
    const runner = this.db.createQueryRunner();
    // Tagged, so a query log (or a test counting a request's statements) can tell the background work apart.
    runner.data = { background: EVENT_RELAY_TAG };
    try {
      await runner.connect();
      await runner.startTransaction();
      const outcome = await this.claimAndSend(runner.manager);
      await runner.commitTransaction();
      return outcome;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async claimAndSend(manager: EntityManager): Promise<PassOutcome> {
    const [{ locked }]: { locked: boolean }[] = await manager.query(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [RELAY_LOCK_KEY],
    );
    if (!locked) return { busy: true, sent: 0, full: false, failure: null };
    await this.cleanUp(manager);
    const rows: { id: string; payload: PlanActivityEvent }[] = await manager.query(
      `SELECT id, payload FROM event_outbox WHERE sent_at IS NULL
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [BATCH_SIZE],
    );
    const sent: string[] = [];
    let failure: unknown = null;
    for (const row of rows) {
      try {
        await this.bus.publish(row.payload);
      } catch (error) {
        failure = error;
        break;
      }
      sent.push(row.id);
    }
    if (sent.length > 0) {
      await manager.query(
        'UPDATE event_outbox SET sent_at = clock_timestamp() WHERE id = ANY($1::bigint[])',
        [sent],
      );
    }
    return {
      busy: false,
      sent: sent.length,
      full: rows.length === BATCH_SIZE && failure === null,
      failure,
    };
  }

  private async cleanUp(manager: EntityManager): Promise<void> {
    if (Date.now() - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    await manager.query(
      'DELETE FROM event_outbox WHERE sent_at < now() - make_interval(secs => $1)',
      [SENT_RETENTION_SECONDS],
    );
    this.lastCleanUp = Date.now();
  }

  private backOff(): number {
    this.failures += 1;
    const ceiling = Math.max(this.options.pollMs, MAX_BACKOFF_MS);
    return Math.min(this.options.pollMs * 2 ** (this.failures - 1), ceiling);
  }

  private sendingFailed(error: unknown): void {
    if (this.sendingFails) return;
    this.sendingFails = true;
    this.log.warn(
      `Live events cannot be sent (${messageOf(error)}): they wait in the outbox and leave, in order, once it is back`,
    );
  }

  private databaseFailed(error: unknown): void {
    if (this.databaseFails) return;
    this.databaseFails = true;
    this.log.warn(`Live events paused: the outbox cannot be read (${messageOf(error)})`);
  }

  private databaseBack(): void {
    if (!this.databaseFails) return;
    this.databaseFails = false;
    this.log.log('Live events resumed: the outbox can be read again');
  }
}

/**
 * Events sent in the last `seconds` (plus a margin for clock steps), oldest first: a process whose Redis
 * listener was away hands them to its subscribers when it is back (repeats are dropped by the bus).
 */
export async function recentlySentEvents(
  db: DataSource,
  seconds: number,
): Promise<PlanActivityEvent[]> {
  const rows: { payload: PlanActivityEvent }[] = await db.query(
    `SELECT payload FROM event_outbox
     WHERE sent_at >= now() - make_interval(secs => $1) ORDER BY id LIMIT 10000`,
    [Math.min(seconds + 10, SENT_RETENTION_SECONDS)],
  );
  return rows.map((row) => row.payload);
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}
