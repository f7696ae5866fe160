import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviewers' verdicts on reported progress: an append-only table, chained into the plan's audit log like
 * status updates and assessments (refuse_history_change() comes from the history-rules migration). The table is
 * not called `verification`: its row type would clash with the enum type of that name.
 */
export class Verifications1795820000000 implements MigrationInterface {
  name = 'Verifications1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "milestone_verification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "action_plan_id" uuid NOT NULL,
        "milestone_id" uuid NOT NULL,
        "status_update_id" uuid NOT NULL,
        "sequence" integer NOT NULL,
        "verdict" "public"."verification" NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "recorded_by_id" uuid,
        "recorded_by_name" character varying(200) NOT NULL,
        "previous_hash" character varying(64),
        "hash" character varying(64) NOT NULL,
        "note_da" text,
        "note_en" text,
        CONSTRAINT "milestone_verification_plan_sequence_unique" UNIQUE ("action_plan_id", "sequence"),
        CONSTRAINT "milestone_verification_verdict_check" CHECK ("verdict" <> 'UNVERIFIED'),
        CONSTRAINT "PK_bdce184929b1504ec601e1608cf" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "milestone_verification_milestone_idx" ON "milestone_verification" ("milestone_id", "sequence")`,
    );
    await queryRunner.query(`
      ALTER TABLE "milestone_verification" ADD CONSTRAINT "FK_ef526df8dd9ecec295cc91b0c1d"
      FOREIGN KEY ("action_plan_id") REFERENCES "action_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "milestone_verification" ADD CONSTRAINT "FK_350f02c0c8e4ebd102817a9f2a0"
      FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "milestone_verification" ADD CONSTRAINT "FK_b3e2a0576a742659e3211effb5d"
      FOREIGN KEY ("status_update_id") REFERENCES "status_update"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TRIGGER milestone_verification_append_only BEFORE UPDATE OR DELETE ON milestone_verification
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);
    await queryRunner.query(`
      CREATE TRIGGER milestone_verification_no_truncate BEFORE TRUNCATE ON milestone_verification
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the table drops its triggers, index and constraints with it.
    await queryRunner.query(`DROP TABLE "milestone_verification"`);
  }
}
