import { randomUUID } from 'node:crypto';
import { Role } from '@ogp/common';
import { PLAN_EVENTS } from '@ogp/core';
import type { ClosablePlanEvents } from '@ogp/core/events/events.module';
import { PlanLoader } from '@ogp/domain';
import type { Client } from 'graphql-ws';
import { buildPlanFile, historyEntry } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { graphqlWsClient, LiveResults, settle, until } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

/*
 * Everything derived from an INTERNAL status update (the update, verdicts on it, their notes and ids, counts,
 * versions, sequences and hashes) exists only for reviewers, administrators and coordinators of the commitment's
 * lead agency. Two plans are loaded from the same plan file and given the same PUBLIC updates and verdicts;
 * one of them also gets INTERNAL updates and verdicts on them. For everyone else the two plans must answer
 * alike, field by field (ids, slugs, times and hashes aside), and the audit chain must verify for everyone.
 */

const AGENCIES: [string, string, string] = ['twin-lead', 'twin-other', 'twin-third'];
const WITHOUT = buildPlanFile({ agencyKeys: AGENCIES, plan: { slug: 'twin-plain' } });
/** The same plan, whose file also has INTERNAL history on 1.1 (led by AGENCIES[0]). */
const WITH_INTERNAL = buildPlanFile({ agencyKeys: AGENCIES, plan: { slug: 'twin-internal' } });
WITH_INTERNAL.commitments[0].milestones![0].history!.push(
  historyEntry('IN_PROGRESS', '2018-10-15', {
    progressPercent: 80,
    note: { en: 'Internal: nearly there (test data)' },
    visibility: 'INTERNAL',
  }),
);
WITH_INTERNAL.commitments[0].milestones![2].history = [
  historyEntry('NOT_STARTED', '2018-12-01', {
    progressPercent: 0,
    note: { en: 'Internal: planned (test data)' },
    visibility: 'INTERNAL',
  }),
];
/** Unpublished, and only AGENCIES[0] leads a commitment of it. */
const HIDDEN_PLAN = buildPlanFile({
  agencyKeys: AGENCIES,
  plan: { slug: 'twin-unpublished', published: false },
  commitments: [
    {
      leadAgency: AGENCIES[0],
      milestones: [
        {
          title: { en: 'Hidden work' },
          plannedEnd: '2019-06',
          history: [historyEntry('IN_PROGRESS', '2019-02-01', { progressPercent: 10 })],
        },
      ],
    },
  ],
});

type Viewer = 'anonymous' | 'leadCoordinator' | 'otherCoordinator' | 'reviewer' | 'admin';
const OUTSIDERS: Viewer[] = ['anonymous', 'otherCoordinator'];
const INSIDERS: Viewer[] = ['leadCoordinator', 'reviewer', 'admin'];
const VIEWERS: Viewer[] = [...OUTSIDERS, ...INSIDERS];

const STATE = `
  id version status progressPercent lastUpdateOn verification flags
  actualStart { end precision } actualEnd { end precision }`;

const HISTORY = `history {
  id sequence hash status progressPercent visibility note { en } effectiveDate { end } recordedBy
}`;

const PROGRESS = 'progress { percent coverage completion commitmentCount reportedCount }';

/** Every query field that reaches a status update, for one plan. */
const EVERYTHING = `query ($slug: String!) {
  actionPlan(slug: $slug) {
    auditHeadHash
    ${PROGRESS}
    commitments(first: 100) {
      totalCount
      nodes { ogpId ${PROGRESS} milestones { ${STATE} ${HISTORY} } }
    }
    themes { key ${PROGRESS} commitments { ogpId milestones { ${STATE} } } }
  }
  asOf: actionPlan(slug: $slug, asOf: "2026-11-25") {
    commitments(first: 100) { nodes { milestones { ${STATE} ${HISTORY} } } }
  }
  commitments(planSlug: $slug, first: 100) { totalCount nodes { ogpId milestones { ${STATE} } } }
  milestones(planSlug: $slug, first: 100) { totalCount nodes { ${STATE} ${HISTORY} } }
  stale: milestones(planSlug: $slug, first: 100, filter: { flag: STALE }) { totalCount nodes { id } }
  dashboard(planSlug: $slug) {
    overall { percent coverage completion commitmentCount reportedCount completionCounts { completion count } }
    byTheme { theme { key } ${PROGRESS} }
    byAgency { agency { slug } ${PROGRESS} }
    statusDistribution { status count }
    timeline { month planned completed plannedCumulative completedCumulative }
    undatedCompletions
    overdue { ${STATE} }
  }
  auditTrail(planSlug: $slug, first: 100) {
    totalCount
    nodes {
      id kind sequence hash previousHash recordedBy commitmentOgpId milestoneId
      statusUpdate { id sequence hash status progressPercent visibility note { en } }
      verification { id sequence hash verdict statusUpdateId note { en } recordedBy }
      assessment { stage completion }
    }
  }
  verifyAuditChain(planSlug: $slug) { ok checked headHash firstBrokenId }
}`;

const ACTIVITY = `subscription ($planSlug: String!) {
  planActivity(planSlug: $planSlug) {
    kind planSlug statusUpdateId sequence milestoneId commitmentOgpId status progressPercent effectiveDate recordedAt
  }
}`;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const HASH = /\b[0-9a-f]{64}\b/g;
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** An answer of one plan with what must differ between the twins (ids, slug, OGP ids, times, hashes) blanked. */
function normalised(value: unknown, file: typeof WITH_INTERNAL): unknown {
  let text = JSON.stringify(value)
    .replaceAll(UUID, 'ID')
    .replaceAll(HASH, 'HASH')
    .replaceAll(TIME, 'TIME')
    .replaceAll(file.plan.slug, 'SLUG');
  for (const [index, commitment] of file.commitments.entries()) {
    text = text.replaceAll(commitment.ogpId, `OGP-${index}`);
  }
  return JSON.parse(text) as unknown;
}

interface TrailNode {
  id: string;
  kind: string;
  sequence: number;
  hash: string;
  previousHash: string | null;
  verification: { statusUpdateId: string; note: { en: string | null } } | null;
  statusUpdate: { visibility: string } | null;
}

describe('INTERNAL updates leave no trace for those who may not read them', () => {
  let db: TestDatabase;
  let api: TestApp;
  let events: ClosablePlanEvents;
  const clients: Client[] = [];
  const headers: Record<Viewer, Record<string, string>> = {
    anonymous: {},
    leadCoordinator: {},
    otherCoordinator: {},
    reviewer: {},
    admin: {},
  };
  const answers = new Map<string, unknown>();
  const live = new Map<string, LiveResults>();
  const internalIds: string[] = [];

  async function ask<T = any>(
    viewer: Viewer,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await graphql<T>(api.baseUrl, query, variables, headers[viewer]);
    expect({ viewer, errors: result.errors }).toEqual({ viewer, errors: undefined });
    return result.data!;
  }

  /** Milestone ids of a plan by [commitment index][milestone index]. */
  async function milestoneIds(slug: string): Promise<{ id: string }[][]> {
    const data = await ask(
      'admin',
      'query ($slug: String!) { actionPlan(slug: $slug) { commitments { nodes { milestones { id } } } } }',
      { slug },
    );
    return data.actionPlan.commitments.nodes.map(
      (c: { milestones: { id: string }[] }) => c.milestones,
    );
  }

  async function report(
    viewer: Viewer,
    milestoneId: string,
    input: Record<string, unknown>,
  ): Promise<string> {
    const read = await ask(
      viewer,
      'query ($slug: String!) { milestones(planSlug: $slug, first: 100) { nodes { id version } } }',
      { slug: planOf.get(milestoneId)! },
    );
    const { version } = read.milestones.nodes.find((m: { id: string }) => m.id === milestoneId);
    const done = await ask(
      viewer,
      `mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { statusUpdate { id } }
      }`,
      {
        input: {
          milestoneId,
          expectedVersion: version,
          evidence: [{ url: 'https://example.org/report', title: 'Report (test data)' }],
          ...input,
        },
      },
    );
    return done.recordMilestoneUpdate.statusUpdate.id as string;
  }

  async function verify(milestoneId: string, verdict: 'VERIFIED' | 'DISPUTED', note?: string) {
    await ask(
      'reviewer',
      `mutation ($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { verification { id } } }`,
      { input: { milestoneId, verdict, ...(note ? { note: { en: note } } : {}) } },
    );
  }

  const planOf = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    const loader = new PlanLoader(db.dataSource);
    for (const file of [WITH_INTERNAL, WITHOUT, HIDDEN_PLAN]) await loader.load(file);
    api = await startTestApp({ databaseUrl: db.url, env: { SEED_PLAN_FILE: 'none' } });
    events = api.app.get<ClosablePlanEvents>(PLAN_EVENTS);
    const make = async (roles: Role[], agencySlugs: string[] = []) =>
      signIn(api.baseUrl, await createTestUser(db.dataSource, { roles, agencySlugs }));
    headers.leadCoordinator = await make([Role.COORDINATOR], [AGENCIES[0]]);
    headers.otherCoordinator = await make([Role.COORDINATOR], [AGENCIES[1]]);
    headers.reviewer = await make([Role.REVIEWER]);
    headers.admin = await make([Role.ADMIN]);

    // Everyone listens to both plans before anything is recorded.
    for (const file of [WITH_INTERNAL, WITHOUT]) {
      const slug = file.plan.slug;
      for (const viewer of VIEWERS) {
        const client = graphqlWsClient(api.baseUrl, { headers: headers[viewer] });
        clients.push(client);
        const before = events.subscriberCount(slug);
        const results = new LiveResults(client, ACTIVITY, { planSlug: slug });
        await until(() => events.subscriberCount(slug) > before, 5000, `a subscriber of ${slug}`);
        live.set(`${viewer} ${slug}`, results);
      }
    }

    // 1.1 (led by AGENCIES[0]): M1 COMPLETED 2019-01-15, M2 IN_PROGRESS 30, M3 never reported.
    // 1.2 (led by AGENCIES[1]): M1 NOT_STARTED.
    for (const file of [WITH_INTERNAL, WITHOUT]) {
      const ids = await milestoneIds(file.plan.slug);
      for (const m of ids.flat()) planOf.set(m.id, file.plan.slug);
      const [[done, running, unreported], [notStarted]] = ids;
      const extra = file === WITH_INTERNAL;

      await report('admin', running.id, {
        status: 'IN_PROGRESS',
        progressPercent: 50,
        effectiveDate: '2026-10-01',
        note: { en: 'Half way (test data)' },
      });
      await verify(running.id, 'VERIFIED');
      await verify(done.id, 'VERIFIED');
      if (extra) {
        internalIds.push(
          await report('leadCoordinator', running.id, {
            status: 'IN_PROGRESS',
            progressPercent: 60,
            effectiveDate: '2026-11-15',
            note: { en: 'Internal: further along (test data)' },
            visibility: 'INTERNAL',
          }),
        );
        await verify(running.id, 'DISPUTED', 'Internal doubt: the register is not open yet');
        internalIds.push(
          await report('leadCoordinator', unreported.id, {
            status: 'IN_PROGRESS',
            progressPercent: 5,
            effectiveDate: '2026-11-01',
            note: { en: 'Internal: begun (test data)' },
            visibility: 'INTERNAL',
          }),
        );
        await verify(unreported.id, 'VERIFIED', 'Internal: checked with the agency');
        // Back-dated: it does not change the latest report, and the public must not notice it either.
        internalIds.push(
          await report('leadCoordinator', done.id, {
            status: 'IN_PROGRESS',
            progressPercent: 90,
            effectiveDate: '2018-12-20',
            note: { en: 'Internal: a step we missed before completion (test data)' },
            visibility: 'INTERNAL',
          }),
        );
      }
      await report('admin', notStarted.id, {
        status: 'IN_PROGRESS',
        progressPercent: 10,
        effectiveDate: '2026-11-20',
        note: { en: 'Begun (test data)' },
      });
      await verify(notStarted.id, 'VERIFIED', 'Seen the pilot');
    }
    await settle();
    for (const file of [WITH_INTERNAL, WITHOUT]) {
      for (const viewer of VIEWERS) {
        answers.set(
          `${viewer} ${file.plan.slug}`,
          await ask(viewer, EVERYTHING, { slug: file.plan.slug }),
        );
      }
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await api?.close();
    await db?.drop();
  }, 60_000);

  const answerOf = (viewer: Viewer, file: typeof WITH_INTERNAL) =>
    answers.get(`${viewer} ${file.plan.slug}`) as any;

  it.each(OUTSIDERS)(
    'answers %s every field of the plan with INTERNAL updates exactly as the plan without',
    (viewer) => {
      const withInternal = normalised(answerOf(viewer, WITH_INTERNAL), WITH_INTERNAL);
      const without = normalised(answerOf(viewer, WITHOUT), WITHOUT);
      expect(withInternal).toEqual(without);
    },
  );

  it.each(OUTSIDERS)(
    'shows %s a complete chain: no link points at a row it cannot read',
    (viewer) => {
      const answer = answerOf(viewer, WITH_INTERNAL);
      const nodes = [...(answer.auditTrail.nodes as TrailNode[])].sort(
        (a, b) => a.sequence - b.sequence,
      );
      expect(nodes.map((n) => n.sequence)).toEqual(nodes.map((_, i) => i + 1));
      nodes.forEach((node, i) => {
        expect(node.previousHash).toBe(i === 0 ? null : nodes[i - 1].hash);
      });
      const head = nodes[nodes.length - 1].hash;
      expect(answer.verifyAuditChain).toEqual({
        ok: true,
        checked: nodes.length,
        headHash: head,
        firstBrokenId: null,
      });
      expect(answer.actionPlan.auditHeadHash).toBe(head);
      const text = JSON.stringify(answer);
      for (const id of internalIds) expect(text).not.toContain(id);
      expect(text).not.toContain('Internal');
    },
  );

  it.each(OUTSIDERS)(
    'tells %s the same live events for both plans, with the public sequence',
    (viewer) => {
      const received = (file: typeof WITH_INTERNAL) =>
        normalised(live.get(`${viewer} ${file.plan.slug}`)!.received, file);
      expect(received(WITH_INTERNAL)).toEqual(received(WITHOUT));
      expect(live.get(`${viewer} ${WITH_INTERNAL.plan.slug}`)!.received).toHaveLength(2);
    },
  );

  it.each(INSIDERS)(
    'shows %s the INTERNAL updates, the verdicts on them and their versions',
    (viewer) => {
      const answer = answerOf(viewer, WITH_INTERNAL);
      const plain = answerOf(viewer, WITHOUT);
      const trail = answer.auditTrail.nodes as TrailNode[];
      // Two imported from the plan file, three recorded.
      expect(trail.filter((n) => n.statusUpdate?.visibility === 'INTERNAL')).toHaveLength(5);
      const notes = trail.flatMap((n) => (n.verification ? [n.verification.note.en] : []));
      expect(notes).toContain('Internal doubt: the register is not open yet');
      expect(answer.auditTrail.totalCount).toBe(plain.auditTrail.totalCount + 7);
      expect(answer.verifyAuditChain.ok).toBe(true);
      expect(answer.verifyAuditChain.firstBrokenId).toBeNull();
      expect(answer.verifyAuditChain.checked).toBe(answer.auditTrail.totalCount);
      const running = answer.actionPlan.commitments.nodes[0].milestones[1];
      const plainRunning = plain.actionPlan.commitments.nodes[0].milestones[1];
      expect(running).toMatchObject({ progressPercent: 60, verification: 'DISPUTED' });
      expect(running.version).toBe(plainRunning.version + 1);
      const unreported = answer.actionPlan.commitments.nodes[0].milestones[2];
      expect(unreported).toMatchObject({ status: 'IN_PROGRESS', verification: 'VERIFIED' });
      expect(live.get(`${viewer} ${WITH_INTERNAL.plan.slug}`)!.received).toHaveLength(2);
    },
  );

  it('verifies both chains for everyone', () => {
    for (const viewer of VIEWERS) {
      for (const file of [WITH_INTERNAL, WITHOUT]) {
        expect({ viewer, ok: answerOf(viewer, file).verifyAuditChain.ok }).toEqual({
          viewer,
          ok: true,
        });
      }
    }
  });

  describe('a milestone of a plan the caller may not read', () => {
    function observable(result: GraphqlResponse, value: string) {
      return JSON.parse(
        JSON.stringify({
          status: result.status,
          data: result.data,
          errors: result.errors,
        }).replaceAll(value, 'VALUE'),
      ) as unknown;
    }

    it('answers recordMilestoneUpdate NOT_FOUND, exactly as for an unknown id', async () => {
      const hiddenIds = await milestoneIds(HIDDEN_PLAN.plan.slug);
      const hidden = hiddenIds[0][0].id;
      const unknown = randomUUID();
      const mutation = `mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { statusUpdate { id } }
      }`;
      const input = (milestoneId: string) => ({
        input: {
          milestoneId,
          expectedVersion: 1,
          status: 'IN_PROGRESS',
          progressPercent: 40,
          note: { en: 'Probe (test data)' },
          evidence: [{ url: 'https://example.org/report' }],
        },
      });
      const outsider = headers.otherCoordinator;
      for (const who of [outsider, headers.anonymous]) {
        const hiddenAnswer = await graphql(api.baseUrl, mutation, input(hidden), who);
        const unknownAnswer = await graphql(api.baseUrl, mutation, input(unknown), who);
        if (who === outsider) expect(hiddenAnswer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect(observable(hiddenAnswer, hidden)).toEqual(observable(unknownAnswer, unknown));
      }
    });
  });
});
