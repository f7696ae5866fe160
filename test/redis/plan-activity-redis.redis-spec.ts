import { randomBytes } from 'node:crypto';
import { Role } from '@ogp/common';
import { PLAN_EVENTS, type PlanActivityEvent } from '@ogp/core';
import type { ClosablePlanEvents } from '@ogp/core/events/events.module';
import { planActivityChannel } from '@ogp/core/events/redis-plan-events';
import { PlanLoader } from '@ogp/domain';
import type { Client } from 'graphql-ws';
import Redis from 'ioredis';
import { buildPlanFile } from '../factories/plan-file.factory';
import { buildPlanActivity } from '../factories/plan-activity.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { graphqlWsClient, LiveResults, settle, until } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

/*
 * Two API processes (two app instances) sharing one database and one Redis (TEST_REDIS_URL): an event published
 * in one reaches the subscribers of the other, and its own, once each. A channel prefix of this run's own keeps
 * parallel runs apart.
 */

const SUBSCRIPTION = `subscription ($planSlug: String!) {
  planActivity(planSlug: $planSlug) { planSlug statusUpdateId sequence status }
}`;

function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is unset: the redis project needs a Redis server');
  return url;
}

const plan = buildPlanFile();
const otherPlan = buildPlanFile();
const activity = buildPlanActivity;
const prefix = `ogp-test-${randomBytes(6).toString('hex')}:`;

const shown = (event: PlanActivityEvent) => ({
  data: {
    planActivity: {
      planSlug: event.planSlug,
      statusUpdateId: event.statusUpdateId,
      sequence: event.sequence,
      status: event.status,
    },
  },
});

describe('planActivity shared between API processes through Redis', () => {
  let db: TestDatabase;
  let apiA: TestApp;
  let apiB: TestApp;
  let observer: Redis;
  const clients: Client[] = [];
  /** Apps not closed yet (a test closes them; afterAll closes what is left). */
  const running = new Set<TestApp>();

  async function close(api: TestApp): Promise<void> {
    running.delete(api);
    await api.close();
  }

  const events = (api: TestApp) => api.app.get<ClosablePlanEvents>(PLAN_EVENTS);

  async function subscribe(api: TestApp, planSlug: string): Promise<LiveResults> {
    const client = graphqlWsClient(api.baseUrl);
    clients.push(client);
    const before = events(api).subscriberCount(planSlug);
    const live = new LiveResults(client, SUBSCRIPTION, { planSlug });
    await until(
      () => events(api).subscriberCount(planSlug) > before || live.completed,
      5000,
      'the subscriber',
    );
    expect(live.received).toEqual([]);
    return live;
  }

  /** How many connections listen on this run's channel. */
  async function listeners(): Promise<number> {
    const [, count] = (await observer.pubsub('NUMSUB', planActivityChannel(prefix))) as [
      string,
      number,
    ];
    return count;
  }

  beforeAll(async () => {
    observer = new Redis(redisUrl());
    db = await createTestDatabase();
    const loader = new PlanLoader(db.dataSource);
    await loader.load(plan);
    await loader.load(otherPlan);
    const env = { SEED_PLAN_FILE: 'none', REDIS_URL: redisUrl(), REDIS_CHANNEL_PREFIX: prefix };
    apiA = await startTestApp({ databaseUrl: db.url, env });
    running.add(apiA);
    apiB = await startTestApp({ databaseUrl: db.url, env });
    running.add(apiB);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    for (const api of [...running]) await close(api);
    await db?.drop();
    await observer?.quit();
  }, 60_000);

  it('each app listens on the channel of this run', async () => {
    expect(apiA.config.redisChannelPrefix).toBe(prefix);
    expect(await listeners()).toBe(2);
  });

  it('brings an event published in one app to the subscribers of both, once each', async () => {
    const onB = await subscribe(apiB, plan.plan.slug);
    const onA = await subscribe(apiA, plan.plan.slug);
    const otherOnB = await subscribe(apiB, otherPlan.plan.slug);

    const event = activity(plan.plan.slug);
    await events(apiA).publish(event);
    const fromB = activity(plan.plan.slug);
    await events(apiB).publish(fromB);

    expect(await onB.waitFor(2)).toEqual([shown(event), shown(fromB)]);
    expect(await onA.waitFor(2)).toEqual([shown(event), shown(fromB)]);
    await settle();
    expect(onB.received).toHaveLength(2);
    expect(onA.received).toHaveLength(2);
    expect(otherOnB.received).toEqual([]);
  });

  it('does not hear the events of another channel prefix (another deployment or test run)', async () => {
    const live = await subscribe(apiB, otherPlan.plan.slug);
    const stranger = activity(otherPlan.plan.slug);
    await observer.publish(planActivityChannel(`${prefix}other:`), JSON.stringify(stranger));
    await observer.publish(planActivityChannel(prefix), 'not an event');
    const event = activity(otherPlan.plan.slug);
    await events(apiA).publish(event);
    expect(await live.waitFor(1)).toEqual([shown(event)]);
    await settle();
    expect(live.received).toHaveLength(1);
  });

  it('tells a PUBLIC update recorded over HTTP on one app to a subscriber of the other', async () => {
    const slug = plan.plan.slug;
    const admin = await signIn(
      apiA.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
    );
    const read = await graphql(
      apiA.baseUrl,
      `
        query ($slug: String!) {
          actionPlan(slug: $slug) {
            commitments {
              nodes {
                milestones {
                  id
                  version
                  status
                }
              }
            }
          }
        }
      `,
      { slug },
    );
    expect(read.errors).toBeUndefined();
    const milestone = (
      read.data?.actionPlan.commitments.nodes as {
        milestones: { id: string; version: number; status: string | null }[];
      }[]
    )
      .flatMap((commitment) => commitment.milestones)
      .find((m) => m.status === 'IN_PROGRESS')!;
    const live = await subscribe(apiB, slug);
    const recorded = await graphql(
      apiA.baseUrl,
      `
        mutation ($input: RecordMilestoneUpdateInput!) {
          recordMilestoneUpdate(input: $input) {
            statusUpdate {
              id
              sequence
            }
          }
        }
      `,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: 'IN_PROGRESS',
          progressPercent: 55,
          note: { en: 'Recorded on A (test data)' },
        },
      },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    const { id, sequence: recordedSequence } = recorded.data!.recordMilestoneUpdate.statusUpdate;
    expect(await live.waitFor(1)).toEqual([
      {
        data: {
          planActivity: {
            planSlug: slug,
            statusUpdateId: id,
            sequence: recordedSequence,
            status: 'IN_PROGRESS',
          },
        },
      },
    ]);
    await settle();
    expect(live.received).toHaveLength(1);
  }, 30_000);

  it('closes its Redis connections when the app closes', async () => {
    await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
    await close(apiB);
    expect(await listeners()).toBe(1);
    await close(apiA);
    expect(await listeners()).toBe(0);
  });
});
