import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with roles and agencies, browser sessions, personal API tokens and the sign-in throttle. */

export class Accounts1795815243564 implements MigrationInterface {
  name = 'Accounts1795815243564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."role" AS ENUM('ADMIN', 'COORDINATOR', 'REVIEWER')
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(320) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "password_hash" text NOT NULL,
                "roles" "public"."role" array NOT NULL DEFAULT '{}',
                "is_active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deactivated_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '0',
                CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"),
                CONSTRAINT "app_user_email_lower_check" CHECK ("email" = lower("email")),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "api_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "token_prefix" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_bafaa5aab5957cd193fb2da8f24" UNIQUE ("token_hash"),
                CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "api_token_user_idx" ON "api_token" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "key" character varying(400) NOT NULL,
                "failures" integer NOT NULL DEFAULT '0',
                "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "ip_address" character varying(64),
                "user_agent" character varying(300),
                CONSTRAINT "UQ_a83507eb0338ac037780e02f2b9" UNIQUE ("token_hash"),
                CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "session_user_idx" ON "session" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "user_agency" (
                "user_id" uuid NOT NULL,
                "agency_id" uuid NOT NULL,
                CONSTRAINT "PK_36ccc78e5bb525ab915e53025ef" PRIMARY KEY ("user_id", "agency_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1fa104c3dcf63117898fd5462a" ON "user_agency" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a01dab00714ca22a3b26f79b6f" ON "user_agency" ("agency_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "api_token"
            ADD CONSTRAINT "FK_1725c5ea908ff009f6ab3fa34fd" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session"
            ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_agency"
            ADD CONSTRAINT "FK_1fa104c3dcf63117898fd5462a2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "user_agency"
            ADD CONSTRAINT "FK_a01dab00714ca22a3b26f79b6f4" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "user_agency" DROP CONSTRAINT "FK_a01dab00714ca22a3b26f79b6f4"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_agency" DROP CONSTRAINT "FK_1fa104c3dcf63117898fd5462a2"
        `);
    await queryRunner.query(`
            ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_token" DROP CONSTRAINT "FK_1725c5ea908ff009f6ab3fa34fd"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a01dab00714ca22a3b26f79b6f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1fa104c3dcf63117898fd5462a"
        `);
    await queryRunner.query(`
            DROP TABLE "user_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."session_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "session"
        `);
    await queryRunner.query(`
            DROP TABLE "login_throttle"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."api_token_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "api_token"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."role"
        `);
  }
}
