import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in back-off instead of a lock: failures are counted per (account, address) pair and per address, under
 * keys that hold a hash of the email rather than the email itself, and a key's count makes the next attempt
 * wait. The old rows (raw emails in their keys, counted per account) mean nothing to the new scheme.
 */
export class SignInBackoff1795830000000 implements MigrationInterface {
  name = 'SignInBackoff1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_throttle"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" RENAME COLUMN "window_started_at" TO "last_failure_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "login_throttle" RENAME COLUMN "locked_until" TO "next_attempt_at"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_throttle"`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" RENAME COLUMN "next_attempt_at" TO "locked_until"`,
    );
    await queryRunner.query(
      `ALTER TABLE "login_throttle" RENAME COLUMN "last_failure_at" TO "window_started_at"`,
    );
  }
}
