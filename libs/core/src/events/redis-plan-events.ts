import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { LocalPlanEvents } from './local-plan-events';
import type { PlanActivityEvent, PlanEvents } from './plan-events';

/** The Redis channel every API process publishes plan activity to and listens on. */
export function planActivityChannel(prefix: string): string {
  return `${prefix}plan-activity`;
}

/** The URL with its password hidden, for messages. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function isPlanActivityEvent(value: unknown): value is PlanActivityEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    event.kind === 'STATUS_UPDATE' &&
    typeof event.planSlug === 'string' &&
    typeof event.statusUpdateId === 'string' &&
    typeof event.sequence === 'number'
  );
}

/** Events sent while this process's listener was away this long (ms), oldest first. */
export type RecentlySent = (lostForMs: number) => Promise<PlanActivityEvent[]>;

/** How long a publish may take before it counts as failed (the relay then retries later). */
const PUBLISH_TIMEOUT_MS = 2000;
/**
 * After its listener is back, how long a process waits before reading what it missed: a relay that sent an event
 * just before the subscription took hold marks it sent a moment later.
 */
const CATCH_UP_DELAY_MS = 250;
/** Live events wait while a listener catches up: past this, it gives up (and says so) rather than hold them. */
const CATCH_UP_TIMEOUT_MS = 5000;

/**
 * The event bus shared by several API processes (REDIS_URL set): `publish` sends the event to one Redis channel;
 * every process (the publishing one too) listens on it and hands each event it hears to its own subscribers, so a
 * subscriber gets every event of its plan once, whichever process recorded it. `publish` fails at once while
 * Redis is unreachable (no offline queue): the outbox relay keeps the event and sends it again later. A listener
 * that reconnects reads the events sent while it was away from the outbox (`catchUpWith`), and a repeat is dropped.
 */
export class RedisPlanEvents implements PlanEvents {
  private readonly log = new Logger('PlanEvents');
  private readonly local = new LocalPlanEvents();
  private recentlySent: RecentlySent | null = null;
  /** When the listener lost its connection (null: it is connected). */
  private listenerLostAt: number | null = null;
  /** Catch-ups under way: messages heard meanwhile wait, so events stay in order. */
  private catchingUp = 0;
  private readonly heardDuringCatchUp: string[] = [];
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly listener: Redis,
    private readonly channel: string,
  ) {}

  /** Connects (failing at once when Redis cannot be reached) and starts listening. */
  static async connect(url: string, channelPrefix: string): Promise<RedisPlanEvents> {
    // No retrying before the first connection (the app refuses to start); after it, ioredis reconnects (and
    // resubscribes) on its own.
    let established = false;
    const options = {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
      retryStrategy: (times: number) => (established ? Math.min(times * 200, 2000) : null),
    };
    // The publisher never queues: while Redis is away a publish fails at once and the event stays in the outbox.
    const publisher = new Redis(url, {
      ...options,
      enableOfflineQueue: false,
      commandTimeout: PUBLISH_TIMEOUT_MS,
      connectionName: 'ogp-tracker-publish',
    });
    const listener = new Redis(url, { ...options, connectionName: 'ogp-tracker-listen' });
    const events = new RedisPlanEvents(publisher, listener, planActivityChannel(channelPrefix));
    // ioredis rejects connect() with "Connection is closed": the cause comes as an error event.
    let cause: Error | null = null;
    const remember = (error: Error) => {
      cause ??= error;
    };
    publisher.on('error', remember);
    listener.on('error', remember);
    try {
      // Both settle before a failure is acted on, so neither is left half-connected.
      const connected = await Promise.allSettled([publisher.connect(), listener.connect()]);
      for (const result of connected) if (result.status === 'rejected') throw result.reason;
      await listener.subscribe(events.channel);
      established = true;
    } catch (error) {
      // (disconnect() on a connection that already ended keeps the process alive)
      for (const connection of [publisher, listener]) {
        if (connection.status !== 'end') connection.disconnect();
      }
      // The reason named: ioredis's own error event when there was one (ECONNREFUSED, ...), else what was thrown.
      throw new Error(
        `Redis at REDIS_URL (${redacted(url)}) cannot be reached: ${messageOf(cause ?? error)}`,
        { cause: error },
      );
    } finally {
      publisher.off('error', remember);
      listener.off('error', remember);
    }
    events.watch(publisher, 'publish');
    events.watch(listener, 'listen');
    listener.on('message', (channel: string, message: string) => events.heard(channel, message));
    listener.on('close', () => {
      if (!events.closed) events.listenerLostAt ??= Date.now();
    });
    listener.on('ready', () => events.listenerBack());
    return events;
  }

  /** Sends the event to every process; rejects when Redis does not take it (at once while it is away). */
  async publish(event: PlanActivityEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  /** Where a listener that was away reads the events it missed (the outbox's recently sent rows). */
  catchUpWith(recentlySent: RecentlySent): void {
    this.recentlySent = recentlySent;
  }

  subscribe(planSlug: string): AsyncIterableIterator<PlanActivityEvent> {
    return this.local.subscribe(planSlug);
  }

  /** How many subscribers this process has for a plan (all plans without one). */
  subscriberCount(planSlug?: string): number {
    return this.local.subscriberCount(planSlug);
  }

  /** Ends this process's subscriptions and closes both Redis connections. */
  async close(): Promise<void> {
    this.closed = true;
    await this.local.close();
    await Promise.all([quit(this.listener), quit(this.publisher)]);
  }

  private heard(channel: string, message: string): void {
    if (channel !== this.channel) return;
    if (this.catchingUp > 0) {
      this.heardDuringCatchUp.push(message);
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(message);
    } catch {
      event = undefined;
    }
    if (!isPlanActivityEvent(event)) {
      this.log.warn(`Ignored a message on ${channel} that is not a plan activity event`);
      return;
    }
    this.local.deliver(event);
  }

  /** The listener is subscribed again: hand this process's subscribers what was sent while it was away. */
  private listenerBack(): void {
    const lostAt = this.listenerLostAt;
    this.listenerLostAt = null;
    if (lostAt === null || this.closed || !this.recentlySent) return;
    void this.catchUp(this.recentlySent, lostAt);
  }

  private async catchUp(recentlySent: RecentlySent, lostAt: number): Promise<void> {
    this.catchingUp += 1;
    try {
      // Resolves once Redis confirms: from here on every event sent reaches this process live.
      await this.listener.subscribe(this.channel);
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_DELAY_MS));
      if (this.closed) return;
      const missed = await withTimeout(recentlySent(Date.now() - lostAt), CATCH_UP_TIMEOUT_MS);
      for (const event of missed) this.local.deliver(event);
    } catch (error) {
      if (this.closed) return;
      // Tried again after the next reconnection.
      this.listenerLostAt = Math.min(this.listenerLostAt ?? lostAt, lostAt);
      this.log.warn(`Events sent while the Redis listener was away not read: ${messageOf(error)}`);
    } finally {
      this.catchingUp -= 1;
      if (this.catchingUp === 0) {
        for (const message of this.heardDuringCatchUp.splice(0)) this.heard(this.channel, message);
      }
    }
  }

  /** Logs losing and regaining the connection once each (ioredis reconnects and resubscribes by itself). */
  private watch(connection: Redis, role: string): void {
    let healthy = true;
    connection.on('error', (error: Error) => {
      if (!healthy) return;
      healthy = false;
      this.log.warn(`Redis ${role} connection lost: ${error.message}; reconnecting`);
    });
    connection.on('ready', () => {
      if (healthy) return;
      healthy = true;
      this.log.log(`Redis ${role} connection restored`);
    });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
