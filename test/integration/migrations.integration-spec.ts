import { ALL_MIGRATIONS } from '../../migrations';
import { dataVersionObjects } from '../../migrations/1795834000000-data-versions';
import { createPlan } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';

describe('database migrations on a fresh database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const names = async (sql: string): Promise<string[]> =>
    (await db.dataSource.query<{ name: string }[]>(sql)).map((row) => row.name).sort();
  /** Tables other than the migrations table TypeORM keeps. */
  const trackerTables = () =>
    names(`SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = 'public' AND table_name <> 'migration'`);
  const enumTypes = () =>
    names(`SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype = 'e'`);
  /** Our own functions: those of extensions (pgcrypto, for uuids) stay. */
  const functions = () =>
    names(`SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`);
  const triggers = () => names(`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`);
  const applied = async () => {
    const [row] = await db.dataSource.query<{ count: string }[]>(
      'SELECT COUNT(*) AS count FROM migration',
    );
    return Number(row.count);
  };

  // The entities' tables, and the global data version's (read by SQL only).
  const expectedTables = () =>
    [
      ...new Set([
        ...db.dataSource.entityMetadatas.map((metadata) => metadata.tableName),
        'data_version',
      ]),
    ].sort();
  const expectedEnums = () =>
    [
      ...new Set(
        db.dataSource.entityMetadatas
          .flatMap((metadata) => metadata.columns)
          .filter((column) => column.type === 'enum')
          .map((column) => column.enumName!),
      ),
    ].sort();
  // The history rules, and the triggers that raise the data versions.
  const historyFunctions = [
    'check_commitment_keeps_lead',
    'check_new_commitment_has_lead',
    'refuse_history_change',
    ...dataVersionObjects().functions,
  ].sort();
  const historyTriggers = [
    'assessment_append_only',
    'assessment_no_truncate',
    'commitment_has_one_lead',
    'commitment_keeps_its_lead',
    'milestone_verification_append_only',
    'milestone_verification_no_truncate',
    'status_update_append_only',
    'status_update_no_truncate',
    ...dataVersionObjects().triggers,
  ].sort();

  it('runs every migration and creates every table, enum type and history rule', async () => {
    expect(await trackerTables()).toEqual([]);
    const ran = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(ALL_MIGRATIONS.map((m) => m.name));
    expect(await db.dataSource.showMigrations()).toBe(false);
    expect(await trackerTables()).toEqual(expectedTables());
    expect(await enumTypes()).toEqual(expectedEnums());
    expect(await functions()).toEqual(historyFunctions);
    expect(await triggers()).toEqual(historyTriggers);
  });

  it('reverts every migration, one by one, leaving no tracker table, enum type, function or trigger', async () => {
    let reverts = 0;
    while ((await applied()) > 0 && reverts <= ALL_MIGRATIONS.length) {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
      reverts += 1;
    }
    expect(reverts).toBe(ALL_MIGRATIONS.length);
    expect(await applied()).toBe(0);
    expect(await trackerTables()).toEqual([]);
    expect(await enumTypes()).toEqual([]);
    expect(await functions()).toEqual([]);
    expect(await triggers()).toEqual([]);
  });

  it('runs again cleanly after the revert, history rules included', async () => {
    const ran = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(ran).toHaveLength(ALL_MIGRATIONS.length);
    expect(await trackerTables()).toEqual(expectedTables());
    expect(await enumTypes()).toEqual(expectedEnums());
    expect(await triggers()).toEqual(historyTriggers);
    // A plan loads, and its history is append-only again.
    const { planId } = await createPlan(db.dataSource);
    await expect(
      db.dataSource.query('DELETE FROM status_update WHERE action_plan_id = $1', [planId]),
    ).rejects.toThrow(/status_update rows are append-only/);
  });
});
