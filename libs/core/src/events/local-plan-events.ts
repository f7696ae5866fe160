import type { PlanActivityEvent, PlanEvents } from './plan-events';

/** Events one subscriber may have waiting before it counts as stuck and its subscription is ended. */
export const MAX_QUEUED_EVENTS = 1000;

/** How many recent events the bus remembers to drop repeats (an event the outbox relay sent twice). */
export const REMEMBERED_EVENTS = 10_000;

/** One subscriber's stream: events queue until it asks for them; `return()` ends it and unsubscribes. */
class PlanActivityStream implements AsyncIterableIterator<PlanActivityEvent> {
  private readonly queue: PlanActivityEvent[] = [];
  private readonly waiting: {
    resolve: (result: IteratorResult<PlanActivityEvent>) => void;
    reject: (error: Error) => void;
  }[] = [];
  private ended = false;
  private failure: Error | null = null;

  constructor(private readonly onEnd: (stream: PlanActivityStream) => void) {}

  push(event: PlanActivityEvent): void {
    if (this.ended) return;
    const reader = this.waiting.shift();
    if (reader) {
      reader.resolve({ value: event, done: false });
      return;
    }
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.fail(
        new Error(`The subscriber fell ${MAX_QUEUED_EVENTS} events behind: subscribe again`),
      );
      return;
    }
    this.queue.push(event);
  }

  next(): Promise<IteratorResult<PlanActivityEvent>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<PlanActivityEvent>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<PlanActivityEvent>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<PlanActivityEvent> {
    return this;
  }

  /** Stops the stream: waiting readers and later ones see its end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.onEnd(this);
    for (const reader of this.waiting.splice(0)) reader.resolve({ value: undefined, done: true });
  }

  private fail(error: Error): void {
    this.ended = true;
    this.queue.length = 0;
    this.onEnd(this);
    const readers = this.waiting.splice(0);
    if (readers.length === 0) this.failure = error;
    for (const reader of readers) reader.reject(error);
  }
}

/**
 * The in-process event bus (the default): an event reaches every subscriber of its plan in this process, once,
 * in publication order. An event handed over again (same status update) is dropped: the outbox relay sends at
 * least once.
 */
export class LocalPlanEvents implements PlanEvents {
  private readonly streams = new Map<string, Set<PlanActivityStream>>();
  /** Ids of the latest events delivered, oldest first. */
  private readonly delivered = new Set<string>();
  private closed = false;

  async publish(event: PlanActivityEvent): Promise<void> {
    this.deliver(event);
  }

  subscribe(planSlug: string): AsyncIterableIterator<PlanActivityEvent> {
    const stream = new PlanActivityStream((ended) => this.remove(planSlug, ended));
    if (this.closed) {
      stream.end();
      return stream;
    }
    let streams = this.streams.get(planSlug);
    if (!streams) {
      streams = new Set();
      this.streams.set(planSlug, streams);
    }
    streams.add(stream);
    return stream;
  }

  /** Hands an event to this process's subscribers of its plan, unless it was handed over before. */
  deliver(event: PlanActivityEvent): void {
    if (this.delivered.has(event.statusUpdateId)) return;
    this.delivered.add(event.statusUpdateId);
    if (this.delivered.size > REMEMBERED_EVENTS) {
      // A Set iterates in insertion order: the first is the oldest.
      this.delivered.delete(this.delivered.values().next().value!);
    }
    // A copy of the set: a stream that fails while being handed the event leaves it.
    for (const stream of [...(this.streams.get(event.planSlug) ?? [])]) stream.push(event);
  }

  /** How many subscribers this process has for a plan (all plans without one). */
  subscriberCount(planSlug?: string): number {
    if (planSlug !== undefined) return this.streams.get(planSlug)?.size ?? 0;
    let count = 0;
    for (const streams of this.streams.values()) count += streams.size;
    return count;
  }

  /** Ends every subscription; later ones end at once. */
  async close(): Promise<void> {
    this.closed = true;
    for (const streams of [...this.streams.values()]) {
      for (const stream of [...streams]) stream.end();
    }
    this.streams.clear();
  }

  private remove(planSlug: string, stream: PlanActivityStream): void {
    const streams = this.streams.get(planSlug);
    if (!streams) return;
    streams.delete(stream);
    if (streams.size === 0) this.streams.delete(planSlug);
  }
}
