import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows name their plan: `action_plan_id`. */
const BY_PLAN = [
  'theme',
  'commitment',
  'status_update',
  'assessment',
  'milestone_verification',
  'action_plan_source',
];
/** Tables whose rows name their plan through a parent: the SQL from a transition table `rows` to plan ids. */
const THROUGH = {
  milestone: 'SELECT c.action_plan_id FROM rows r JOIN commitment c ON c.id = r.commitment_id',
  commitment_agency:
    'SELECT c.action_plan_id FROM rows r JOIN commitment c ON c.id = r.commitment_id',
  commitment_stakeholder:
    'SELECT c.action_plan_id FROM rows r JOIN commitment c ON c.id = r.commitment_id',
  commitment_source:
    'SELECT c.action_plan_id FROM rows r JOIN commitment c ON c.id = r.commitment_id',
  milestone_source: `SELECT c.action_plan_id FROM rows r JOIN milestone m ON m.id = r.milestone_id
    JOIN commitment c ON c.id = m.commitment_id`,
  theme_source: 'SELECT t.action_plan_id FROM rows r JOIN theme t ON t.id = r.theme_id',
} as const;
/** Data that lists and more than one plan show: a write raises the global version. */
const GLOBAL = ['agency', 'agency_source', 'source', 'app_user'];
const EVENTS = [
  ['insert', 'INSERT', 'NEW TABLE AS rows'],
  ['update', 'UPDATE', 'NEW TABLE AS rows'],
  ['delete', 'DELETE', 'OLD TABLE AS rows'],
] as const;

/** The functions and triggers this migration makes (the migrations test expects exactly these). */
export function dataVersionObjects(): { functions: string[]; triggers: string[] } {
  const planTables = [...BY_PLAN, ...Object.keys(THROUGH)];
  return {
    functions: [
      'action_plan_bump_own_version',
      'bump_global_data_version',
      ...planTables.map((table) => `${table}_bump_plan_version`),
    ],
    triggers: [
      'action_plan_data_version',
      'action_plan_global_version',
      ...GLOBAL.map((table) => `${table}_global_version`),
      ...planTables.flatMap((table) => EVENTS.map(([suffix]) => `${table}_plan_version_${suffix}`)),
    ],
  };
}

/**
 * Data versions for cached public reads. `action_plan.data_version` is raised in the transaction of every write to
 * the plan or to anything in it (its themes, commitments, milestones, updates, verdicts, assessments, links and
 * sources), by triggers, so no write path can forget it (once per transaction: every reader sees the committed
 * version before the write or a higher one after it); `data_version` holds one global version raised when a
 * plan is created or deleted and by writes to what lists share (agencies, sources, accounts). One statement-level
 * trigger per table and event: a bulk load raises each plan once per statement, not once per row.
 */
export class DataVersions1795834000000 implements MigrationInterface {
  name = 'DataVersions1795834000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "action_plan" ADD "data_version" bigint NOT NULL DEFAULT 1`,
    );
    // The transaction that last raised it: raised once per transaction (a bulk load's thousands of statements
    // would otherwise each write the plan's row again).
    await queryRunner.query(`ALTER TABLE "action_plan" ADD "data_version_xact" bigint`);
    await queryRunner.query(`
      CREATE TABLE "data_version" (
        "id" smallint PRIMARY KEY CHECK ("id" = 1),
        "version" bigint NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO "data_version" ("id", "version") VALUES (1, 1)`);
    // A write to the plan's own row raises its version (unless the statement already did).
    await queryRunner.query(`
      CREATE FUNCTION action_plan_bump_own_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.data_version = OLD.data_version THEN NEW.data_version := OLD.data_version + 1; END IF;
        NEW.data_version_xact := pg_current_xact_id()::text::bigint;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER action_plan_data_version BEFORE UPDATE ON action_plan
      FOR EACH ROW EXECUTE FUNCTION action_plan_bump_own_version()`);
    await queryRunner.query(`
      CREATE FUNCTION bump_global_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER action_plan_global_version AFTER INSERT OR DELETE ON action_plan
      FOR EACH STATEMENT EXECUTE FUNCTION bump_global_data_version()`);
    for (const table of GLOBAL) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_global_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_global_data_version()`);
    }
    const plans: [string, string][] = [
      ...BY_PLAN.map((table): [string, string] => [table, 'SELECT action_plan_id FROM rows']),
      ...Object.entries(THROUGH),
    ];
    for (const [table, select] of plans) {
      await queryRunner.query(`
        CREATE FUNCTION ${table}_bump_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE action_plan SET data_version = data_version + 1
          WHERE id IN (${select})
            AND data_version_xact IS DISTINCT FROM pg_current_xact_id()::text::bigint;
          RETURN NULL;
        END $$`);
      for (const [suffix, event, referencing] of EVENTS) {
        await queryRunner.query(`
          CREATE TRIGGER ${table}_plan_version_${suffix} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_plan_version()`);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...BY_PLAN, ...Object.keys(THROUGH)]) {
      for (const [suffix] of EVENTS) {
        await queryRunner.query(`DROP TRIGGER ${table}_plan_version_${suffix} ON ${table}`);
      }
      await queryRunner.query(`DROP FUNCTION ${table}_bump_plan_version()`);
    }
    for (const table of GLOBAL) {
      await queryRunner.query(`DROP TRIGGER ${table}_global_version ON ${table}`);
    }
    await queryRunner.query(`DROP TRIGGER action_plan_global_version ON action_plan`);
    await queryRunner.query(`DROP FUNCTION bump_global_data_version()`);
    await queryRunner.query(`DROP TRIGGER action_plan_data_version ON action_plan`);
    await queryRunner.query(`DROP FUNCTION action_plan_bump_own_version()`);
    await queryRunner.query(`DROP TABLE "data_version"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP COLUMN "data_version_xact"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP COLUMN "data_version"`);
  }
}
