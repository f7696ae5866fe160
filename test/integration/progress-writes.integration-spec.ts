import { MilestoneStatus, Role, Verification, Visibility } from '@ogp/common';
import {
  DomainException,
  ErrorCode,
  dataSourceOptions,
  type PlanActivityEvent,
  type UserActor,
} from '@ogp/core';
import { EventRelay } from '@ogp/core/events/event-relay';
import { DOMAIN_ENTITIES } from '@ogp/domain';
import { AssessmentsService } from '@ogp/domain/assessments/assessments.service';
import { checkAuditChain } from '@ogp/domain/status-updates/audit-chain';
import { MilestoneUpdatesService } from '@ogp/domain/status-updates/milestone-updates.service';
import { VerificationsService } from '@ogp/domain/verifications/verifications.service';
import { VerificationVerdict } from '@ogp/domain/verifications/verification.model';
import { AssessmentStage, Assessor, Completion } from '@ogp/common';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { buildMilestone, buildPlanFile, createPlan } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { testActor } from '../utils/actors';
import { createTestUser } from '../utils/users';
import { until } from '../utils/graphql-ws-client';

const today = () => new Date().toISOString().slice(0, 10);

const actorOf = (id: string, roles: Role[], name: string): UserActor =>
  testActor(roles, { userId: id, displayName: name });

/** The code a call ends in; fails the test when it succeeds or fails some other way. */
async function codeOf(
  call: Promise<unknown>,
): Promise<{ code: ErrorCode; details: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainException) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('the call succeeded, but it should have been refused');
}

describe('progress writes and the audit chain (services against PostgreSQL)', () => {
  let db: TestDatabase;
  let admin: UserActor;
  let reviewer: UserActor;
  let updates: MilestoneUpdatesService;
  let relay: EventRelay;
  const published: PlanActivityEvent[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const adminUser = await createTestUser(db.dataSource, {
      roles: [Role.ADMIN],
      displayName: 'Ada Admin',
    });
    const reviewerUser = await createTestUser(db.dataSource, {
      roles: [Role.REVIEWER],
      displayName: 'Rita Reviewer',
    });
    admin = actorOf(adminUser.id, [Role.ADMIN], 'Ada Admin');
    reviewer = actorOf(reviewerUser.id, [Role.REVIEWER], 'Rita Reviewer');
    relay = new EventRelay(
      db.dataSource,
      {
        publish: async (event) => {
          // Published after commit: the row is already visible to another connection.
          const [row]: { n: string }[] = await db.dataSource.query(
            'SELECT COUNT(*) AS n FROM status_update WHERE id = $1',
            [event.statusUpdateId],
          );
          if (row.n !== '1') throw new Error('published before commit');
          published.push(event);
        },
        subscribe: () => {
          throw new Error('not used');
        },
      },
      { pollMs: 1000 },
    );
    relay.start();
    updates = new MilestoneUpdatesService(db.dataSource, relay);
  });

  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  /** A fresh plan with one never-reported milestone (besides the factory's reported ones). */
  async function freshPlan() {
    const file = buildPlanFile();
    file.commitments[0].milestones!.push(buildMilestone({ title: { en: 'Never reported' } }));
    const loaded = await createPlan(db.dataSource, file);
    const [milestone]: { id: string; version: number }[] = await db.dataSource.query(
      `SELECT m.id, m.version FROM milestone m JOIN commitment c ON c.id = m.commitment_id
       WHERE c.action_plan_id = $1 AND m.status IS NULL ORDER BY c.position, m.position LIMIT 1`,
      [loaded.planId],
    );
    return {
      planId: loaded.planId,
      slug: loaded.slug,
      milestoneId: milestone.id,
      version: milestone.version,
    };
  }

  async function chainRows(planId: string) {
    return db.dataSource.query<{ id: string; sequence: number; kind: string }[]>(
      `SELECT id, sequence, 'status_update' AS kind FROM status_update WHERE action_plan_id = $1
       UNION ALL SELECT id, sequence, 'assessment' FROM assessment WHERE action_plan_id = $1
       UNION ALL SELECT id, sequence, 'milestone_verification' FROM milestone_verification WHERE action_plan_id = $1
       ORDER BY sequence`,
      [planId],
    );
  }

  /** Runs SQL as the database owner with the append-only triggers of `table` switched off. */
  async function tamper(table: string, statements: [string, unknown[]][]) {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      for (const [sql, params] of statements) await runner.query(sql, params);
      await runner.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }

  /** A plan whose chain holds loaded rows and rows of all three kinds written by the services. */
  async function planWithFullChain() {
    const plan = await freshPlan();
    await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: plan.version,
      status: MilestoneStatus.IN_PROGRESS,
      progressPercent: 30,
      note: { en: 'Started (test data)' },
      evidence: [{ url: 'https://example.org/report', title: 'Report' }],
    });
    await new VerificationsService(db.dataSource).verify(reviewer, {
      milestoneId: plan.milestoneId,
      verdict: VerificationVerdict.VERIFIED,
    });
    await new AssessmentsService(db.dataSource).assess(reviewer, {
      commitmentOgpId: (
        await db.dataSource.query(
          'SELECT ogp_id FROM commitment WHERE action_plan_id = $1 ORDER BY position LIMIT 1',
          [plan.planId],
        )
      )[0].ogp_id,
      stage: AssessmentStage.END_OF_TERM,
      assessor: Assessor.IRM,
      assessedOn: '2020-05',
      source: { url: 'https://example.org/irm', title: 'IRM report (test data)' },
      completion: Completion.SUBSTANTIAL,
    });
    const rows = await chainRows(plan.planId);
    return { ...plan, rows };
  }

  it('verifies a chain built by the plan loader and extended by every kind of write', async () => {
    const plan = await planWithFullChain();
    expect(plan.rows.map((r) => r.sequence)).toEqual(plan.rows.map((_, i) => i + 1));
    expect(new Set(plan.rows.slice(-3).map((r) => r.kind))).toEqual(
      new Set(['status_update', 'milestone_verification', 'assessment']),
    );
    const check = await checkAuditChain(db.dataSource.manager, plan.planId);
    const [head]: { audit_head_hash: string; audit_length: number }[] = await db.dataSource.query(
      'SELECT audit_head_hash, audit_length FROM action_plan WHERE id = $1',
      [plan.planId],
    );
    expect(check).toEqual({
      ok: true,
      checked: plan.rows.length,
      headHash: head.audit_head_hash,
      firstBrokenId: null,
    });
    expect(head.audit_length).toBe(plan.rows.length);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of verification rows in the database', async () => {
    const plan = await planWithFullChain();
    const verification = plan.rows.find((r) => r.kind === 'milestone_verification')!;
    const before = await db.dataSource.query('SELECT * FROM milestone_verification ORDER BY id');
    for (const sql of [
      `UPDATE milestone_verification SET verdict = 'DISPUTED' WHERE id = '${verification.id}'`,
      `DELETE FROM milestone_verification WHERE id = '${verification.id}'`,
      'TRUNCATE milestone_verification',
    ]) {
      await expect(db.dataSource.query(sql)).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '42501' }),
        message: expect.stringMatching(/milestone_verification rows are append-only/),
      });
    }
    expect(await db.dataSource.query('SELECT * FROM milestone_verification ORDER BY id')).toEqual(
      before,
    );
  });

  it('detects a changed row at that row', async () => {
    const plan = await planWithFullChain();
    const victim = plan.rows.find((r) => r.kind === 'status_update' && r.sequence === 2)!;
    await tamper('status_update', [
      ['UPDATE status_update SET progress_percent = 99 WHERE id = $1', [victim.id]],
    ]);
    const check = await checkAuditChain(db.dataSource.manager, plan.planId);
    expect(check).toMatchObject({ ok: false, firstBrokenId: victim.id, checked: 2 });
  });

  it('detects a changed verification and a changed assessment at that row', async () => {
    for (const kind of ['milestone_verification', 'assessment'] as const) {
      const plan = await planWithFullChain();
      const victim = [...plan.rows].reverse().find((r) => r.kind === kind)!;
      await tamper(kind, [
        [`UPDATE ${kind} SET recorded_by_name = 'Someone else' WHERE id = $1`, [victim.id]],
      ]);
      const check = await checkAuditChain(db.dataSource.manager, plan.planId);
      expect({ kind, ...check }).toMatchObject({ kind, ok: false, firstBrokenId: victim.id });
    }
  });

  it('detects a deleted row at the row after the gap', async () => {
    const plan = await planWithFullChain();
    const victim = plan.rows[2];
    expect(victim.kind).toBe('status_update');
    await tamper('status_update', [['DELETE FROM status_update WHERE id = $1', [victim.id]]]);
    const check = await checkAuditChain(db.dataSource.manager, plan.planId);
    expect(check).toMatchObject({ ok: false, firstBrokenId: plan.rows[3].id });
  });

  it('detects a deleted last row by the stored head', async () => {
    const plan = await planWithFullChain();
    const last = plan.rows[plan.rows.length - 1];
    await tamper(last.kind, [[`DELETE FROM ${last.kind} WHERE id = $1`, [last.id]]]);
    const check = await checkAuditChain(db.dataSource.manager, plan.planId);
    expect(check).toMatchObject({ ok: false, firstBrokenId: null, checked: plan.rows.length - 1 });
  });

  it('detects two swapped rows at the first one out of place', async () => {
    const plan = await planWithFullChain();
    const [first, second] = [plan.rows[1], plan.rows[2]];
    expect([first.kind, second.kind]).toEqual(['status_update', 'status_update']);
    await tamper('status_update', [
      ['UPDATE status_update SET sequence = -1 WHERE id = $1', [first.id]],
      ['UPDATE status_update SET sequence = $2 WHERE id = $1', [second.id, first.sequence]],
      ['UPDATE status_update SET sequence = $2 WHERE id = $1', [first.id, second.sequence]],
    ]);
    const check = await checkAuditChain(db.dataSource.manager, plan.planId);
    expect(check).toMatchObject({ ok: false, firstBrokenId: second.id });
  });

  it('keeps the newest state when a back-dated update arrives, and still logs it and moves the version', async () => {
    const plan = await freshPlan();
    const first = await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: plan.version,
      status: MilestoneStatus.IN_PROGRESS,
      progressPercent: 60,
      effectiveDate: '2019-06-01',
      actualStart: '2019-01',
    });
    const older = await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: first.milestone.version,
      status: MilestoneStatus.IN_PROGRESS,
      progressPercent: 20,
      effectiveDate: '2019-Q1',
      note: { da: 'Historisk status (testdata)' },
    });
    expect(older.milestone.version).toBe(plan.version + 2);
    expect(older.statusUpdate.effectiveDate).toMatchObject({
      end: '2019-03-31',
      precision: 'QUARTER',
    });
    const [row] = await db.dataSource.query(
      `SELECT status::text, progress_percent, last_update_on::text, actual_start::text, verification::text, version
       FROM milestone WHERE id = $1`,
      [plan.milestoneId],
    );
    expect(row).toEqual({
      status: 'IN_PROGRESS',
      progress_percent: 60,
      last_update_on: '2019-06-01',
      actual_start: '2019-01-01',
      verification: 'UNVERIFIED',
      version: plan.version + 2,
    });
    const logged = await db.dataSource.query(
      'SELECT progress_percent FROM status_update WHERE milestone_id = $1 ORDER BY sequence',
      [plan.milestoneId],
    );
    expect(logged).toEqual([{ progress_percent: 60 }, { progress_percent: 20 }]);
    expect((await checkAuditChain(db.dataSource.manager, plan.planId)).ok).toBe(true);
  });

  it('publishes PUBLIC updates after commit and keeps INTERNAL ones to itself', async () => {
    const plan = await freshPlan();
    const ofPlan = () => published.filter((event) => event.planSlug === plan.slug);
    const internal = await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: plan.version,
      status: MilestoneStatus.NOT_STARTED,
      visibility: Visibility.INTERNAL,
    });
    const open = await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: internal.milestone.version,
      status: MilestoneStatus.IN_PROGRESS,
      progressPercent: 5,
    });
    // The relay sends after the commit, nudged by the write (the poll alone would take up to a second).
    await until(() => ofPlan().length > 0, 5000, 'the published event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ofPlan()).toEqual([
      expect.objectContaining({
        kind: 'STATUS_UPDATE',
        planSlug: plan.slug,
        statusUpdateId: open.statusUpdate.id,
        milestoneId: plan.milestoneId,
        status: 'IN_PROGRESS',
        progressPercent: 5,
        effectiveDate: today(),
      }),
    ]);
  });

  it('refuses to verify a milestone never reported, and a new update resets a verdict', async () => {
    const plan = await freshPlan();
    const verifications = new VerificationsService(db.dataSource);
    const refused = await codeOf(
      verifications.verify(reviewer, {
        milestoneId: plan.milestoneId,
        verdict: VerificationVerdict.VERIFIED,
      }),
    );
    expect(refused).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      details: { field: 'input.milestoneId' },
    });
    const reported = await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: plan.version,
      status: MilestoneStatus.IN_PROGRESS,
      progressPercent: 10,
    });
    const noNote = await codeOf(
      verifications.verify(reviewer, {
        milestoneId: plan.milestoneId,
        verdict: VerificationVerdict.DISPUTED,
      }),
    );
    expect(noNote).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      details: { field: 'input.note' },
    });
    const disputed = await verifications.verify(reviewer, {
      milestoneId: plan.milestoneId,
      verdict: VerificationVerdict.DISPUTED,
      note: { en: 'The report link shows a draft only (test data).' },
    });
    expect(disputed.milestone.verification).toBe(Verification.DISPUTED);
    expect(disputed.milestone.version).toBe(reported.milestone.version);
    expect(disputed.verification.statusUpdateId).toBe(reported.statusUpdate.id);
    const next = await updates.record(admin, {
      milestoneId: plan.milestoneId,
      expectedVersion: reported.milestone.version,
      status: MilestoneStatus.IN_PROGRESS,
      progressPercent: 20,
    });
    expect(next.milestone.verification).toBe(Verification.UNVERIFIED);
  });

  it('lets exactly one of many racing writers win each version, 200 times, and the chain holds', async () => {
    const ROUNDS = 200;
    const MIN_CLIENTS = 20;
    // Its own pool, large enough for every client of a round to hold a connection at once.
    const racing = new DataSource(
      dataSourceOptions({
        url: db.url,
        entities: DOMAIN_ENTITIES,
        migrations: ALL_MIGRATIONS,
        poolSize: 30,
      }),
    );
    await racing.initialize();
    try {
      const service = new MilestoneUpdatesService(racing);
      const plan = await freshPlan();
      const started = Date.now();
      let version = plan.version;
      const accepted: { id: string; percent: number }[] = [];
      let conflicts = 0;
      let attempts = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const clients = MIN_CLIENTS + Math.floor(Math.random() * 6);
        attempts += clients;
        const calls = Array.from({ length: clients }, async (_, client) => {
          // Random interleaving: each client starts after its own small delay.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          return service.record(admin, {
            milestoneId: plan.milestoneId,
            expectedVersion: version,
            status: MilestoneStatus.IN_PROGRESS,
            progressPercent: (round * 7 + client) % 100,
            note: { en: `Round ${round}, client ${client} (test data)` },
          });
        });
        const results = await Promise.allSettled(calls);
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect({ round, winners: won.length }).toEqual({ round, winners: 1 });
        for (const reason of lost) {
          expect(reason).toBeInstanceOf(DomainException);
          expect((reason as DomainException).code).toBe(ErrorCode.CONFLICT);
          expect((reason as DomainException).details.currentVersion).toBe(version + 1);
        }
        conflicts += lost.length;
        expect(won[0].milestone.version).toBe(version + 1);
        accepted.push({
          id: won[0].statusUpdate.id,
          percent: won[0].statusUpdate.progressPercent!,
        });
        version += 1;
      }
      const elapsed = Date.now() - started;

      const logged: { id: string }[] = await db.dataSource.query(
        'SELECT id FROM status_update WHERE milestone_id = $1 ORDER BY sequence',
        [plan.milestoneId],
      );
      expect(logged.map((r) => r.id)).toEqual(accepted.map((a) => a.id));
      const [state] = await db.dataSource.query(
        'SELECT status::text, progress_percent, version FROM milestone WHERE id = $1',
        [plan.milestoneId],
      );
      expect(state).toEqual({
        status: 'IN_PROGRESS',
        progress_percent: accepted[accepted.length - 1].percent,
        version: plan.version + ROUNDS,
      });
      const check = await checkAuditChain(db.dataSource.manager, plan.planId);
      expect(check.ok).toBe(true);
      console.log(
        `concurrency: ${ROUNDS} rounds, ${attempts} concurrent attempts, ${accepted.length} accepted, ` +
          `${conflicts} CONFLICT, chain of ${check.checked} rows verified, ${elapsed} ms ` +
          `(${(elapsed / ROUNDS).toFixed(1)} ms per round)`,
      );
    } finally {
      await racing.destroy();
    }
  }, 120_000);
});
