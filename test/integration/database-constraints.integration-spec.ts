import { QueryFailedError } from 'typeorm';
import { buildPlanFile, createPlan, nextOgpId } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { rowCounts } from './support/row-counts';

interface Refusal {
  /** PostgreSQL SQLSTATE, e.g. 23505 unique_violation, 23514 check_violation. */
  code: string;
  constraint?: string;
  message?: RegExp;
}

/** Awaits a statement that the database must refuse, and checks the refusal. */
async function expectRefused(statement: Promise<unknown>, expected: Refusal): Promise<void> {
  let caught: unknown;
  try {
    await statement;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(QueryFailedError);
  const error = caught as QueryFailedError & { driverError: { code: string; constraint?: string } };
  expect({ code: error.driverError.code, constraint: error.driverError.constraint }).toEqual({
    code: expected.code,
    constraint: expected.constraint,
  });
  if (expected.message) expect(error.message).toMatch(expected.message);
}

describe('the database refuses what the rules forbid, whatever client writes', () => {
  let db: TestDatabase;
  let planId: string;
  let slug: string;
  /** ogpId -> commitment id */
  let commitments: Map<string, string>;
  let ogpIds: string[];
  /** agency slug -> id */
  let agencies: Map<string, string>;
  let agencyKeys: string[];

  const query = <T = any>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    db.dataSource.query(sql, parameters);

  /** A milestone of the plan by commitment (0-based) and position (1-based). */
  const milestoneId = async (commitment: number, position: number): Promise<string> => {
    const [row] = await query<{ id: string }>(
      'SELECT id FROM milestone WHERE commitment_id = $1 AND position = $2',
      [commitments.get(ogpIds[commitment]), position],
    );
    return row.id;
  };

  const leadsOf = (commitmentId: string) =>
    query<{ agency_id: string; role: string }>(
      'SELECT agency_id, role::text FROM commitment_agency WHERE commitment_id = $1 ORDER BY role, agency_id',
      [commitmentId],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const loaded = await createPlan(db.dataSource, buildPlanFile());
    planId = loaded.planId;
    slug = loaded.slug;
    ogpIds = loaded.file.commitments.map((c) => c.ogpId);
    agencyKeys = loaded.file.agencies.map((a) => a.key);
    const rows = await query<{ ogp_id: string; id: string }>(
      'SELECT ogp_id, id FROM commitment WHERE action_plan_id = $1',
      [planId],
    );
    commitments = new Map(rows.map((r) => [r.ogp_id, r.id]));
    const agencyRows = await query<{ slug: string; id: string }>(
      'SELECT slug, id FROM agency WHERE slug = ANY($1)',
      [agencyKeys],
    );
    agencies = new Map(agencyRows.map((r) => [r.slug, r.id]));
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('every commitment has exactly one lead agency', () => {
    it('refuses a second lead for a commitment', async () => {
      // Commitment 1.2 is led by agency 1; agency 2 has no role in it yet.
      const commitmentId = commitments.get(ogpIds[1])!;
      const before = await leadsOf(commitmentId);
      await expectRefused(
        query(
          `INSERT INTO commitment_agency (commitment_id, agency_id, role) VALUES ($1, $2, 'LEAD')`,
          [commitmentId, agencies.get(agencyKeys[2])],
        ),
        { code: '23505', constraint: 'commitment_agency_one_lead' },
      );
      expect(await leadsOf(commitmentId)).toEqual(before);
      expect(before).toEqual([{ agency_id: agencies.get(agencyKeys[1]), role: 'LEAD' }]);
    });

    it('refuses, when the transaction commits, a commitment added without any lead', async () => {
      const before = await rowCounts(db.dataSource);
      const [theme] = await query<{ id: string }>(
        'SELECT id FROM theme WHERE action_plan_id = $1 ORDER BY number LIMIT 1',
        [planId],
      );
      const runner = db.dataSource.createQueryRunner();
      try {
        await runner.query('BEGIN');
        // The insert itself is accepted: the check waits for COMMIT, so a lead can follow in the same transaction.
        await runner.query(
          `INSERT INTO commitment (action_plan_id, theme_id, ogp_id, number, position)
           VALUES ($1, $2, $3, '9.9', 99)`,
          [planId, theme.id, nextOgpId()],
        );
        await expectRefused(runner.query('COMMIT'), {
          code: '23514',
          message: /has no lead agency/,
        });
      } finally {
        await runner.release();
      }
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });

    it('accepts a commitment whose lead is added later in the same transaction', async () => {
      const [theme] = await query<{ id: string }>(
        'SELECT id FROM theme WHERE action_plan_id = $1 ORDER BY number LIMIT 1',
        [planId],
      );
      const ogpId = nextOgpId();
      await db.dataSource.transaction(async (manager) => {
        const [row]: { id: string }[] = await manager.query(
          `INSERT INTO commitment (action_plan_id, theme_id, ogp_id, number, position)
           VALUES ($1, $2, $3, '9.8', 98) RETURNING id`,
          [planId, theme.id, ogpId],
        );
        await manager.query(
          `INSERT INTO commitment_agency (commitment_id, agency_id, role) VALUES ($1, $2, 'LEAD')`,
          [row.id, agencies.get(agencyKeys[0])],
        );
      });
      const [stored] = await query<{ leads: string }>(
        `SELECT COUNT(*) AS leads FROM commitment c JOIN commitment_agency ca ON ca.commitment_id = c.id
         WHERE c.ogp_id = $1 AND ca.role = 'LEAD'`,
        [ogpId],
      );
      expect(Number(stored.leads)).toBe(1);
    });

    it('refuses removing the only lead of a commitment', async () => {
      const commitmentId = commitments.get(ogpIds[0])!;
      const before = await leadsOf(commitmentId);
      await expectRefused(
        query(`DELETE FROM commitment_agency WHERE commitment_id = $1 AND role = 'LEAD'`, [
          commitmentId,
        ]),
        { code: '23514', message: /has no lead agency/ },
      );
      expect(await leadsOf(commitmentId)).toEqual(before);
    });

    it('refuses turning the only lead into a supporting agency', async () => {
      const commitmentId = commitments.get(ogpIds[2])!;
      const before = await leadsOf(commitmentId);
      await expectRefused(
        query(
          `UPDATE commitment_agency SET role = 'SUPPORTING' WHERE commitment_id = $1 AND role = 'LEAD'`,
          [commitmentId],
        ),
        { code: '23514', message: /has no lead agency/ },
      );
      expect(await leadsOf(commitmentId)).toEqual(before);
    });
  });

  describe('milestone values', () => {
    const stateOf = async (id: string) =>
      (
        await query(
          `SELECT status::text, progress_percent, planned_start::text, planned_end::text
           FROM milestone WHERE id = $1`,
          [id],
        )
      )[0] as Record<string, unknown>;

    it('refuses a progress percent of 101', async () => {
      const id = await milestoneId(0, 2); // IN_PROGRESS 30
      const before = await stateOf(id);
      await expectRefused(
        query('UPDATE milestone SET progress_percent = 101 WHERE id = $1', [id]),
        { code: '23514', constraint: 'milestone_percent_range_check' },
      );
      expect(await stateOf(id)).toEqual(before);
      expect(before).toMatchObject({ status: 'IN_PROGRESS', progress_percent: 30 });
    });

    it('refuses a COMPLETED milestone at 50 %', async () => {
      const id = await milestoneId(0, 2);
      const before = await stateOf(id);
      await expectRefused(
        query(`UPDATE milestone SET status = 'COMPLETED', progress_percent = 50 WHERE id = $1`, [
          id,
        ]),
        { code: '23514', constraint: 'milestone_status_percent_check' },
      );
      expect(await stateOf(id)).toEqual(before);
    });

    it('refuses a planned start after the planned end', async () => {
      const id = await milestoneId(0, 1); // planned 2018-09-01 to 2018-12-31
      const before = await stateOf(id);
      await expectRefused(
        query(`UPDATE milestone SET planned_start = '2019-01-01' WHERE id = $1`, [id]),
        { code: '23514', constraint: 'milestone_planned_order_check' },
      );
      expect(await stateOf(id)).toEqual(before);
      expect(before).toMatchObject({ planned_start: '2018-09-01', planned_end: '2018-12-31' });
    });
  });

  describe('identifiers', () => {
    it('refuses a second commitment with an OGP id already in use', async () => {
      const before = await query('SELECT id, ogp_id FROM commitment ORDER BY id');
      const [theme] = await query<{ id: string }>(
        'SELECT id FROM theme WHERE action_plan_id = $1 ORDER BY number LIMIT 1',
        [planId],
      );
      await expectRefused(
        query(
          `INSERT INTO commitment (action_plan_id, theme_id, ogp_id, number, position)
           VALUES ($1, $2, $3, '9.7', 97)`,
          [planId, theme.id, ogpIds[0]],
        ),
        { code: '23505', constraint: 'UQ_2a715bba9d431ed50dc49fbc81c' },
      );
      expect(await query('SELECT id, ogp_id FROM commitment ORDER BY id')).toEqual(before);
    });

    it('refuses a second plan with a slug already in use', async () => {
      const before = await rowCounts(db.dataSource);
      await expectRefused(
        query(`INSERT INTO action_plan (slug, country_code) VALUES ($1, 'DK')`, [slug]),
        { code: '23505', constraint: 'UQ_eda7b379feea2eb9fef8feab238' },
      );
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });
  });

  describe.each(['status_update', 'assessment'])('%s rows are append-only', (table) => {
    const rows = async () => {
      const all = await query(`SELECT * FROM ${table} ORDER BY sequence`);
      expect(all.length).toBeGreaterThan(0);
      return all;
    };
    const refused = { code: '42501', message: new RegExp(`${table} rows are append-only`) };

    it('refuses UPDATE', async () => {
      const before = await rows();
      await expectRefused(
        query(`UPDATE ${table} SET recorded_by_name = 'Someone else' WHERE action_plan_id = $1`, [
          planId,
        ]),
        { ...refused, message: new RegExp(`${table} rows are append-only: UPDATE refused`) },
      );
      expect(await rows()).toEqual(before);
    });

    it('refuses DELETE', async () => {
      const before = await rows();
      await expectRefused(query(`DELETE FROM ${table} WHERE action_plan_id = $1`, [planId]), {
        ...refused,
        message: new RegExp(`${table} rows are append-only: DELETE refused`),
      });
      expect(await rows()).toEqual(before);
    });

    it('refuses TRUNCATE', async () => {
      const before = await rows();
      // CASCADE: without it PostgreSQL refuses status_update before any trigger runs, as milestone_verification
      // references it; with it, the truncate reaches the append-only trigger.
      await expectRefused(query(`TRUNCATE ${table} CASCADE`), {
        ...refused,
        message: new RegExp(`${table} rows are append-only: TRUNCATE refused`),
      });
      expect(await rows()).toEqual(before);
    });
  });
});
