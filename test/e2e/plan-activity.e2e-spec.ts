import { Role } from '@ogp/common';
import { PLAN_EVENTS, type PlanActivityEvent } from '@ogp/core';
import type { ClosablePlanEvents } from '@ogp/core/events/events.module';
import { PlanLoader } from '@ogp/domain';
import type { Client } from 'graphql-ws';
import { buildPlanFile } from '../factories/plan-file.factory';
import { buildPlanActivity } from '../factories/plan-activity.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { graphqlWsClient, LiveResults, settle, until } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

/*
 * planActivity over a real websocket (graphql-ws) to the real app: events published through PLAN_EVENTS reach
 * the subscribers of their plan once each, and no one else; plans the subscriber may not read are NOT_FOUND.
 */

const SUBSCRIPTION = `subscription ($planSlug: String!) {
  planActivity(planSlug: $planSlug) {
    kind planSlug statusUpdateId sequence milestoneId commitmentOgpId status progressPercent effectiveDate recordedAt
  }
}`;

const published = buildPlanFile();
const otherPublished = buildPlanFile();
const unpublished = buildPlanFile({ plan: { published: false } });
const activity = buildPlanActivity;

/** The event as the subscription shows it. */
function shown(event: PlanActivityEvent) {
  const { planId: _planId, ...fields } = event;
  return { planActivity: fields };
}

describe('planActivity subscription over graphql-ws', () => {
  let db: TestDatabase;
  let api: TestApp;
  let events: ClosablePlanEvents;
  const clients: Client[] = [];

  function connect(options: Parameters<typeof graphqlWsClient>[1] = {}): Client {
    const client = graphqlWsClient(api.baseUrl, options);
    clients.push(client);
    return client;
  }

  /** Subscribes and waits until the server listens, so an event published next cannot be missed. */
  async function subscribe(client: Client, planSlug: string): Promise<LiveResults> {
    const before = events.subscriberCount(planSlug);
    const live = new LiveResults(client, SUBSCRIPTION, { planSlug });
    await until(
      () => events.subscriberCount(planSlug) > before || live.completed || live.error !== null,
      5000,
      `a subscriber of ${planSlug}`,
    );
    expect(live.received).toEqual([]);
    expect(live.error).toBeNull();
    return live;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const loader = new PlanLoader(db.dataSource);
    for (const plan of [published, otherPublished, unpublished]) await loader.load(plan);
    api = await startTestApp({ databaseUrl: db.url, env: { SEED_PLAN_FILE: 'none' } });
    events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await api?.close();
    await db?.drop();
  }, 60_000);

  it('brings each event of the plan to each subscriber once, in order, and none of another plan', async () => {
    const slug = published.plan.slug;
    const first = await subscribe(connect(), slug);
    const second = await subscribe(connect(), slug);
    const elsewhere = await subscribe(connect(), otherPublished.plan.slug);

    const one = activity(slug, { status: 'COMPLETED', progressPercent: 100 });
    const other = activity(otherPublished.plan.slug);
    const two = activity(slug, { progressPercent: null, status: 'NOT_STARTED' });
    await events.publish(one);
    await events.publish(other);
    await events.publish(two);

    expect(await first.waitFor(2)).toEqual([{ data: shown(one) }, { data: shown(two) }]);
    expect(await second.waitFor(2)).toEqual([{ data: shown(one) }, { data: shown(two) }]);
    expect(await elsewhere.waitFor(1)).toEqual([{ data: shown(other) }]);
    await settle();
    expect(first.received).toHaveLength(2);
    expect(second.received).toHaveLength(2);
    expect(elsewhere.received).toHaveLength(1);
    for (const live of [first, second, elsewhere]) live.stop();
  });

  it('tells a PUBLIC update recorded over HTTP to the subscriber, and never an INTERNAL one', async () => {
    const slug = published.plan.slug;
    const admin = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
    );
    const plan = await graphql(
      api.baseUrl,
      `
        query ($slug: String!) {
          actionPlan(slug: $slug) {
            commitments {
              nodes {
                ogpId
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
    expect(plan.errors).toBeUndefined();
    const commitments = plan.data?.actionPlan.commitments.nodes as {
      ogpId: string;
      milestones: { id: string; version: number; status: string | null }[];
    }[];
    const commitment = commitments.find((c) =>
      c.milestones.some((m) => m.status === 'IN_PROGRESS'),
    )!;
    const milestone = commitment.milestones.find((m) => m.status === 'IN_PROGRESS')!;
    const live = await subscribe(connect(), slug);

    let version = milestone.version;
    const recorded: { id: string; sequence: number; recordedAt: string }[] = [];
    for (const [percent, visibility] of [
      [50, 'PUBLIC'],
      [60, 'INTERNAL'],
      [70, 'PUBLIC'],
    ] as const) {
      const result = await graphql(
        api.baseUrl,
        `
          mutation ($input: RecordMilestoneUpdateInput!) {
            recordMilestoneUpdate(input: $input) {
              milestone {
                version
              }
              statusUpdate {
                id
                sequence
                recordedAt
              }
            }
          }
        `,
        {
          input: {
            milestoneId: milestone.id,
            expectedVersion: version,
            status: 'IN_PROGRESS',
            progressPercent: percent,
            effectiveDate: '2026-11-20',
            note: { en: `${visibility} report (test data)` },
            visibility,
          },
        },
        admin,
      );
      expect(result.errors).toBeUndefined();
      version = result.data?.recordMilestoneUpdate.milestone.version;
      recorded.push(result.data?.recordMilestoneUpdate.statusUpdate);
    }

    const told = (index: number, progressPercent: number) => ({
      data: {
        planActivity: {
          kind: 'STATUS_UPDATE',
          planSlug: slug,
          statusUpdateId: recorded[index].id,
          sequence: recorded[index].sequence,
          milestoneId: milestone.id,
          commitmentOgpId: commitment.ogpId,
          status: 'IN_PROGRESS',
          progressPercent,
          effectiveDate: '2026-11-20',
          recordedAt: recorded[index].recordedAt,
        },
      },
    });
    expect(await live.waitFor(2)).toEqual([told(0, 50), told(2, 70)]);
    await settle();
    expect(live.received).toHaveLength(2);
    live.stop();
  }, 30_000);

  it('stops listening when the subscriber unsubscribes or disconnects', async () => {
    const slug = otherPublished.plan.slug;
    await until(() => events.subscriberCount(slug) === 0, 5000, 'no subscribers');
    const stopping = await subscribe(connect(), slug);
    const leavingClient = connect();
    await subscribe(leavingClient, slug);
    expect(events.subscriberCount(slug)).toBe(2);

    stopping.stop();
    await until(() => events.subscriberCount(slug) === 1, 5000, 'one subscriber left');
    await leavingClient.dispose();
    await until(() => events.subscriberCount(slug) === 0, 5000, 'no subscriber left');

    await events.publish(activity(slug));
    await settle();
    expect(stopping.received).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown plan slug, and keeps no listener for it', async () => {
    const live = new LiveResults(connect(), SUBSCRIPTION, { planSlug: 'no-such-plan' });
    await live.waitForEnd();
    expect(live.error).toBeNull();
    expect(live.received).toHaveLength(1);
    expect(live.received[0].data ?? null).toBeNull();
    expect(live.received[0].errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'slug', value: 'no-such-plan' }),
    );
    expect(events.subscriberCount('no-such-plan')).toBe(0);
  });

  describe('an unpublished plan', () => {
    const slug = unpublished.plan.slug;
    let cookie: Record<string, string>;

    beforeAll(async () => {
      const reviewer = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
      cookie = await signIn(api.baseUrl, reviewer);
    });

    async function expectNotFound(client: Client): Promise<void> {
      const live = new LiveResults(client, SUBSCRIPTION, { planSlug: slug });
      await live.waitForEnd();
      expect(live.received.map((result) => result.errors?.[0].extensions?.code)).toEqual([
        'NOT_FOUND',
      ]);
      expect(live.received[0].errors?.[0].message).toBe(`No action plan with slug "${slug}"`);
    }

    it('is NOT_FOUND to the public, the same as a plan that does not exist', async () => {
      await expectNotFound(connect());
    });

    it('is NOT_FOUND with a session cookie sent from a page of another origin', async () => {
      await expectNotFound(
        connect({ headers: { ...cookie, origin: 'https://elsewhere.example' } }),
      );
    });

    it('is NOT_FOUND with a bearer token that is not valid', async () => {
      await expectNotFound(
        connect({ connectionParams: { authorization: 'Bearer ogp_not-a-token' } }),
      );
    });

    it("is open to a reviewer signed in with the session cookie (the tracker's own origin too)", async () => {
      for (const headers of [cookie, { ...cookie, origin: api.baseUrl }]) {
        const live = await subscribe(connect({ headers }), slug);
        const event = activity(slug);
        await events.publish(event);
        expect(await live.waitFor(1)).toEqual([{ data: shown(event) }]);
        live.stop();
        await until(() => events.subscriberCount(slug) === 0, 5000, 'the subscriber to leave');
      }
    });

    it('is open to a reviewer with an API token in connectionParams.authorization', async () => {
      const created = await graphql(
        api.baseUrl,
        'mutation { createApiToken(name: "live events") { token } }',
        {},
        cookie,
      );
      expect(created.errors).toBeUndefined();
      const token = created.data?.createApiToken.token as string;
      const live = await subscribe(
        connect({ connectionParams: { authorization: `Bearer ${token}` } }),
        slug,
      );
      const event = activity(slug);
      await events.publish(event);
      expect(await live.waitFor(1)).toEqual([{ data: shown(event) }]);
      live.stop();
    });
  });

  it('answers a malformed or invalid subscription with the codes HTTP gives', async () => {
    const client = connect();
    for (const [query, code, message] of [
      ['subscription { planActivity(', 'GRAPHQL_PARSE_FAILED', 'Syntax Error'],
      [
        'subscription { planActivity(planSlug: "x") { nope } }',
        'GRAPHQL_VALIDATION_FAILED',
        'Cannot query field "nope" on type "PlanActivity".',
      ],
      ['subscription { planActivity { kind } }', 'GRAPHQL_VALIDATION_FAILED', 'planSlug'],
    ]) {
      const live = new LiveResults(client, query);
      await live.waitForEnd();
      expect(live.received).toEqual([]);
      expect(live.error).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(message),
          // With a message key, so the dashboard can say it in the reader's language.
          extensions: expect.objectContaining({ code, messageKey: expect.any(String) }),
        }),
      ]);
    }
  });

  it('refuses queries and mutations over the websocket: they go over HTTP', async () => {
    const client = connect();
    for (const [query, kind] of [
      ['{ actionPlans { totalCount } }', 'queries'],
      ['mutation { logout }', 'mutations'],
    ]) {
      const live = new LiveResults(client, query);
      await live.waitForEnd();
      expect(live.received).toEqual([]);
      expect(live.error).toEqual([
        expect.objectContaining({
          message: `Send ${kind} over HTTP (POST /graphql); a websocket only subscribes`,
          extensions: {
            code: 'BAD_REQUEST',
            messageKey: `request.${kind}OverWebsocket`,
            messageParams: {},
          },
        }),
      ]);
    }
  });
});
