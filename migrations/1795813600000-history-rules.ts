import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules the database keeps itself, whatever client writes: history rows are append-only, and every commitment
 * has exactly one lead agency when its transaction commits.
 */
export class HistoryRules1795813600000 implements MigrationInterface {
  name = 'HistoryRules1795813600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['status_update', 'assessment']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
    }
    // Two small functions: a trigger function may only name the fields of its own table's rows.
    const check = (subject: string) => `
      BEGIN
        IF EXISTS (SELECT 1 FROM commitment WHERE id = ${subject})
           AND NOT EXISTS (SELECT 1 FROM commitment_agency WHERE commitment_id = ${subject} AND role = 'LEAD') THEN
          RAISE EXCEPTION 'commitment % has no lead agency', ${subject} USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END`;
    await queryRunner.query(
      `CREATE FUNCTION check_new_commitment_has_lead() RETURNS trigger LANGUAGE plpgsql AS $$${check('NEW.id')}$$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION check_commitment_keeps_lead() RETURNS trigger LANGUAGE plpgsql AS $$${check('OLD.commitment_id')}$$`,
    );
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER commitment_has_one_lead AFTER INSERT ON commitment
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_new_commitment_has_lead()`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER commitment_keeps_its_lead AFTER UPDATE OR DELETE ON commitment_agency
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_commitment_keeps_lead()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER commitment_keeps_its_lead ON commitment_agency`);
    await queryRunner.query(`DROP TRIGGER commitment_has_one_lead ON commitment`);
    await queryRunner.query(`DROP FUNCTION check_commitment_keeps_lead()`);
    await queryRunner.query(`DROP FUNCTION check_new_commitment_has_lead()`);
    for (const table of ['status_update', 'assessment']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_history_change()`);
  }
}
