import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes each milestone's status updates in the order reads and writes take its latest one (effective date,
 * then recording time, then sequence): the milestone's history and the write path's "latest update" are read
 * from the index in order; the dashboard's milestone state finds each milestone's updates by it.
 * milestone(commitment_id) is already indexed (milestone_commitment_idx).
 */
export class MilestoneReadOrder1795835000000 implements MigrationInterface {
  name = 'MilestoneReadOrder1795835000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."status_update_milestone_idx"`);
    await queryRunner.query(
      `CREATE INDEX "status_update_milestone_idx" ON "status_update" ("milestone_id", "effective_date", "recorded_at", "sequence")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."status_update_milestone_idx"`);
    await queryRunner.query(
      `CREATE INDEX "status_update_milestone_idx" ON "status_update" ("milestone_id", "effective_date")`,
    );
  }
}
