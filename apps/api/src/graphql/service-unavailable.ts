import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  busy,
  currentRequestScope,
  ErrorCode,
  RequestScope,
  runInRequestScope,
  serviceUnavailable,
  type DomainException,
  type PoolGuard,
} from '@ogp/core';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { performance } from 'node:perf_hooks';
import { databaseAvailability } from '../health/database-availability';

/**
 * The refusal a database error (or an abandoned request's) stands for, or null for anything else. Once a
 * request is past its deadline, whatever its statements fail with is that deadline, not a lost database.
 */
export function refusalFor(error: unknown): DomainException | null {
  const scope = currentRequestScope();
  if (scope?.aborted) return busy(scope.refusalReason());
  return serviceUnavailable(error);
}

function retryAfter(extensions: Record<string, unknown> | undefined): string {
  const seconds = extensions?.retryAfterSeconds;
  return String(typeof seconds === 'number' && seconds > 0 ? seconds : 5);
}

/**
 * Thrown by the GraphQL context when authentication cannot reach the database: Apollo answers a failing
 * context itself (500 by default), so the status and Retry-After travel in the error's `http` extension.
 */
export function contextRefusal(refusal: DomainException): GraphQLError {
  const extensions = refusal.extensions();
  return new GraphQLError(refusal.message, {
    extensions: {
      ...extensions,
      // Apollo takes any Map as the headers of a failing context's answer.
      http: { status: 503, headers: new Map([['retry-after', retryAfter(extensions)]]) },
    },
  });
}

/** A GraphQL answer with a SERVICE_UNAVAILABLE error goes out as HTTP 503 with Retry-After. */
export function serviceUnavailablePlugin(): NonNullable<ApolloDriverConfig['plugins']>[number] {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          const refusal = response.body.singleResult.errors?.find(
            (error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE,
          );
          if (refusal) {
            response.http.status = 503;
            response.http.headers.set('retry-after', retryAfter(refusal.extensions));
            databaseAvailability.refused(refusal.message);
          }
          return Promise.resolve();
        },
      });
    },
  };
}

// Share of the last half second the event loop was busy, past which a busy server takes no new request.
const LOOP_SATURATED = 0.9;
const LOOP_SAMPLE_MS = 500;
// How long after a refusal a saturated server counts as overloaded: two samples of the loop.
const OVERLOAD_MEMORY_MS = 2 * LOOP_SAMPLE_MS;

/** How busy this process's event loop has been lately (0 idle, 1 never idle). */
function loopLoad(): () => number {
  let last = performance.eventLoopUtilization();
  let utilization = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    utilization = performance.eventLoopUtilization(now, last).utilization;
    last = now;
  }, LOOP_SAMPLE_MS);
  timer.unref();
  return () => utilization;
}

/**
 * In front of /graphql, before the body is read: a new request is refused at once (503, Retry-After) when
 * - the pool's queue is full, or
 * - as many requests are in the house as the pool can serve and queue (`maxInFlight`): a thousand requests all
 *   pass the door before the first reaches the pool, and each would be read, parsed and run only to be
 *   refused there, or
 * - at least `busyInFlight` requests are in the house, or a request was refused within the last second, and the
 *   event loop has had no idle moment lately: the process is CPU-bound, and every request let in now delays all
 *   the others, and the next visitor's answer.
 */
export function shedLoad(guard: PoolGuard, maxInFlight: number, busyInFlight: number) {
  let inFlight = 0;
  const load = loopLoad();
  const refusal = busy();
  const body = JSON.stringify({
    errors: [{ message: refusal.message, extensions: refusal.extensions() }],
  });
  let lastRefusedAt = -Infinity;
  return (req: Request, res: Response, next: NextFunction): void => {
    const now = performance.now();
    // Once it has refused, a saturated server takes nothing new until its loop has had an idle moment: each
    // request let in while a backlog waits delays every request behind it, the next visitor's too.
    const overloaded = now - lastRefusedAt < OVERLOAD_MEMORY_MS;
    const saturated = (overloaded || inFlight >= busyInFlight) && load() > LOOP_SATURATED;
    if (inFlight < maxInFlight && !guard.full && !saturated) {
      inFlight++;
      res.once('close', () => inFlight--);
      next();
      return;
    }
    lastRefusedAt = now;
    databaseAvailability.refused(refusal.message);
    // Written straight out: under a burst every refusal's cost delays the next visitor.
    res.writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': retryAfter(refusal.details),
    });
    res.end(body);
  };
}

/**
 * Gives each GraphQL request a RequestScope (after its body is read, so everything it runs sees the scope):
 * aborted when the client goes away before the answer, or when the deadline passes.
 */
export function scopeRequests(deadlineMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const scope = new RequestScope(deadlineMs);
    const deadline = setTimeout(() => scope.abort('deadline'), deadlineMs);
    deadline.unref();
    res.once('close', () => {
      clearTimeout(deadline);
      if (!res.writableFinished) scope.abort('client gone');
    });
    runInRequestScope(scope, next);
  };
}
