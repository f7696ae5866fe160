import { Role } from '@ogp/common';
import { PLAN_EVENTS } from '@ogp/core';
import type { ClosablePlanEvents } from '@ogp/core/events/events.module';
import { PlanLoader, type PlanFile } from '@ogp/domain';
import type { Client } from 'graphql-ws';
import { buildPlanFile } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { graphqlWsClient, LiveResults, settle, until } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn, type TestUser } from '../utils/users';

/*
 * A websocket follows its viewer's CURRENT rights: signing out, deactivation, a role or agency change, a session
 * that expires and a plan withdrawn from the public end the subscriptions they no longer allow within a second
 * (the operation ends with the error NOT_FOUND, as a new subscription would be answered), and nothing recorded
 * after the change reaches them. The connection itself stays open, as the viewer it now is.
 */

const SUBSCRIPTION = `subscription ($planSlug: String!) {
  planActivity(planSlug: $planSlug) { planSlug statusUpdateId progressPercent }
}`;

/** The bound the tracker promises for ending a subscription after a change of rights. */
const WITHIN_A_SECOND = 1000;

const agencySlug = (plan: PlanFile, index: number) => plan.agencies[index].key;

describe('planActivity follows the current rights of its viewer', () => {
  let db: TestDatabase;
  let api: TestApp;
  let events: ClosablePlanEvents;
  let adminHeaders: Record<string, string>;
  const clients: Client[] = [];
  /** A reviewer's connection per plan: it sees every event, so a test knows when one has been delivered. */
  const witnesses = new Map<string, LiveResults>();

  function connect(headers: Record<string, string> = {}): Client {
    const client = graphqlWsClient(api.baseUrl, { headers });
    clients.push(client);
    return client;
  }

  /** Subscribes and waits until the server listens (or has answered). */
  async function subscribe(client: Client, planSlug: string): Promise<LiveResults> {
    const before = events.subscriberCount(planSlug);
    const live = new LiveResults(client, SUBSCRIPTION, { planSlug });
    await until(
      () =>
        events.subscriberCount(planSlug) > before ||
        live.completed ||
        live.error !== null ||
        live.received.length > 0,
      5000,
      `a subscriber of ${planSlug}`,
    );
    return live;
  }

  /** Subscribes and expects the server to listen: the viewer may read the plan. */
  async function listening(client: Client, planSlug: string): Promise<LiveResults> {
    const live = await subscribe(client, planSlug);
    expect(live.received).toEqual([]);
    expect(live.error).toBeNull();
    return live;
  }

  /** Expects a new subscription on `client` to be answered NOT_FOUND, as to someone who may not read it. */
  async function expectRefused(client: Client, planSlug: string): Promise<void> {
    const live = new LiveResults(client, SUBSCRIPTION, { planSlug });
    await live.waitForEnd();
    expect(live.received.map((result) => result.errors?.[0].extensions?.code)).toEqual([
      'NOT_FOUND',
    ]);
  }

  /** Expects `live` to be ended by the server with NOT_FOUND within a second, having received nothing. */
  async function expectEndedWithin(live: LiveResults, planSlug: string): Promise<void> {
    await live.waitForEnd(WITHIN_A_SECOND);
    expect(live.received).toEqual([]);
    expect(live.error).toEqual([
      expect.objectContaining({
        message: `No action plan with slug "${planSlug}"`,
        extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'slug', value: planSlug }),
      }),
    ]);
  }

  async function admin(query: string, variables: Record<string, unknown>) {
    const result = await graphql(api.baseUrl, query, variables, adminHeaders);
    expect(result.errors).toBeUndefined();
    return result;
  }

  const setRoles = (user: TestUser, roles: Role[], agencySlugs: string[]) =>
    admin(
      `mutation ($id: ID!, $roles: [Role!]!, $agencySlugs: [String!]) {
        setUserRoles(userId: $id, roles: $roles, agencySlugs: $agencySlugs) { id }
      }`,
      { id: user.id, roles, agencySlugs },
    );

  /** Records a PUBLIC update on a milestone of the plan over HTTP, as an administrator; returns its id. */
  async function recordPublicUpdate(planSlug: string): Promise<string> {
    const plan = await admin(
      `query ($slug: String!) {
        actionPlan(slug: $slug) { commitments { nodes { milestones { id version status } } } }
      }`,
      { slug: planSlug },
    );
    const milestones = (
      plan.data?.actionPlan.commitments.nodes as {
        milestones: { id: string; version: number; status: string | null }[];
      }[]
    ).flatMap((commitment) => commitment.milestones);
    const milestone = milestones.find((m) => m.status === 'IN_PROGRESS')!;
    const result = await admin(
      `mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { statusUpdate { id } }
      }`,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: 'IN_PROGRESS',
          progressPercent: 10 + milestone.version,
          effectiveDate: '2026-11-20',
          note: { en: 'Public report (test data)' },
          visibility: 'PUBLIC',
        },
      },
    );
    return result.data?.recordMilestoneUpdate.statusUpdate.id as string;
  }

  /** Records an update and waits until the plan's witness has it: by then every subscriber would have it. */
  async function recordAndDeliver(planSlug: string): Promise<string> {
    const witness = witnesses.get(planSlug)!;
    const count = witness.received.length;
    const id = await recordPublicUpdate(planSlug);
    const received = await witness.waitFor(count + 1);
    expect(received[count].data?.planActivity.statusUpdateId).toBe(id);
    await settle();
    return id;
  }

  /** A fresh plan of its own per test (changes to one test's plan cannot touch another's). */
  async function loadPlan(published: boolean): Promise<PlanFile> {
    const plan = buildPlanFile({ plan: { published } });
    await new PlanLoader(db.dataSource).load(plan);
    const reviewer = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
    );
    witnesses.set(plan.plan.slug, await listening(connect(reviewer), plan.plan.slug));
    return plan;
  }

  /** A coordinator of the plan's first lead agency, signed in, with an open subscription to the plan. */
  async function coordinatorWatching(plan: PlanFile) {
    const user = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR],
      agencySlugs: [agencySlug(plan, 0)],
    });
    const headers = await signIn(api.baseUrl, user);
    const client = connect(headers);
    const live = await listening(client, plan.plan.slug);
    return { user, headers, client, live };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp({ databaseUrl: db.url, env: { SEED_PLAN_FILE: 'none' } });
    events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
    adminHeaders = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await api?.close();
    await db?.drop();
  }, 60_000);

  it('a coordinator of a lead agency receives the events of their unpublished plan', async () => {
    const plan = await loadPlan(false);
    const { live } = await coordinatorWatching(plan);
    const id = await recordAndDeliver(plan.plan.slug);
    expect(live.received.map((result) => result.data?.planActivity.statusUpdateId)).toEqual([id]);
    expect(live.error).toBeNull();
  }, 30_000);

  it('logout ends the subscription, and the connection no longer subscribes as the user', async () => {
    const plan = await loadPlan(false);
    const slug = plan.plan.slug;
    const { headers, client, live } = await coordinatorWatching(plan);

    const out = await graphql(api.baseUrl, 'mutation { logout }', {}, headers);
    expect(out.data?.logout).toBe(true);

    await expectEndedWithin(live, slug);
    await expectRefused(client, slug);
    await recordAndDeliver(slug);
    expect(live.received).toEqual([]);
  }, 30_000);

  it('deactivating the user ends their subscription', async () => {
    const plan = await loadPlan(false);
    const { user, client, live } = await coordinatorWatching(plan);

    await admin('mutation ($id: ID!) { deactivateUser(userId: $id) { id } }', { id: user.id });

    await expectEndedWithin(live, plan.plan.slug);
    await expectRefused(client, plan.plan.slug);
  }, 30_000);

  it('a role change that narrows the rights ends the subscription to the unpublished plan', async () => {
    // Every user keeps at least one role, and REVIEWER and ADMIN read every plan: taking COORDINATOR away never
    // narrows what a user may read. Taking REVIEWER away from a coordinator of another plan's agency does.
    const plan = await loadPlan(false);
    const elsewhere = await loadPlan(false);
    const user = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR, Role.REVIEWER],
      agencySlugs: [agencySlug(elsewhere, 0)],
    });
    const client = connect(await signIn(api.baseUrl, user));
    const live = await listening(client, plan.plan.slug);

    await setRoles(user, [Role.COORDINATOR], [agencySlug(elsewhere, 0)]);

    await expectEndedWithin(live, plan.plan.slug);
    await expectRefused(client, plan.plan.slug);
  }, 30_000);

  it('moving the coordinator to another agency ends the subscription to the old one’s plan', async () => {
    const plan = await loadPlan(false);
    const elsewhere = await loadPlan(false);
    const { user, client, live } = await coordinatorWatching(plan);

    await setRoles(user, [Role.COORDINATOR], [agencySlug(elsewhere, 0)]);

    await expectEndedWithin(live, plan.plan.slug);
    await expectRefused(client, plan.plan.slug);
    // The same open connection now subscribes as the coordinator of the new agency.
    const moved = await listening(client, elsewhere.plan.slug);
    const id = await recordAndDeliver(elsewhere.plan.slug);
    expect(moved.received.map((result) => result.data?.planActivity.statusUpdateId)).toEqual([id]);
  }, 30_000);

  it('a role granted applies to new subscriptions on the open connection', async () => {
    const plan = await loadPlan(false);
    const elsewhere = await loadPlan(false);
    const user = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR],
      agencySlugs: [agencySlug(elsewhere, 0)],
    });
    const client = connect(await signIn(api.baseUrl, user));
    await expectRefused(client, plan.plan.slug);

    await setRoles(user, [Role.COORDINATOR], [agencySlug(plan, 0)]);

    await listening(client, plan.plan.slug);
  }, 30_000);

  it('a session that expires ends the subscription', async () => {
    const plan = await loadPlan(false);
    const { user, live } = await coordinatorWatching(plan);

    // As the clock would at SESSION_MAX_HOURS.
    await db.dataSource.query(
      'UPDATE session SET expires_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [user.id],
    );

    await expectEndedWithin(live, plan.plan.slug);
  }, 30_000);

  it('revoking the API token a connection signed in with ends its subscription', async () => {
    const plan = await loadPlan(false);
    const user = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
    const headers = await signIn(api.baseUrl, user);
    const created = await graphql(
      api.baseUrl,
      'mutation { createApiToken(name: "live events") { apiToken { id } token } }',
      {},
      headers,
    );
    expect(created.errors).toBeUndefined();
    const token = created.data?.createApiToken as { apiToken: { id: string }; token: string };
    const client = graphqlWsClient(api.baseUrl, {
      connectionParams: { authorization: `Bearer ${token.token}` },
    });
    clients.push(client);
    const live = await listening(client, plan.plan.slug);

    const revoked = await graphql(
      api.baseUrl,
      'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: token.apiToken.id },
      headers,
    );
    expect(revoked.errors).toBeUndefined();

    await expectEndedWithin(live, plan.plan.slug);
    await expectRefused(client, plan.plan.slug);
  }, 30_000);

  it('unpublishing a plan ends anonymous subscriptions to it, and later events do not reach them', async () => {
    const plan = await loadPlan(true);
    const slug = plan.plan.slug;
    const client = connect();
    const live = await listening(client, slug);

    await admin(
      'mutation ($slug: String!) { updateActionPlan(slug: $slug, input: { isPublished: false }) { slug } }',
      { slug },
    );

    await expectEndedWithin(live, slug);
    await expectRefused(client, slug);
    await recordAndDeliver(slug);
    expect(live.received).toEqual([]);
  }, 30_000);

  it('archiving a plan ends the subscriptions to it', async () => {
    const plan = await loadPlan(true);
    const slug = plan.plan.slug;
    const anonymous = await listening(connect(), slug);
    const { live: coordinator } = await coordinatorWatching(plan);

    await admin('mutation ($slug: String!) { archiveActionPlan(slug: $slug) { slug } }', { slug });

    await expectEndedWithin(anonymous, slug);
    await expectEndedWithin(coordinator, slug);
  }, 30_000);

  describe('an event recorded right after a change of rights', () => {
    async function expectWithheld(): Promise<void> {
      const plan = await loadPlan(false);
      const elsewhere = await loadPlan(false);
      const { user, live } = await coordinatorWatching(plan);

      await setRoles(user, [Role.COORDINATOR], [agencySlug(elsewhere, 0)]);
      await recordAndDeliver(plan.plan.slug);

      expect(live.received).toEqual([]);
      await live.waitForEnd(WITHIN_A_SECOND);
      expect(live.error).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
    }

    it('is not delivered to the old subscription', expectWithheld, 30_000);

    describe('when the periodic re-check is far off', () => {
      let regular: TestApp;

      beforeAll(async () => {
        regular = api;
        // Only the check made on delivery can stop the event here.
        api = await startTestApp({
          databaseUrl: db.url,
          env: { SEED_PLAN_FILE: 'none', SUBSCRIPTION_RECHECK_MS: '60000' },
        });
        events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
        adminHeaders = await signIn(
          api.baseUrl,
          await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
        );
      }, 60_000);

      afterAll(async () => {
        const slow = api;
        api = regular;
        events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
        await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
        await slow.close();
      }, 60_000);

      it('is not delivered to the old subscription either', expectWithheld, 30_000);
    });
  });

  it('a change that keeps the plan readable leaves the subscription running', async () => {
    const plan = await loadPlan(false);
    const { user, live } = await coordinatorWatching(plan);

    await setRoles(user, [Role.COORDINATOR, Role.REVIEWER], [agencySlug(plan, 0)]);
    await settle(WITHIN_A_SECOND);
    const id = await recordAndDeliver(plan.plan.slug);

    expect(live.error).toBeNull();
    expect(live.completed).toBe(false);
    expect(live.received.map((result) => result.data?.planActivity.statusUpdateId)).toEqual([id]);
  }, 30_000);
});
