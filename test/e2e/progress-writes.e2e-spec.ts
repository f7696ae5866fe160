import { randomBytes } from 'node:crypto';
import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const PLAN = 'dk-2017-2019';
const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) {
    milestone { id version status progressPercent verification lastUpdateOn }
    statusUpdate { id sequence hash status progressPercent recordedBy evidence { url title } effectiveDate { label end precision } }
  }
}`;
const MILESTONES = `query ($ogpId: String!) {
  commitment(ogpId: $ogpId) {
    progress { percent coverage completion }
    milestones { id version status progressPercent verification }
    latestAssessments { stage assessor completion assessedOn { label } source { url } }
  }
}`;
const DASHBOARD = `query { dashboard(planSlug: "${PLAN}") { overall { percent coverage completion } } }`;
const TRAIL = `query ($commitment: String, $first: Int) {
  auditTrail(planSlug: "${PLAN}", commitmentOgpId: $commitment, first: $first) {
    totalCount
    nodes { id kind sequence hash previousHash recordedBy commitmentOgpId
      statusUpdate { id status progressPercent visibility evidence { url title } }
      verification { verdict note { en } }
      assessment { stage completion } }
  }
}`;
const CHAIN = `query { verifyAuditChain(planSlug: "${PLAN}") { ok checked headHash firstBrokenId } }`;

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('recording progress over HTTP', () => {
  let db: TestDatabase;
  let api: TestApp;
  let coordinator: Record<string, string>;
  let coordinatorEmail: string;
  let reviewer: Record<string, string>;
  let admin: Record<string, string>;

  async function ok(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const result = await graphql(api.baseUrl, query, variables, headers);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const coordinatorUser = await createTestUser(db.dataSource, {
      roles: [Role.COORDINATOR],
      agencySlugs: ['digitaliseringsstyrelsen'],
      displayName: 'Kim Koordinator',
    });
    coordinatorEmail = coordinatorUser.email;
    coordinator = await signIn(api.baseUrl, coordinatorUser);
    reviewer = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, {
        roles: [Role.REVIEWER],
        displayName: 'Rikke Reviewer',
      }),
    );
    admin = await signIn(api.baseUrl, await createTestUser(db.dataSource, { roles: [Role.ADMIN] }));
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('walks through a report, the dashboard, the audit trail, the chain, a verdict, an assessment and a reset', async () => {
    const before = await ok(MILESTONES, { ogpId: 'DK0051' });
    const dashboardBefore = await ok(DASHBOARD, {});
    const [milestone] = before.commitment.milestones;
    expect(milestone.status).toBe('IN_PROGRESS');
    expect(before.commitment.progress.percent).toBeLessThan(100);

    // A coordinator of the lead agency (Digitaliseringsstyrelsen) reports the milestone done, with evidence.
    const evidence = [
      { url: 'https://digst.dk/nyheder/test-data-report', title: 'Statusrapport (testdata)' },
      { url: 'http://example.org/minutes', title: 'Meeting minutes (test data)' },
    ];
    const recorded = (
      await ok(
        RECORD,
        {
          input: {
            milestoneId: milestone.id,
            expectedVersion: milestone.version,
            status: 'COMPLETED',
            effectiveDate: new Date().toISOString().slice(0, 10),
            actualEnd: '2019-06',
            note: { da: 'Afsluttet (testdata)', en: 'Done (test data)' },
            evidence,
          },
        },
        coordinator,
      )
    ).recordMilestoneUpdate;
    expect(recorded.milestone).toMatchObject({
      id: milestone.id,
      version: milestone.version + 1,
      status: 'COMPLETED',
      progressPercent: 100,
      verification: 'UNVERIFIED',
    });
    expect(recorded.statusUpdate).toMatchObject({
      status: 'COMPLETED',
      progressPercent: 100,
      recordedBy: 'Kim Koordinator',
      evidence,
    });

    // The public figures follow.
    const after = await ok(MILESTONES, { ogpId: 'DK0051' });
    expect(after.commitment.progress.percent).toBe(100);
    expect(after.commitment.progress.completion).toBe('COMPLETE');
    const dashboardAfter = await ok(DASHBOARD, {});
    expect(dashboardAfter.dashboard.overall.percent).toBeGreaterThan(
      dashboardBefore.dashboard.overall.percent,
    );

    // The audit trail shows the entry first, with its hash and a display name (never an email).
    const trail = (await ok(TRAIL, { commitment: 'DK0051', first: 5 })).auditTrail;
    expect(trail.nodes[0]).toMatchObject({
      id: recorded.statusUpdate.id,
      kind: 'STATUS_UPDATE',
      sequence: recorded.statusUpdate.sequence,
      hash: recorded.statusUpdate.hash,
      recordedBy: 'Kim Koordinator',
      commitmentOgpId: 'DK0051',
      statusUpdate: { id: recorded.statusUpdate.id, status: 'COMPLETED', evidence },
    });
    expect(JSON.stringify(trail)).not.toContain(coordinatorEmail);
    const sequences = trail.nodes.map((n: { sequence: number }) => n.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));

    expect((await ok(CHAIN, {})).verifyAuditChain).toEqual({
      ok: true,
      checked: recorded.statusUpdate.sequence,
      headHash: recorded.statusUpdate.hash,
      firstBrokenId: null,
    });

    // A reviewer verifies it and records the IRM's end-of-term assessment.
    const verified = await ok(
      `mutation ($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) {
         milestone { verification version } verification { verdict statusUpdateId recordedBy } } }`,
      {
        input: {
          milestoneId: milestone.id,
          verdict: 'VERIFIED',
          note: { en: 'Checked the report' },
        },
      },
      reviewer,
    );
    expect(verified.verifyMilestone).toEqual({
      milestone: { verification: 'VERIFIED', version: milestone.version + 1 },
      verification: {
        verdict: 'VERIFIED',
        statusUpdateId: recorded.statusUpdate.id,
        recordedBy: 'Rikke Reviewer',
      },
    });
    const assessed = await ok(
      `mutation ($input: AssessCommitmentInput!) { assessCommitment(input: $input) {
         stage assessor completion didItOpenGovernment assessedOn { label end } } }`,
      {
        input: {
          commitmentOgpId: 'DK0051',
          stage: 'END_OF_TERM',
          assessor: 'IRM',
          assessedOn: '2020-05',
          source: {
            url: 'https://www.opengovpartnership.org/documents/test-data',
            title: 'IRM (test data)',
          },
          completion: 'COMPLETE',
          didItOpenGovernment: 'MARGINAL',
        },
      },
      reviewer,
    );
    expect(assessed.assessCommitment).toEqual({
      stage: 'END_OF_TERM',
      assessor: 'IRM',
      completion: 'COMPLETE',
      didItOpenGovernment: 'MARGINAL',
      assessedOn: { label: '2020-05', end: '2020-05-31' },
    });
    const withAssessment = await ok(MILESTONES, { ogpId: 'DK0051' });
    expect(withAssessment.commitment.milestones[0].verification).toBe('VERIFIED');
    const endOfTerm = withAssessment.commitment.latestAssessments.filter(
      (a: { stage: string }) => a.stage === 'END_OF_TERM',
    );
    expect(endOfTerm).toEqual([
      {
        stage: 'END_OF_TERM',
        assessor: 'IRM',
        completion: 'COMPLETE',
        assessedOn: { label: '2020-05' },
        source: { url: 'https://www.opengovpartnership.org/documents/test-data' },
      },
    ]);
    const kinds = (await ok(TRAIL, { commitment: 'DK0051', first: 3 })).auditTrail.nodes.map(
      (n: { kind: string }) => n.kind,
    );
    expect(kinds).toEqual(['ASSESSMENT', 'VERIFICATION', 'STATUS_UPDATE']);

    // A new report (a reopen, with its note) resets the verdict.
    const reopened = (
      await ok(
        RECORD,
        {
          input: {
            milestoneId: milestone.id,
            expectedVersion: milestone.version + 1,
            status: 'IN_PROGRESS',
            progressPercent: 90,
            note: { en: 'Reopened: one deliverable is missing (test data)' },
          },
        },
        coordinator,
      )
    ).recordMilestoneUpdate;
    expect(reopened.milestone).toMatchObject({ verification: 'UNVERIFIED', status: 'IN_PROGRESS' });
    const chain = (await ok(CHAIN, {})).verifyAuditChain;
    expect(chain).toMatchObject({
      ok: true,
      headHash: reopened.statusUpdate.hash,
      firstBrokenId: null,
    });
  });

  it('shows INTERNAL updates in the trail only to those who may read them', async () => {
    const { commitment } = await ok(MILESTONES, { ogpId: 'DK0056' });
    const target = commitment.milestones[0];
    const internal = (
      await ok(
        RECORD,
        {
          input: {
            milestoneId: target.id,
            expectedVersion: target.version,
            status: target.status ?? 'IN_PROGRESS',
            progressPercent: 95,
            visibility: 'INTERNAL',
            note: { da: 'Intern note (testdata)' },
          },
        },
        coordinator,
      )
    ).recordMilestoneUpdate.statusUpdate;
    const ids = async (headers: Record<string, string>) =>
      (await ok(TRAIL, { commitment: 'DK0056', first: 50 }, headers)).auditTrail.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids({})).not.toContain(internal.id);
    expect(await ids(coordinator)).toContain(internal.id);
    expect(await ids(reviewer)).toContain(internal.id);
    expect((await ok(CHAIN, {})).verifyAuditChain.ok).toBe(true);
  });

  it('answers NOT_FOUND for the trail and chain of an unpublished plan to outsiders', async () => {
    const slug = `hidden-${randomBytes(3).toString('hex')}`;
    await ok(
      'mutation ($input: CreateActionPlanInput!) { createActionPlan(input: $input) { slug } }',
      { input: { slug, countryCode: 'DK', title: { en: 'Hidden (test data)' } } },
      admin,
    );
    for (const query of [
      `query { auditTrail(planSlug: "${slug}") { totalCount } }`,
      `query { verifyAuditChain(planSlug: "${slug}") { ok } }`,
    ]) {
      const outsider = await graphql(api.baseUrl, query, {});
      expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const staff = await graphql(api.baseUrl, query, {}, reviewer);
      expect(staff.errors).toBeUndefined();
    }
  });

  describe('refusals change nothing', () => {
    let milestoneId: string;

    /** The milestone row, its status updates and the plan's chain head. */
    async function snapshot() {
      const [milestone] = await db.dataSource.query(
        `SELECT status::text, progress_percent, version, verification::text, last_update_on::text,
           actual_start::text, actual_end::text, updated_at FROM milestone WHERE id = $1`,
        [milestoneId],
      );
      const [updates] = await db.dataSource.query(
        'SELECT COUNT(*) AS n FROM status_update WHERE milestone_id = $1',
        [milestoneId],
      );
      const [plan] = await db.dataSource.query(
        `SELECT audit_head_hash, audit_length FROM action_plan p JOIN commitment c ON c.action_plan_id = p.id
         JOIN milestone m ON m.commitment_id = c.id WHERE m.id = $1`,
        [milestoneId],
      );
      return { milestone, updates, plan };
    }

    async function current() {
      const [row]: { version: number }[] = await db.dataSource.query(
        'SELECT version FROM milestone WHERE id = $1',
        [milestoneId],
      );
      return row.version;
    }

    async function report(input: Record<string, unknown>) {
      return ok(
        RECORD,
        { input: { milestoneId, expectedVersion: await current(), ...input } },
        coordinator,
      );
    }

    /** Sends the update, expects the refusal, and checks that nothing changed. */
    async function refused(input: Record<string, unknown>) {
      const before = await snapshot();
      const result = await graphql(
        api.baseUrl,
        RECORD,
        { input: { milestoneId, expectedVersion: await current(), ...input } },
        coordinator,
      );
      expect(result.data?.recordMilestoneUpdate ?? null).toBeNull();
      expect(await snapshot()).toEqual(before);
      return result.errors![0];
    }

    beforeAll(async () => {
      // A fresh milestone of a commitment Digitaliseringsstyrelsen leads, in the Danish plan.
      const created = await ok(
        `mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }`,
        {
          input: {
            commitmentOgpId: 'DK0055',
            title: { en: 'Refusals (test data)' },
            plannedEnd: '2019-H1',
          },
        },
        admin,
      );
      milestoneId = created.createMilestone.id;
      await report({ status: 'IN_PROGRESS', progressPercent: 50 });
    });

    it('refuses a percent out of range, naming the field', async () => {
      for (const [status, progressPercent] of [
        ['IN_PROGRESS', 100],
        ['IN_PROGRESS', -1],
        ['IN_PROGRESS', 150],
        ['COMPLETED', 90],
        ['NOT_STARTED', 10],
      ] as const) {
        const error = await refused({ status, progressPercent, note: { en: 'n' } });
        expect({ status, progressPercent, ...error.extensions }).toMatchObject({
          status,
          progressPercent,
          code: 'BAD_USER_INPUT',
          field: 'input.progressPercent',
        });
      }
    });

    it('refuses lowering the percent, and cancelling, without a note', async () => {
      const backwards = await refused({ status: 'IN_PROGRESS', progressPercent: 20 });
      expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
      expect(backwards.message).toMatch(/lowering the percent/);
      const cancel = await refused({ status: 'CANCELLED', note: { da: '  ' } });
      expect(cancel.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
      expect(cancel.message).toMatch(/cancelling/);
    });

    it('refuses a future effective date, as a day and as a period', async () => {
      for (const effectiveDate of [tomorrow(), String(new Date().getUTCFullYear() + 1)]) {
        const error = await refused({ status: 'IN_PROGRESS', progressPercent: 60, effectiveDate });
        expect(error.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.effectiveDate',
          value: effectiveDate,
        });
      }
      const malformed = await refused({
        status: 'IN_PROGRESS',
        progressPercent: 60,
        effectiveDate: '2019-13-01',
      });
      expect(malformed.extensions).toMatchObject({ field: 'input.effectiveDate' });
    });

    it('refuses a bad evidence URL, a missing title and 21 links', async () => {
      const links = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          url: `https://example.org/${i}`,
          title: `Link ${i}`,
        }));
      for (const url of [
        'ftp://example.org/file',
        'javascript:alert(1)',
        'not a url',
        '/relative',
      ]) {
        const evidence = links(3);
        evidence[2] = { url, title: 'Bad' };
        const error = await refused({ status: 'IN_PROGRESS', progressPercent: 60, evidence });
        expect({ url, ...error.extensions }).toMatchObject({
          url,
          code: 'BAD_USER_INPUT',
          field: 'input.evidence[2].url',
        });
      }
      const untitled = await refused({
        status: 'IN_PROGRESS',
        progressPercent: 60,
        evidence: [{ url: 'https://example.org' }],
      });
      expect(untitled.extensions).toMatchObject({ field: 'input.evidence[0].title' });
      const tooMany = await refused({
        status: 'IN_PROGRESS',
        progressPercent: 60,
        evidence: links(21),
      });
      expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence' });
      // 20 is the limit, not beyond it.
      await report({ status: 'IN_PROGRESS', progressPercent: 55, evidence: links(20) });
    });

    it('refuses actual dates that end before they start', async () => {
      const error = await refused({
        status: 'IN_PROGRESS',
        progressPercent: 60,
        actualStart: '2019-06',
        actualEnd: '2019-Q1',
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.actualEnd' });
    });

    it('refuses a COMPLETED report without evidence, naming input.evidence', async () => {
      for (const evidence of [undefined, null, []]) {
        const error = await refused({
          status: 'COMPLETED',
          note: { en: 'Done (test data)' },
          ...(evidence === undefined ? {} : { evidence }),
        });
        expect({ evidence, ...error.extensions }).toMatchObject({
          evidence,
          code: 'BAD_USER_INPUT',
          field: 'input.evidence',
          problems: [
            {
              field: 'input.evidence',
              message: expect.stringMatching(/required when the status is COMPLETED/),
            },
          ],
        });
        expect(error.message).toContain('input.evidence: is required when the status is COMPLETED');
      }
      // A link that is itself wrong is named on its row, and the report is still refused.
      const badLink = await refused({
        status: 'COMPLETED',
        evidence: [{ url: 'https://example.org/done', title: ' ' }],
      });
      expect(badLink.extensions).toMatchObject({ field: 'input.evidence[0].title' });
    });

    it('refuses a stale expectedVersion with the current version and the latest update', async () => {
      const version = await current();
      const before = await snapshot();
      const result = await graphql(
        api.baseUrl,
        RECORD,
        {
          input: {
            milestoneId,
            expectedVersion: version - 1,
            status: 'IN_PROGRESS',
            progressPercent: 70,
          },
        },
        coordinator,
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: version,
        latestUpdate: { status: 'IN_PROGRESS', progressPercent: 55, recordedBy: 'Kim Koordinator' },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an invalid transition, and a reopen without a note', async () => {
      await report({
        status: 'COMPLETED',
        evidence: [{ url: 'https://example.org/done', title: 'Done (test data)' }],
      });
      const invalid = await refused({ status: 'NOT_STARTED', note: { en: 'n' } });
      expect(invalid.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'COMPLETED',
        to: 'NOT_STARTED',
      });
      const reopen = await refused({ status: 'IN_PROGRESS', progressPercent: 80 });
      expect(reopen.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
      expect(reopen.message).toMatch(/reopening/);
    });

    it('refuses a coordinator of another agency and anonymous callers', async () => {
      const other = await signIn(
        api.baseUrl,
        await createTestUser(db.dataSource, {
          roles: [Role.COORDINATOR],
          agencySlugs: ['rigsarkivet'],
        }),
      );
      const before = await snapshot();
      const input = { milestoneId, expectedVersion: await current(), status: 'COMPLETED' };
      const forbidden = await graphql(api.baseUrl, RECORD, { input }, other);
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const anonymous = await graphql(api.baseUrl, RECORD, { input }, {});
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
    });
  });
});
