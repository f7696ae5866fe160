import { MilestoneStatus, Role, Visibility } from '@ogp/common';
import { ALL_MIGRATIONS } from '../../migrations';
import { checkAuditChain } from '../../libs/domain/src/status-updates/audit-chain';
import { MilestoneUpdatesService } from '../../libs/domain/src/status-updates/milestone-updates.service';
import { VerificationVerdict } from '../../libs/domain/src/verifications/verification.model';
import { VerificationsService } from '../../libs/domain/src/verifications/verifications.service';
import { buildPlanFile, createPlan, historyEntry } from '../factories/plan-file.factory';
import { testActor } from '../utils/actors';
import { createTestDatabase, type TestDatabase } from '../utils/database';

/*
 * The migration that gives INTERNAL updates (and the verdicts on them) an internal chain per commitment: down
 * merges every plan's chains into one, up splits them again, each chain verifying every time; a plan without
 * INTERNAL rows is left as it is; a broken chain is refused, never re-linked.
 */

interface ChainRow {
  id: string;
  sequence: number;
  hash: string;
  previous_hash: string | null;
}

describe('migration split-audit-chain', () => {
  let db: TestDatabase;
  const admin = testActor([Role.ADMIN]);
  const reviewer = testActor([Role.REVIEWER]);
  const withInternal = buildPlanFile({
    commitments: [
      {
        milestones: [
          {
            title: { en: 'Mixed' },
            plannedEnd: '2019-06',
            history: [
              historyEntry('IN_PROGRESS', '2019-01-15', { progressPercent: 40 }),
              historyEntry('IN_PROGRESS', '2019-02-15', {
                progressPercent: 60,
                visibility: 'INTERNAL',
              }),
            ],
          },
          { title: { en: 'Fresh' }, plannedEnd: '2019-12' },
        ],
        assessments: [
          {
            stage: 'MIDTERM',
            assessor: 'IRM',
            assessedOn: '2019-H1',
            source: { url: 'https://example.org/irm-midterm' },
          },
        ],
      },
      {
        milestones: [
          {
            title: { en: 'Other' },
            plannedEnd: '2019-06',
            history: [
              historyEntry('NOT_STARTED', '2019-01-01', {
                progressPercent: 0,
                visibility: 'INTERNAL',
              }),
            ],
          },
        ],
      },
    ],
  });
  const publicOnly = buildPlanFile();
  let planId: string;
  let publicPlanId: string;

  const migrationCount = async () =>
    Number(
      (await db.dataSource.query<{ count: string }[]>('SELECT COUNT(*) AS count FROM migration'))[0]
        .count,
    );

  // The migrations before the split, which stay applied while the test undoes it (and any that came after it).
  const BEFORE_SPLIT = ALL_MIGRATIONS.findIndex((m) => m.name === 'SplitAuditChain1795832000000');
  const undoSplit = async () => {
    while ((await migrationCount()) > BEFORE_SPLIT) {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
    }
  };

  /** Every chained row of a plan, by id. */
  async function rowsOf(id: string): Promise<Map<string, ChainRow>> {
    const rows: ChainRow[] = await db.dataSource.query(
      `SELECT id, sequence, hash, previous_hash FROM status_update WHERE action_plan_id = $1
       UNION ALL SELECT id, sequence, hash, previous_hash FROM milestone_verification WHERE action_plan_id = $1
       UNION ALL SELECT id, sequence, hash, previous_hash FROM assessment WHERE action_plan_id = $1`,
      [id],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The one chain per plan of before the migration: every row in sequence order, up to the plan's head. */
  async function checkSingleChain(id: string): Promise<{ ok: boolean; length: number }> {
    const rows: { kind: 'status_update' | 'assessment' | 'verification'; row: any }[] =
      await db.dataSource.query(
        `SELECT 'status_update' AS kind, to_jsonb(su) AS row FROM status_update su WHERE action_plan_id = $1
         UNION ALL SELECT 'verification', to_jsonb(v) FROM milestone_verification v WHERE action_plan_id = $1
         UNION ALL SELECT 'assessment', to_jsonb(a) FROM assessment a WHERE action_plan_id = $1`,
        [id],
      );
    rows.sort((a, b) => a.row.sequence - b.row.sequence);
    let previous: string | null = null;
    let ok = true;
    for (const [index, { row }] of rows.entries()) {
      ok &&= row.sequence === index + 1 && row.previous_hash === previous;
      previous = row.hash;
    }
    const [plan]: { audit_head_hash: string; audit_length: number }[] = await db.dataSource.query(
      'SELECT audit_head_hash, audit_length FROM action_plan WHERE id = $1',
      [id],
    );
    return {
      ok: ok && plan.audit_head_hash === previous && plan.audit_length === rows.length,
      length: rows.length,
    };
  }

  /** Rows not in the chain they belong in: INTERNAL updates (and verdicts on them) in their commitment's. */
  async function misplaced(): Promise<number> {
    const [row]: { count: string }[] = await db.dataSource.query(
      `SELECT COUNT(*) AS count FROM (
         SELECT su.chain_commitment_id AS chain, su.visibility, m.commitment_id
         FROM status_update su JOIN milestone m ON m.id = su.milestone_id WHERE su.action_plan_id = $1
         UNION ALL
         SELECT v.chain_commitment_id, judged.visibility, m.commitment_id
         FROM milestone_verification v JOIN status_update judged ON judged.id = v.status_update_id
           JOIN milestone m ON m.id = v.milestone_id WHERE v.action_plan_id = $1
       ) r WHERE r.chain IS DISTINCT FROM CASE WHEN r.visibility = 'INTERNAL' THEN r.commitment_id END`,
      [planId],
    );
    return Number(row.count);
  }

  async function commitmentIdsOf(id: string): Promise<string[]> {
    const rows: { id: string }[] = await db.dataSource.query(
      'SELECT id FROM commitment WHERE action_plan_id = $1 ORDER BY position',
      [id],
    );
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    planId = (await createPlan(db.dataSource, withInternal)).planId;
    publicPlanId = (await createPlan(db.dataSource, publicOnly)).planId;
    const [mixed, fresh]: { id: string; version: number }[] = await db.dataSource.query(
      `SELECT m.id, m.version FROM milestone m JOIN commitment c ON c.id = m.commitment_id
       WHERE c.action_plan_id = $1 AND c.position = 1 ORDER BY m.position`,
      [planId],
    );
    const updates = new MilestoneUpdatesService(db.dataSource);
    const verdicts = new VerificationsService(db.dataSource);
    let version = mixed.version;
    for (const [percent, visibility] of [
      [70, Visibility.PUBLIC],
      [80, Visibility.INTERNAL],
    ] as const) {
      const done = await updates.record(admin, {
        milestoneId: mixed.id,
        expectedVersion: version,
        status: MilestoneStatus.IN_PROGRESS,
        progressPercent: percent,
        effectiveDate: `2026-0${percent / 10}-01`,
        note: { en: `${visibility} (test data)` },
        evidence: [{ url: 'https://example.org/report', title: 'Report (test data)' }],
        visibility,
      });
      version = done.milestone.version;
      await verdicts.verify(reviewer, {
        milestoneId: mixed.id,
        verdict: VerificationVerdict.DISPUTED,
        note: { en: `On the ${visibility} one (test data)` },
      });
    }
    await updates.record(admin, {
      milestoneId: fresh.id,
      expectedVersion: fresh.version,
      status: MilestoneStatus.NOT_STARTED,
      effectiveDate: '2026-09-01',
      note: { en: 'Public, after the internal ones (test data)' },
      evidence: [{ url: 'https://example.org/report', title: 'Report (test data)' }],
    });
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('leaves the schema as the entities describe it', async () => {
    const drift = await db.dataSource.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('keeps INTERNAL rows out of the public chain, every chain verifying', async () => {
    const check = await checkAuditChain(db.dataSource.manager, planId);
    const everything = await checkAuditChain(
      db.dataSource.manager,
      planId,
      await commitmentIdsOf(planId),
    );
    // Public: 1 imported update + 1 assessment + 2 recorded updates + 1 verdict on the public one.
    expect(check).toMatchObject({ ok: true, checked: 5, firstBrokenId: null });
    // Internal: 2 imported updates, 1 recorded, 1 verdict on it.
    expect(everything).toMatchObject({ ok: true, checked: 9, firstBrokenId: null });
    expect(everything.headHash).toBe(check.headHash);
    // The plan loader and both write paths put each row in its chain.
    expect(await misplaced()).toBe(0);
  });

  it('merges the chains on down and splits them again on up, each one verifying', async () => {
    const before = await rowsOf(planId);
    const publicBefore = await rowsOf(publicPlanId);
    await undoSplit();
    expect(await checkSingleChain(planId)).toEqual({ ok: true, length: 9 });
    expect(await checkSingleChain(publicPlanId)).toEqual({ ok: true, length: publicBefore.size });
    // A plan without INTERNAL rows is left as it was.
    expect(await rowsOf(publicPlanId)).toEqual(publicBefore);
    expect(await rowsOf(planId)).not.toEqual(before);

    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await migrationCount()).toBe(ALL_MIGRATIONS.length);
    // The split links rows in the merged order, which is the order they were recorded in: as they were.
    expect(await rowsOf(planId)).toEqual(before);
    expect(await rowsOf(publicPlanId)).toEqual(publicBefore);
    const check = await checkAuditChain(
      db.dataSource.manager,
      planId,
      await commitmentIdsOf(planId),
    );
    expect(check).toMatchObject({ ok: true, checked: 9, firstBrokenId: null });
    expect(await misplaced()).toBe(0);
  });

  it('refuses to split a broken chain, naming the plan and the row, and changes nothing', async () => {
    await undoSplit();
    const [victim]: { id: string }[] = await db.dataSource.query(
      `SELECT id FROM status_update WHERE action_plan_id = $1 ORDER BY sequence LIMIT 1`,
      [planId],
    );
    await db.dataSource.query(
      'ALTER TABLE status_update DISABLE TRIGGER status_update_append_only',
    );
    await db.dataSource.query(`UPDATE status_update SET note_en = 'Rewritten' WHERE id = $1`, [
      victim.id,
    ]);
    await db.dataSource.query('ALTER TABLE status_update ENABLE TRIGGER status_update_append_only');
    const stored = await rowsOf(planId);

    await expect(db.dataSource.runMigrations({ transaction: 'each' })).rejects.toThrow(
      `the audit chain of plan ${withInternal.plan.slug} is broken at status_update ${victim.id}`,
    );
    expect(await migrationCount()).toBe(BEFORE_SPLIT);
    expect(await rowsOf(planId)).toEqual(stored);
    const columns: unknown[] = await db.dataSource.query(
      `SELECT 1 FROM information_schema.columns
       WHERE table_name = 'status_update' AND column_name = 'chain_commitment_id'`,
    );
    expect(columns).toEqual([]);
  });
});
