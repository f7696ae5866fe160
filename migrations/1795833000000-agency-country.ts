import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives every agency the country it is a public body of, so a plan's lists and forms offer only its country's
 * agencies. An existing agency takes the country of the plans that name it (as lead, supporter or coordinator),
 * else that of a body under it; one no plan names yet is Danish, as every plan loaded before this was.
 */
export class AgencyCountry1795833000000 implements MigrationInterface {
  name = 'AgencyCountry1795833000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" ADD "country_code" character(2)`);
    await queryRunner.query(`
      UPDATE "agency" a SET "country_code" = COALESCE(
        (SELECT p.country_code FROM commitment_agency ca
           JOIN commitment c ON c.id = ca.commitment_id
           JOIN action_plan p ON p.id = c.action_plan_id
         WHERE ca.agency_id = a.id ORDER BY p.created_at LIMIT 1),
        (SELECT p.country_code FROM action_plan p WHERE p.coordinating_agency_id = a.id
         ORDER BY p.created_at LIMIT 1))`);
    // Ministries that lead nothing themselves: the country of the bodies under them, level by level.
    for (;;) {
      const [, changed] = await queryRunner.query(`
        UPDATE "agency" a SET "country_code" = (
          SELECT MIN(child.country_code) FROM agency child
          WHERE child.parent_id = a.id AND child.country_code IS NOT NULL)
        WHERE a.country_code IS NULL AND EXISTS (
          SELECT 1 FROM agency child WHERE child.parent_id = a.id AND child.country_code IS NOT NULL)`);
      if (!changed) break;
    }
    await queryRunner.query(
      `UPDATE "agency" SET "country_code" = 'DK' WHERE "country_code" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "agency" ALTER COLUMN "country_code" SET NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "agency" ADD CONSTRAINT "agency_country_code_check" CHECK ("country_code" ~ '^[A-Z]{2}$')`);
    await queryRunner.query(`CREATE INDEX "agency_country_code_idx" ON "agency" ("country_code")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "agency_country_code_idx"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "agency_country_code_check"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "country_code"`);
  }
}
