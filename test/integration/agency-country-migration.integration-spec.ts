import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanFile } from '@ogp/domain';
import { ALL_MIGRATIONS } from '../../migrations';
import { buildPlanFile, createPlan } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';

// The migration that gives agencies their country, run on a database that already holds plans: each existing
// agency takes the country of the plans that name it; Denmark's agencies become DK.

const DENMARK = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'plans', 'dk-2017-2019.plan.json'), 'utf8'),
) as PlanFile;

describe('the agency-country migration on existing data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const countries = async (): Promise<Record<string, string>> =>
    Object.fromEntries(
      (
        await db.dataSource.query<{ slug: string; country_code: string }[]>(
          'SELECT slug, country_code FROM agency ORDER BY slug',
        )
      ).map((row) => [row.slug, row.country_code]),
    );

  it('gives existing agencies the country of their plans, of the bodies under them, else DK', async () => {
    const position = ALL_MIGRATIONS.findIndex((m) => m.name === 'AgencyCountry1795833000000');
    expect(position).toBeGreaterThan(0);
    const denmark = await createPlan(db.dataSource, DENMARK);
    const other = await createPlan(
      db.dataSource,
      buildPlanFile({ synthetic: true, plan: { countryCode: 'SE' } }),
    );
    const loaded = await countries();

    // Back to the schema just before the migration: the later ones undone first, newest first.
    for (let undo = ALL_MIGRATIONS.length - position; undo > 0; undo--) {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
    }
    const columns = await db.dataSource.query<unknown[]>(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'agency' AND column_name = 'country_code'`,
    );
    expect(columns).toHaveLength(0);
    // Before the migration: a Swedish ministry that leads nothing, over a Swedish agency, and an agency no
    // plan names.
    const [swedishLead, swedishChild] = other.file.agencies.map((agency) => agency.key);
    await db.dataSource.query(
      `INSERT INTO agency (slug, name_en) VALUES ('swedish-ministry', 'Ministry (test data)'),
         ('unnamed-agency', 'Named by no plan (test data)')`,
    );
    await db.dataSource.query(
      `UPDATE agency SET parent_id = (SELECT id FROM agency WHERE slug = 'swedish-ministry') WHERE slug = $1`,
      [swedishLead],
    );

    await db.dataSource.runMigrations({ transaction: 'each' });
    const after = await countries();
    for (const agency of denmark.file.agencies) expect(after[agency.key]).toBe('DK');
    for (const agency of other.file.agencies) expect(after[agency.key]).toBe('SE');
    expect(after[swedishChild]).toBe('SE');
    expect(after['swedish-ministry']).toBe('SE');
    expect(after['unnamed-agency']).toBe('DK');
    // What the loader gave the agencies is what the migration gives them.
    for (const [slug, country] of Object.entries(loaded)) expect(after[slug]).toBe(country);

    await expect(
      db.dataSource.query(`INSERT INTO agency (slug, name_en) VALUES ('no-country', 'None')`),
    ).rejects.toThrow(/country_code/);
    await expect(
      db.dataSource.query(
        `INSERT INTO agency (slug, country_code, name_en) VALUES ('lower', 'dk', 'Lower')`,
      ),
    ).rejects.toThrow(/agency_country_code_check/);
  });
});
