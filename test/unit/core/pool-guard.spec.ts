import { DatabaseUnavailableError, PoolGuard, RequestScope, runInRequestScope } from '@ogp/core';
import type { Pool, PoolClient } from 'pg';

type Callback = (
  error: Error | undefined,
  client: PoolClient | undefined,
  done: (e?: unknown) => void,
) => void;

/** A pool that hands out fake clients at once and records how each came back. */
function fakePool() {
  const released: unknown[] = [];
  const pool = {
    connect(callback: Callback) {
      const client = { query: () => Promise.resolve({ rows: [] }) } as unknown as PoolClient;
      setImmediate(() => callback(undefined, client, (error) => released.push(error)));
    },
    waitingCount: 0,
  };
  return { pool: pool as unknown as Pool, released };
}

function acquire(pool: Pool): Promise<[PoolClient, (error?: unknown) => void]> {
  return new Promise((resolve, reject) => {
    (pool.connect as unknown as (callback: Callback) => void)((error, client, done) =>
      error ? reject(error) : resolve([client!, done]),
    );
  });
}

const options = { size: 2, maxWaiting: 1, acquireTimeoutMs: 200, queryTimeoutMs: 1000 };

describe('PoolGuard', () => {
  it('hands out up to `size` connections, queues `maxWaiting` more, and refuses the rest at once', async () => {
    const { pool } = fakePool();
    const guard = new PoolGuard(pool, { ...options, acquireTimeoutMs: 5000 });
    const scope = new RequestScope(10_000);
    await runInRequestScope(scope, async () => {
      const first = await acquire(pool);
      await acquire(pool);
      const queued = acquire(pool);
      expect(guard.waitingCount).toBe(1);
      expect(guard.full).toBe(true);
      const started = Date.now();
      await expect(acquire(pool)).rejects.toThrow(DatabaseUnavailableError);
      // At once: long before a wait for a connection would have timed out.
      expect(Date.now() - started).toBeLessThan(1000);
      first[1]();
      await expect(queued).resolves.toHaveLength(2);
      expect(guard.waitingCount).toBe(0);
    });
  });

  it('lets the tracker’s own work (outside a request) queue beyond maxWaiting', async () => {
    const { pool } = fakePool();
    const guard = new PoolGuard(pool, options);
    const held = [await acquire(pool), await acquire(pool)];
    const waiting = [acquire(pool), acquire(pool), acquire(pool)];
    expect(guard.waitingCount).toBe(3);
    for (const [, done] of held) done();
    const [a] = await waiting[0];
    expect(a).toBeDefined();
    await expect(Promise.race([waiting[1], waiting[2]])).resolves.toBeDefined();
  });

  it('gives up on a wait after acquireTimeoutMs', async () => {
    const { pool } = fakePool();
    const guard = new PoolGuard(pool, options);
    await acquire(pool);
    await acquire(pool);
    await expect(acquire(pool)).rejects.toThrow('No database connection became free within 200 ms');
    expect(guard.waitingCount).toBe(0);
  });

  it('drops the queued acquisitions of an abandoned request, refuses its new ones, and discards what it held', async () => {
    const { pool, released } = fakePool();
    const guard = new PoolGuard(pool, { ...options, maxWaiting: 5 });
    const other = await acquire(pool);
    const scope = new RequestScope(10_000);
    const { held, queued } = await runInRequestScope(scope, async () => {
      const mine = await acquire(pool);
      return { held: mine, queued: acquire(pool) };
    });
    expect(guard.waitingCount).toBe(1);

    scope.abort('client gone');
    await expect(queued).rejects.toThrow('The client went away');
    expect(guard.waitingCount).toBe(0);
    await expect(runInRequestScope(scope, () => acquire(pool))).rejects.toThrow(
      'The client went away',
    );

    // Nothing was running on the held connection, so it goes back to the pool for reuse.
    held[1]();
    other[1]();
    expect(released).toEqual([undefined, undefined]);
    expect(guard.inUseCount).toBe(0);
  });

  it('cuts off the running statement of an abandoned request and discards its connection', async () => {
    const { pool, released } = fakePool();
    new PoolGuard(pool, options);
    const scope = new RequestScope(10_000);
    const [client, done] = await runInRequestScope(scope, () => acquire(pool));
    const destroy = jest.fn();
    Object.assign(client, {
      _getActiveQuery: () => ({}),
      connection: { stream: { destroy } },
    });
    scope.abort('deadline');
    expect(destroy).toHaveBeenCalled();
    done();
    expect(released).toEqual([true]);
  });

  it('discards a connection released with a statement still on the wire', async () => {
    const { pool, released } = fakePool();
    new PoolGuard(pool, options);
    const [client, done] = await acquire(pool);
    (client as unknown as { _getActiveQuery: () => unknown })._getActiveQuery = () => ({});
    done();
    expect(released).toEqual([true]);
  });
});
