import { errorMessage, type ErrorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '../errors/domain.exception';

/**
 * Why the database could not serve a statement:
 * - `unreachable`: the server is down, restarting, frozen or cut off (refused or lost connections, shutdown and
 *   connection SQLSTATEs, connections or answers that never came);
 * - `overloaded`: it is up, but this request could not be served in time (no free connection, a full queue, the
 *   statement or request deadline passed).
 * Anything else (bad SQL, a constraint, a bug) is not an outage and stays an internal error.
 */
export type DatabaseUnavailability = 'unreachable' | 'overloaded';

/** Seconds a refused client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS: Record<DatabaseUnavailability, number> = {
  unreachable: 5,
  overloaded: 2,
};

/** Thrown by the tracker itself when it refuses database work: the pool's queue is full, a deadline passed. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly kind: DatabaseUnavailability,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

// Socket errors of a connection that could not be made or was lost.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// pg's own messages for connections that ended, never came or stopped answering.
const UNREACHABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/i,
  /^Query read timeout$/,
  /^Connection ended unexpectedly/,
  /Client has encountered a connection error and is not queryable/,
  /^terminating connection due to/,
  // TypeORM, when a statement of a transaction comes after its connection died (the pg client's 'error' event
  // released the query runner): the cause, a lost connection, was only an event.
  /^Query runner already released/,
  /^Database connection provided by a query runner was already released/,
];

/**
 * SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html): 08 connection
 * exception; 57P01-57P05 shutdown, crash, "cannot connect now" (starting up or shutting down), database
 * dropped, idle session timeout; 53300 too many connections, 57014 statement cancelled (the statement timeout,
 * or the tracker cancelling work for a client that left).
 */
function classifySqlState(code: string): DatabaseUnavailability | null {
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-5]$/.test(code)) return 'unreachable';
  if (code === '53300' || code === '57014') return 'overloaded';
  return null;
}

function classifyOne(error: object): DatabaseUnavailability | null {
  if (error instanceof DatabaseUnavailableError) return error.kind;
  if (error instanceof DomainException) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return 'unreachable';
    const fromState = classifySqlState(code);
    if (fromState) return fromState;
  }
  const message = (error as { message?: unknown }).message;
  if (
    typeof message === 'string' &&
    UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))
  ) {
    return 'unreachable';
  }
  return null;
}

/**
 * Whether an error means the database is unavailable (and how), looking through the wrappers it may arrive in:
 * TypeORM's QueryFailedError (`driverError`), `cause`, GraphQL's `originalError`, AggregateError's `errors`.
 * Used for every database error the tracker answers or logs, so the API and background work agree.
 */
export function classifyDatabaseError(error: unknown): DatabaseUnavailability | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const kind = classifyOne(current);
    if (kind) return kind;
    const wrapper = current as {
      driverError?: unknown;
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    queue.push(wrapper.driverError, wrapper.cause, wrapper.originalError);
    if (Array.isArray(wrapper.errors)) queue.push(...(wrapper.errors as unknown[]));
  }
  return null;
}

const MESSAGES: Record<DatabaseUnavailability, ErrorMessage> = {
  unreachable: errorMessage('service.databaseUnavailable'),
  overloaded: errorMessage('service.busy'),
};

/**
 * The answer clients get for an unavailable database: SERVICE_UNAVAILABLE with `retryAfterSeconds` (and HTTP
 * 503 with Retry-After), the same for reads, writes and signed-in requests. Null for any other error.
 */
export function serviceUnavailable(error: unknown): DomainException | null {
  if (error instanceof DomainException) {
    return error.code === ErrorCode.SERVICE_UNAVAILABLE ? error : null;
  }
  const kind = classifyDatabaseError(error);
  if (!kind) return null;
  return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, MESSAGES[kind], {
    retryAfterSeconds: RETRY_AFTER_SECONDS[kind],
  });
}

/** A refusal of the tracker's own making (busy, deadline), as clients see it. */
export function busy(reason: ErrorMessage = MESSAGES.overloaded): DomainException {
  return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, reason, {
    retryAfterSeconds: RETRY_AFTER_SECONDS.overloaded,
  });
}
