import { randomBytes } from 'node:crypto';
import { Role } from '@ogp/common';
import { PLAN_EVENTS } from '@ogp/core';
import type { ClosablePlanEvents } from '@ogp/core/events/events.module';
import { PlanLoader } from '@ogp/domain';
import type { Client } from 'graphql-ws';
import Redis from 'ioredis';
import { buildPlanFile } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { graphqlWsClient, LiveResults, settle, until } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';
import { TestRedisServer } from './redis-server';

/*
 * Two API processes on one database share live events through a Redis of the test's own, which is killed
 * (SIGKILL) and started again while progress is recorded: writes go on at the same speed, and every event
 * recorded while Redis was away reaches the subscribers of both processes once it is back, once each, in order.
 */

const SUBSCRIPTION = `subscription ($planSlug: String!) {
  planActivity(planSlug: $planSlug) { statusUpdateId sequence }
}`;

const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) {
    milestone { version }
    statusUpdate { id sequence }
  }
}`;

/** Writes per phase: the latency bound compares the medians of the phases. */
const WRITES = 10;

const plan = buildPlanFile();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('live events through a Redis outage (two API processes)', () => {
  let redis: TestRedisServer;
  let db: TestDatabase;
  const apps: TestApp[] = [];
  const clients: Client[] = [];
  const cookies: Record<string, string>[] = [];
  let milestone: { id: string; version: number };
  /** Every update recorded, in the order it was recorded (its sequence in the plan's chain grows with it). */
  const recorded: { id: string; sequence: number }[] = [];

  /** Records one PUBLIC update through the next app in turn; returns how long the request took. */
  async function record(): Promise<number> {
    const index = recorded.length % apps.length;
    const started = performance.now();
    const result = await graphql(
      apps[index].baseUrl,
      RECORD,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: 'IN_PROGRESS',
          progressPercent: recorded.length + 1,
          note: { en: `Report ${recorded.length + 1} (test data)` },
        },
      },
      cookies[index],
    );
    const took = performance.now() - started;
    expect(result.errors).toBeUndefined();
    const payload = result.data!.recordMilestoneUpdate as {
      milestone: { version: number };
      statusUpdate: { id: string; sequence: number };
    };
    milestone.version = payload.milestone.version;
    recorded.push(payload.statusUpdate);
    return took;
  }

  async function recordMany(count: number): Promise<number[]> {
    const took: number[] = [];
    for (let i = 0; i < count; i += 1) took.push(await record());
    return took;
  }

  async function subscribe(api: TestApp): Promise<LiveResults> {
    const client = graphqlWsClient(api.baseUrl);
    clients.push(client);
    const events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
    const before = events.subscriberCount(plan.plan.slug);
    const live = new LiveResults(client, SUBSCRIPTION, { planSlug: plan.plan.slug });
    await until(
      () => events.subscriberCount(plan.plan.slug) > before || live.completed,
      5000,
      'the subscriber',
    );
    return live;
  }

  const told = (live: LiveResults) =>
    live.received.map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data?.planActivity as { statusUpdateId: string; sequence: number };
    });

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    db = await createTestDatabase();
    await new PlanLoader(db.dataSource).load(plan);
    const env = {
      SEED_PLAN_FILE: 'none',
      REDIS_URL: redis.url,
      REDIS_CHANNEL_PREFIX: `ogp-fault-${randomBytes(6).toString('hex')}:`,
    };
    apps.push(await startTestApp({ databaseUrl: db.url, env }));
    apps.push(await startTestApp({ databaseUrl: db.url, env }));
    const admin = await createTestUser(db.dataSource, { roles: [Role.ADMIN] });
    for (const api of apps) cookies.push(await signIn(api.baseUrl, admin));
    const [row]: { id: string; version: number }[] = await db.dataSource.query(
      `SELECT m.id, m.version FROM milestone m
       JOIN commitment c ON c.id = m.commitment_id JOIN action_plan p ON p.id = c.action_plan_id
       WHERE p.slug = $1 AND m.status = 'IN_PROGRESS' LIMIT 1`,
      [plan.plan.slug],
    );
    milestone = row;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    for (const api of apps) await api.close();
    await db?.drop();
    await redis?.kill();
  }, 60_000);

  it('keeps writes as fast with Redis down and delivers what was recorded meanwhile once it is back', async () => {
    const subscribers = [await subscribe(apps[0]), await subscribe(apps[1])];
    const allArrived = (what: string, timeoutMs: number) =>
      Promise.all(
        subscribers.map((live) =>
          until(() => live.received.length >= recorded.length, timeoutMs, what),
        ),
      );

    // Warm-up (first requests compile and cache), then the measured writes with Redis up.
    await recordMany(2);
    const up = await recordMany(WRITES);
    await allArrived('the events recorded with Redis up', 10_000);

    await redis.kill();
    await settle(200);
    const down = await recordMany(WRITES);

    const medianUp = median(up);
    const medianDown = median(down);
    // Reported when the bound fails (and useful when it holds).
    console.log(
      `write latency, median of ${WRITES}: Redis up ${medianUp.toFixed(1)} ms, ` +
        `Redis down ${medianDown.toFixed(1)} ms (max ${Math.max(...down).toFixed(1)} ms)`,
    );
    // The bound: within 2x, plus a little slack so 10 ms against 25 ms of noise does not fail.
    expect(medianDown).toBeLessThanOrEqual(2 * medianUp + 50);

    // Long enough for the relays to try, fail and back off: the events wait, none is half-told.
    await settle(2000);
    for (const live of subscribers) expect(live.received).toHaveLength(2 + WRITES);

    await redis.start();
    await allArrived('the events recorded while Redis was down', 30_000);
    await recordMany(3);
    await allArrived('the events recorded after Redis returned', 10_000);
    await settle(500);

    const expected = recorded.map(({ id, sequence }) => ({ statusUpdateId: id, sequence }));
    for (const live of subscribers) {
      expect(live.error).toBeNull();
      expect(live.completed).toBe(false);
      // Each exactly once, in the order recorded.
      expect(told(live)).toEqual(expected);
    }
  }, 180_000);

  it("brings a process's subscribers what was sent while its Redis listener alone was away", async () => {
    const subscribers = [await subscribe(apps[0]), await subscribe(apps[1])];
    const admin = new Redis(redis.url);
    try {
      // Redis stays up and the publishers connected; the listeners are cut off and kept out a while.
      const info = await admin.info('clients');
      const connected = Number(/connected_clients:(\d+)/.exec(info)![1]);
      await admin.config('SET', 'maxclients', String(connected - 2));
      expect(await admin.client('KILL', 'TYPE', 'pubsub')).toBe(2);
      const from = recorded.length;
      await recordMany(4);
      await settle(500);
      for (const live of subscribers) expect(live.received).toEqual([]);
      await admin.config('SET', 'maxclients', '10000');

      const expected = recorded
        .slice(from)
        .map(({ id, sequence }) => ({ statusUpdateId: id, sequence }));
      await Promise.all(
        subscribers.map((live) =>
          until(() => live.received.length >= expected.length, 15_000, 'the missed events'),
        ),
      );
      await recordMany(1);
      expected.push({ statusUpdateId: recorded.at(-1)!.id, sequence: recorded.at(-1)!.sequence });
      await Promise.all(
        subscribers.map((live) =>
          until(() => live.received.length >= expected.length, 10_000, 'the next event'),
        ),
      );
      await settle(500);
      for (const live of subscribers) expect(told(live)).toEqual(expected);
    } finally {
      await admin.config('SET', 'maxclients', '10000');
      admin.disconnect();
    }
  }, 60_000);
});
