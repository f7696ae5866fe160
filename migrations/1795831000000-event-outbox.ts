import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox of live events: a write inserts its event here in its own transaction, and the relay
 * of each API process sends the rows (to Redis or the in-process bus) after the commit, so a write never waits
 * on Redis and an event recorded while Redis is away leaves once it is back. Not history: sent rows are deleted
 * after a few minutes.
 */
export class EventOutbox1795831000000 implements MigrationInterface {
  name = 'EventOutbox1795831000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "event_outbox" (
        "id" BIGSERIAL NOT NULL,
        "plan_slug" character varying(100) NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_c8bd4a6797caa3ebad9b40c9813" PRIMARY KEY ("id")
      )`);
    // The relay reads the waiting rows in id order; the clean-up and late listeners read by sent_at.
    await queryRunner.query(
      `CREATE INDEX "event_outbox_unsent_idx" ON "event_outbox" ("id") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "event_outbox_sent_at_idx" ON "event_outbox" ("sent_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_outbox"`);
  }
}
