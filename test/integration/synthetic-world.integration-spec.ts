import { Role } from '@ogp/common';
import { loadConfig } from '@ogp/core';
import {
  LARGE_PLANS,
  SyntheticWorldExistsError,
  loadSyntheticWorld,
  worldLayout,
  type PlanLoadProgress,
  type SyntheticWorldResult,
} from '@ogp/domain';
import { AuditLogService } from '@ogp/domain/status-updates';
import type { DataSource } from 'typeorm';
import { testActor } from '../utils/actors';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { rowCounts } from './support/row-counts';

// A small world: scale 0.01 is 4 plans of 60 commitments in all, with two "large" plans of 30 and 60.
const SMALL = { scale: 0.01, largePlans: [30, 60] };

/**
 * Every row of the world's own tables (not the clock's columns, nor the public cache's data version bookkeeping,
 * which names the transaction that wrote), as one text per table.
 */
async function worldRows(dataSource: DataSource): Promise<Record<string, string>> {
  const tables = [
    'agency',
    'action_plan',
    'theme',
    'commitment',
    'commitment_agency',
    'milestone',
    'status_update',
    'assessment',
  ];
  const rows: Record<string, string> = {};
  for (const table of tables) {
    const [row]: { rows: string }[] = await dataSource.query(
      `SELECT string_agg((to_jsonb(t) - 'created_at' - 'updated_at' - 'data_version_xact')::text, E'\\n'
         ORDER BY (to_jsonb(t) - 'created_at' - 'updated_at' - 'data_version_xact')::text) AS rows FROM "${table}" t`,
    );
    rows[table] = row.rows;
  }
  return rows;
}

describe('the synthetic world (npm run data:synthetic)', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let loaded: SyntheticWorldResult;
  const told: PlanLoadProgress[] = [];

  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
    loaded = await loadSyntheticWorld(first.dataSource, SMALL, (p) => told.push(p));
  });

  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('at scale 1 spreads 6,000 commitments over 400 plans as real plans are, plus plans of 1,000 and 5,000', () => {
    const layout = worldLayout({ scale: 1 });
    const regular = layout.plans.filter((plan) => !plan.large).map((plan) => plan.commitments);
    expect(layout.countries).toHaveLength(80);
    expect(regular).toHaveLength(400);
    expect(regular.reduce((a, b) => a + b, 0)).toBe(6_000);
    // Most plans have 10 to 30 commitments; some are smaller or larger.
    const typical = regular.filter((n) => n >= 10 && n <= 30).length;
    expect(typical / regular.length).toBeGreaterThan(0.6);
    expect(Math.min(...regular)).toBeLessThan(10);
    expect(Math.max(...regular)).toBeGreaterThan(30);
    expect(layout.plans.filter((plan) => plan.large).map((plan) => plan.commitments)).toEqual([
      ...LARGE_PLANS,
    ]);
    expect(layout.totals).toEqual({
      plans: 402,
      commitments: 12_000,
      milestones: 60_000,
      statusUpdates: 600_000,
    });
    // Scale 10: ten times the plans and rows; the large plans stay as they are.
    const ten = worldLayout({ scale: 10 }).plans.filter((plan) => !plan.large);
    expect(ten).toHaveLength(4_000);
    expect(ten.reduce((sum, plan) => sum + plan.commitments, 0)).toBe(60_000);
  });

  it('stores as many plans, commitments, milestones and status updates as the world holds', async () => {
    const counts = await rowCounts(first.dataSource);
    const { totals } = loaded.layout;
    expect(totals).toEqual({ plans: 6, commitments: 150, milestones: 750, statusUpdates: 7_500 });
    expect({
      plans: counts.action_plan,
      commitments: counts.commitment,
      milestones: counts.milestone,
      statusUpdates: counts.status_update,
    }).toEqual(totals);
    const sizes: { commitments: number }[] = await first.dataSource.query(
      `SELECT COUNT(c.id)::int AS commitments FROM action_plan p JOIN commitment c ON c.action_plan_id = p.id
       WHERE p.slug LIKE '%-large' GROUP BY p.id ORDER BY 1`,
    );
    expect(sizes.map((s) => s.commitments)).toEqual([30, 60]);
  });

  it('labels every plan synthetic: its slug, its flag and its title in both languages', async () => {
    const plans: { slug: string; is_synthetic: boolean; title_en: string; title_da: string }[] =
      await first.dataSource.query(
        'SELECT slug, is_synthetic, title_en, title_da FROM action_plan ORDER BY slug',
      );
    expect(plans).toHaveLength(6);
    for (const plan of plans) {
      expect(plan.slug).toMatch(/^synthetic-[a-z]{2}-\d+(-large)?$/);
      expect(plan.is_synthetic).toBe(true);
      expect(plan.title_en).toContain('Synthetic');
      expect(plan.title_da).toContain('Syntetisk');
    }
  });

  it("verifies every plan's audit chains through the audit log, public and internal", async () => {
    const auditLog = new AuditLogService(first.dataSource, loadConfig({}));
    const plans: { slug: string; rows: number }[] = await first.dataSource.query(
      `SELECT p.slug, (SELECT COUNT(*)::int FROM status_update su WHERE su.action_plan_id = p.id)
         + (SELECT COUNT(*)::int FROM assessment a WHERE a.action_plan_id = p.id) AS rows
       FROM action_plan p ORDER BY p.slug`,
    );
    const [internal]: { count: string }[] = await first.dataSource.query(
      "SELECT COUNT(*) FROM status_update WHERE visibility = 'INTERNAL'",
    );
    expect(Number(internal.count)).toBeGreaterThan(0);
    for (const plan of plans) {
      const check = await auditLog.verifyChain(testActor([Role.ADMIN]), plan.slug);
      expect({ slug: plan.slug, ok: check.ok, checked: check.checked }).toEqual({
        slug: plan.slug,
        ok: true,
        checked: plan.rows,
      });
    }
  });

  it('tells its progress in rows of the whole world, up to all of them', () => {
    expect(told[0]).toEqual({ stage: 'commitments', done: 0, total: told[0].total });
    expect(told.at(-1)).toEqual({
      stage: 'commitments',
      done: told[0].total,
      total: told[0].total,
    });
    told.slice(1).forEach((p, i) => expect(p.done).toBeGreaterThan(told[i].done));
  });

  it('analyses the tables it filled, so the planner knows their sizes at once', async () => {
    const tables: { relname: string; reltuples: number }[] = await first.dataSource.query(
      `SELECT relname, reltuples FROM pg_class
       WHERE relname IN ('commitment', 'milestone', 'status_update') ORDER BY relname`,
    );
    expect(tables).toEqual([
      { relname: 'commitment', reltuples: 150 },
      { relname: 'milestone', reltuples: 750 },
      { relname: 'status_update', reltuples: 7_500 },
    ]);
  });

  it('makes the same world, row for row, when made again from the same seed', async () => {
    await loadSyntheticWorld(second.dataSource, SMALL);
    const [a, b] = [await worldRows(first.dataSource), await worldRows(second.dataSource)];
    expect(a.status_update.split('\n')).toHaveLength(7_500);
    for (const table of Object.keys(a)) {
      expect({ table, same: a[table] === b[table] }).toEqual({ table, same: true });
    }
  });

  it('refuses to make the world again over itself, and adds nothing', async () => {
    const before = await rowCounts(first.dataSource);
    await expect(loadSyntheticWorld(first.dataSource, SMALL)).rejects.toBeInstanceOf(
      SyntheticWorldExistsError,
    );
    expect(await rowCounts(first.dataSource)).toEqual(before);
  });
});
