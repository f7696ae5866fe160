import { AsyncLocalStorage } from 'node:async_hooks';
import { errorMessage, type ErrorMessage } from '@ogp/common';
import { DatabaseUnavailableError } from './database-errors';

export type AbortReason = 'client gone' | 'deadline';

/** What a request holds of the pool: the guard cancels it when the request is abandoned. */
export interface HeldConnection {
  /** Cancels the running statement, if any, and makes sure the connection is not used again. */
  cancel(): void;
}

/**
 * The database work of one HTTP request. When the request is abandoned (its client went away, or its deadline
 * passed) the scope is aborted: its queued pool acquisitions are dropped, its running statements cancelled, and
 * any further statement it tries fails at once instead of computing an answer nobody will read.
 */
export class RequestScope {
  private abortedBy: AbortReason | null = null;
  private readonly held = new Set<HeldConnection>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deadlineMs: number) {}

  get aborted(): boolean {
    return this.abortedBy !== null;
  }

  get reason(): AbortReason | null {
    return this.abortedBy;
  }

  /** The error the request's database work fails with once it is aborted. */
  abortError(): DatabaseUnavailableError {
    return new DatabaseUnavailableError(
      'overloaded',
      this.abortedBy === 'deadline'
        ? `The request took longer than ${this.deadlineMs} ms`
        : 'The client went away',
    );
  }

  /** Why the request was refused once aborted, as the message clients get. */
  refusalReason(): ErrorMessage {
    return this.abortedBy === 'deadline'
      ? errorMessage('service.deadline', { ms: this.deadlineMs })
      : errorMessage('service.clientGone');
  }

  abort(reason: AbortReason): void {
    if (this.abortedBy) return;
    this.abortedBy = reason;
    for (const connection of [...this.held]) connection.cancel();
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }

  hold(connection: HeldConnection): void {
    this.held.add(connection);
  }

  letGo(connection: HeldConnection): void {
    this.held.delete(connection);
  }

  /** Calls `listener` once if the scope is aborted; returns a function that forgets it. */
  onAbort(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request being served, if any (none for startup and background work). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
