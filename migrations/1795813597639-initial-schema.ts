import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of plans, themes, commitments, milestones, agencies, sources and the append-only history. */

export class InitialSchema1795813597639 implements MigrationInterface {
  name = 'InitialSchema1795813597639';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "source" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "url" text NOT NULL,
                "title" text,
                "accessed_on" date,
                CONSTRAINT "UQ_9ffc0674c9108b71e64875708b2" UNIQUE ("url"),
                CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "agency" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(100) NOT NULL,
                "abbreviation" character varying(40),
                "parent_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "name_da" text,
                "name_en" text,
                CONSTRAINT "UQ_233490623e751cac6cfd894f96e" UNIQUE ("slug"),
                CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."date_precision" AS ENUM('DAY', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR')
        `);
    await queryRunner.query(`
            CREATE TABLE "action_plan" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(100) NOT NULL,
                "country_code" character(2) NOT NULL,
                "action_plan_number" integer,
                "period_start" date,
                "period_start_precision" "public"."date_precision",
                "period_end" date,
                "period_end_precision" "public"."date_precision",
                "published_on" date,
                "coordinating_agency_id" uuid,
                "is_published" boolean NOT NULL DEFAULT true,
                "is_synthetic" boolean NOT NULL DEFAULT false,
                "audit_head_hash" character varying(64),
                "audit_length" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "title_da" text,
                "title_en" text,
                "description_da" text,
                "description_en" text,
                "notes_da" text,
                "notes_en" text,
                CONSTRAINT "UQ_eda7b379feea2eb9fef8feab238" UNIQUE ("slug"),
                CONSTRAINT "action_plan_period_check" CHECK (
                    "period_start" IS NULL
                    OR "period_end" IS NULL
                    OR "period_start" <= "period_end"
                ),
                CONSTRAINT "action_plan_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
                CONSTRAINT "action_plan_country_code_check" CHECK ("country_code" ~ '^[A-Z]{2}$'),
                CONSTRAINT "PK_73de59f4ddad48bad469c1afdbd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "theme" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "action_plan_id" uuid NOT NULL,
                "key" character varying(100) NOT NULL,
                "number" integer NOT NULL,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "title_da" text,
                "title_en" text,
                CONSTRAINT "theme_plan_number_unique" UNIQUE ("action_plan_id", "number"),
                CONSTRAINT "theme_plan_key_unique" UNIQUE ("action_plan_id", "key"),
                CONSTRAINT "theme_number_check" CHECK ("number" > 0),
                CONSTRAINT "PK_c1934d0b4403bf10c1ab0c18166" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."ogp_value" AS ENUM(
                'ACCESS_TO_INFORMATION',
                'CIVIC_PARTICIPATION',
                'PUBLIC_ACCOUNTABILITY',
                'TECHNOLOGY_AND_INNOVATION'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "action_plan_id" uuid NOT NULL,
                "theme_id" uuid NOT NULL,
                "ogp_id" character varying(6) NOT NULL,
                "number" character varying(20) NOT NULL,
                "position" integer NOT NULL,
                "ogp_values" "public"."ogp_value" array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "title_da" text,
                "title_en" text,
                "description_da" text,
                "description_en" text,
                "notes_da" text,
                "notes_en" text,
                CONSTRAINT "UQ_2a715bba9d431ed50dc49fbc81c" UNIQUE ("ogp_id"),
                CONSTRAINT "commitment_plan_number_unique" UNIQUE ("action_plan_id", "number"),
                CONSTRAINT "commitment_ogp_id_check" CHECK ("ogp_id" ~ '^[A-Z]{2}[0-9]{4}$'),
                CONSTRAINT "PK_7a0899978d100f72269b3045d7e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."milestone_status" AS ENUM(
                'NOT_STARTED',
                'IN_PROGRESS',
                'COMPLETED',
                'CANCELLED'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."verification" AS ENUM('UNVERIFIED', 'VERIFIED', 'DISPUTED')
        `);
    await queryRunner.query(`
            CREATE TABLE "milestone" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "commitment_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "planned_start" date,
                "planned_start_precision" "public"."date_precision",
                "planned_end" date,
                "planned_end_precision" "public"."date_precision",
                "weight" numeric(8, 3) NOT NULL DEFAULT '1',
                "status" "public"."milestone_status",
                "progress_percent" smallint,
                "actual_start" date,
                "actual_start_precision" "public"."date_precision",
                "actual_end" date,
                "actual_end_precision" "public"."date_precision",
                "last_update_on" date,
                "verification" "public"."verification" NOT NULL DEFAULT 'UNVERIFIED',
                "version" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "title_da" text,
                "title_en" text,
                "description_da" text,
                "description_en" text,
                "notes_da" text,
                "notes_en" text,
                CONSTRAINT "milestone_status_percent_check" CHECK (
                    (
                        "status" IS NULL
                        AND "progress_percent" IS NULL
                    )
                    OR (
                        "status" = 'NOT_STARTED'
                        AND "progress_percent" = 0
                    )
                    OR (
                        "status" = 'IN_PROGRESS'
                        AND (
                            "progress_percent" IS NULL
                            OR "progress_percent" <= 99
                        )
                    )
                    OR (
                        "status" = 'COMPLETED'
                        AND "progress_percent" = 100
                    )
                    OR (
                        "status" = 'CANCELLED'
                        AND "progress_percent" IS NULL
                    )
                ),
                CONSTRAINT "milestone_percent_range_check" CHECK (
                    "progress_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "milestone_weight_check" CHECK ("weight" > 0),
                CONSTRAINT "milestone_actual_order_check" CHECK (
                    "actual_start" IS NULL
                    OR "actual_end" IS NULL
                    OR "actual_start" <= "actual_end"
                ),
                CONSTRAINT "milestone_planned_order_check" CHECK (
                    "planned_start" IS NULL
                    OR "planned_end" IS NULL
                    OR "planned_start" <= "planned_end"
                ),
                CONSTRAINT "PK_f8372abce331f60ba7b33fe23a7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "milestone_commitment_idx" ON "milestone" ("commitment_id", "position")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."visibility" AS ENUM('PUBLIC', 'INTERNAL')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."update_origin" AS ENUM('IMPORT', 'USER')
        `);
    await queryRunner.query(`
            CREATE TABLE "status_update" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "action_plan_id" uuid NOT NULL,
                "milestone_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "status" "public"."milestone_status" NOT NULL,
                "progress_percent" smallint,
                "effective_date" date NOT NULL,
                "effective_date_precision" "public"."date_precision" NOT NULL DEFAULT 'DAY',
                "effective_date_known" boolean NOT NULL DEFAULT true,
                "actual_start" date,
                "actual_start_precision" "public"."date_precision",
                "actual_end" date,
                "actual_end_precision" "public"."date_precision",
                "evidence" jsonb NOT NULL DEFAULT '[]',
                "visibility" "public"."visibility" NOT NULL DEFAULT 'PUBLIC',
                "origin" "public"."update_origin" NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "recorded_by_id" uuid,
                "recorded_by_name" character varying(200) NOT NULL,
                "previous_hash" character varying(64),
                "hash" character varying(64) NOT NULL,
                "note_da" text,
                "note_en" text,
                CONSTRAINT "status_update_plan_sequence_unique" UNIQUE ("action_plan_id", "sequence"),
                CONSTRAINT "status_update_percent_range_check" CHECK (
                    "progress_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_c2b5cab69dfc057284f078d918b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "status_update_milestone_idx" ON "status_update" ("milestone_id", "effective_date")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."assessment_stage" AS ENUM('DESIGN', 'MIDTERM', 'END_OF_TERM')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."assessor" AS ENUM('IRM', 'GOVERNMENT_SELF_ASSESSMENT')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."specificity" AS ENUM('NONE', 'LOW', 'MEDIUM', 'HIGH')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."potential_impact" AS ENUM('NONE', 'MINOR', 'MODERATE', 'TRANSFORMATIVE')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."completion" AS ENUM(
                'NO_EVIDENCE',
                'NOT_STARTED',
                'LIMITED',
                'SUBSTANTIAL',
                'COMPLETE'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."did_it_open_government" AS ENUM(
                'WORSENED',
                'DID_NOT_CHANGE',
                'MARGINAL',
                'MAJOR',
                'OUTSTANDING'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."starred" AS ENUM('YES', 'NO', 'PENDING')
        `);
    await queryRunner.query(`
            CREATE TABLE "assessment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "action_plan_id" uuid NOT NULL,
                "commitment_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "stage" "public"."assessment_stage" NOT NULL,
                "assessor" "public"."assessor" NOT NULL,
                "assessed_on" date NOT NULL,
                "assessed_on_precision" "public"."date_precision" NOT NULL,
                "source_url" text NOT NULL,
                "source_title" text,
                "verifiable" boolean,
                "specificity" "public"."specificity",
                "relevant_ogp_values" "public"."ogp_value" array,
                "potential_impact" "public"."potential_impact",
                "completion" "public"."completion",
                "did_it_open_government" "public"."did_it_open_government",
                "starred" "public"."starred",
                "potentially_starred" boolean,
                "origin" "public"."update_origin" NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "recorded_by_id" uuid,
                "recorded_by_name" character varying(200) NOT NULL,
                "previous_hash" character varying(64),
                "hash" character varying(64) NOT NULL,
                "note_da" text,
                "note_en" text,
                CONSTRAINT "assessment_plan_sequence_unique" UNIQUE ("action_plan_id", "sequence"),
                CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "assessment_commitment_idx" ON "assessment" ("commitment_id", "stage")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."agency_role" AS ENUM('LEAD', 'SUPPORTING')
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment_agency" (
                "commitment_id" uuid NOT NULL,
                "agency_id" uuid NOT NULL,
                "role" "public"."agency_role" NOT NULL,
                CONSTRAINT "PK_96df71f9616cc1a93b2f1fedcdd" PRIMARY KEY ("commitment_id", "agency_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_agency_agency_idx" ON "commitment_agency" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "commitment_agency_one_lead" ON "commitment_agency" ("commitment_id")
            WHERE "role" = 'LEAD'
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment_stakeholder" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "commitment_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "name_da" text,
                "name_en" text,
                CONSTRAINT "commitment_stakeholder_position_unique" UNIQUE ("commitment_id", "position"),
                CONSTRAINT "PK_e2f325ff5bf6abdeee3fb813e14" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "agency_source" (
                "agency_id" uuid NOT NULL,
                "source_id" uuid NOT NULL,
                CONSTRAINT "PK_7059f989aecdfe84f0619d68387" PRIMARY KEY ("agency_id", "source_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_216d43da3726585ac053f02fe1" ON "agency_source" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_813b393546629a643294340a7a" ON "agency_source" ("source_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "action_plan_source" (
                "action_plan_id" uuid NOT NULL,
                "source_id" uuid NOT NULL,
                CONSTRAINT "PK_159c2b8389f90e9695dcc83b8d3" PRIMARY KEY ("action_plan_id", "source_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a71b56db4795880f1f74e3547b" ON "action_plan_source" ("action_plan_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_414a754a24c8e92fc1515f548e" ON "action_plan_source" ("source_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "theme_source" (
                "theme_id" uuid NOT NULL,
                "source_id" uuid NOT NULL,
                CONSTRAINT "PK_51af226d1f234168618ea054ee3" PRIMARY KEY ("theme_id", "source_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2606f97b618be967a6c0cfa426" ON "theme_source" ("theme_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_863f0b923ba6d87ad291d988fd" ON "theme_source" ("source_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment_source" (
                "commitment_id" uuid NOT NULL,
                "source_id" uuid NOT NULL,
                CONSTRAINT "PK_619f5339cc4a9851d97139ee08a" PRIMARY KEY ("commitment_id", "source_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3688d9e0679b30cd3d2f41dfe3" ON "commitment_source" ("commitment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3be9e816be78f259405596d106" ON "commitment_source" ("source_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "milestone_source" (
                "milestone_id" uuid NOT NULL,
                "source_id" uuid NOT NULL,
                CONSTRAINT "PK_84e761d2b07a2d1cd2878ecb707" PRIMARY KEY ("milestone_id", "source_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6a2c38f8d0afff74e26b201967" ON "milestone_source" ("milestone_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d2848e1b760d5b313e4bc66752" ON "milestone_source" ("source_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "agency"
            ADD CONSTRAINT "FK_23b82556fb4ce8b297ecc6fbd2f" FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_plan"
            ADD CONSTRAINT "FK_aaa94754069944e9831bb42baf6" FOREIGN KEY ("coordinating_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "theme"
            ADD CONSTRAINT "FK_266934a454522fd85c7c51a9ff5" FOREIGN KEY ("action_plan_id") REFERENCES "action_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment"
            ADD CONSTRAINT "FK_5bb2e2b890c63336340443c2bac" FOREIGN KEY ("action_plan_id") REFERENCES "action_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment"
            ADD CONSTRAINT "FK_d2118e38ed990f923570de4c881" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "milestone"
            ADD CONSTRAINT "FK_59f59d5d322e1cffe3f19fde9d2" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "status_update"
            ADD CONSTRAINT "FK_13c7b8b75bed1e4ef524968b3bd" FOREIGN KEY ("action_plan_id") REFERENCES "action_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "status_update"
            ADD CONSTRAINT "FK_f5f8a1745a6ecced364532f584f" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment"
            ADD CONSTRAINT "FK_32641f87778ecb1aa4740090a9d" FOREIGN KEY ("action_plan_id") REFERENCES "action_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment"
            ADD CONSTRAINT "FK_381db07f602931aa64c34eba782" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_agency"
            ADD CONSTRAINT "FK_69a644be7133de567b59923a4e8" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_agency"
            ADD CONSTRAINT "FK_d3e857b83296212ddcb82651f85" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_stakeholder"
            ADD CONSTRAINT "FK_fc07d81d2036b5c7e82689fcfa3" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agency_source"
            ADD CONSTRAINT "FK_216d43da3726585ac053f02fe1a" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "agency_source"
            ADD CONSTRAINT "FK_813b393546629a643294340a7a9" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "action_plan_source"
            ADD CONSTRAINT "FK_a71b56db4795880f1f74e3547bd" FOREIGN KEY ("action_plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "action_plan_source"
            ADD CONSTRAINT "FK_414a754a24c8e92fc1515f548e7" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "theme_source"
            ADD CONSTRAINT "FK_2606f97b618be967a6c0cfa4266" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "theme_source"
            ADD CONSTRAINT "FK_863f0b923ba6d87ad291d988fd0" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_source"
            ADD CONSTRAINT "FK_3688d9e0679b30cd3d2f41dfe30" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_source"
            ADD CONSTRAINT "FK_3be9e816be78f259405596d1066" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "milestone_source"
            ADD CONSTRAINT "FK_6a2c38f8d0afff74e26b2019672" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "milestone_source"
            ADD CONSTRAINT "FK_d2848e1b760d5b313e4bc667525" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "milestone_source" DROP CONSTRAINT "FK_d2848e1b760d5b313e4bc667525"
        `);
    await queryRunner.query(`
            ALTER TABLE "milestone_source" DROP CONSTRAINT "FK_6a2c38f8d0afff74e26b2019672"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_source" DROP CONSTRAINT "FK_3be9e816be78f259405596d1066"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_source" DROP CONSTRAINT "FK_3688d9e0679b30cd3d2f41dfe30"
        `);
    await queryRunner.query(`
            ALTER TABLE "theme_source" DROP CONSTRAINT "FK_863f0b923ba6d87ad291d988fd0"
        `);
    await queryRunner.query(`
            ALTER TABLE "theme_source" DROP CONSTRAINT "FK_2606f97b618be967a6c0cfa4266"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_plan_source" DROP CONSTRAINT "FK_414a754a24c8e92fc1515f548e7"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_plan_source" DROP CONSTRAINT "FK_a71b56db4795880f1f74e3547bd"
        `);
    await queryRunner.query(`
            ALTER TABLE "agency_source" DROP CONSTRAINT "FK_813b393546629a643294340a7a9"
        `);
    await queryRunner.query(`
            ALTER TABLE "agency_source" DROP CONSTRAINT "FK_216d43da3726585ac053f02fe1a"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_stakeholder" DROP CONSTRAINT "FK_fc07d81d2036b5c7e82689fcfa3"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_agency" DROP CONSTRAINT "FK_d3e857b83296212ddcb82651f85"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_agency" DROP CONSTRAINT "FK_69a644be7133de567b59923a4e8"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment" DROP CONSTRAINT "FK_381db07f602931aa64c34eba782"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment" DROP CONSTRAINT "FK_32641f87778ecb1aa4740090a9d"
        `);
    await queryRunner.query(`
            ALTER TABLE "status_update" DROP CONSTRAINT "FK_f5f8a1745a6ecced364532f584f"
        `);
    await queryRunner.query(`
            ALTER TABLE "status_update" DROP CONSTRAINT "FK_13c7b8b75bed1e4ef524968b3bd"
        `);
    await queryRunner.query(`
            ALTER TABLE "milestone" DROP CONSTRAINT "FK_59f59d5d322e1cffe3f19fde9d2"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment" DROP CONSTRAINT "FK_d2118e38ed990f923570de4c881"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment" DROP CONSTRAINT "FK_5bb2e2b890c63336340443c2bac"
        `);
    await queryRunner.query(`
            ALTER TABLE "theme" DROP CONSTRAINT "FK_266934a454522fd85c7c51a9ff5"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_plan" DROP CONSTRAINT "FK_aaa94754069944e9831bb42baf6"
        `);
    await queryRunner.query(`
            ALTER TABLE "agency" DROP CONSTRAINT "FK_23b82556fb4ce8b297ecc6fbd2f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d2848e1b760d5b313e4bc66752"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6a2c38f8d0afff74e26b201967"
        `);
    await queryRunner.query(`
            DROP TABLE "milestone_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3be9e816be78f259405596d106"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3688d9e0679b30cd3d2f41dfe3"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_863f0b923ba6d87ad291d988fd"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2606f97b618be967a6c0cfa426"
        `);
    await queryRunner.query(`
            DROP TABLE "theme_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_414a754a24c8e92fc1515f548e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a71b56db4795880f1f74e3547b"
        `);
    await queryRunner.query(`
            DROP TABLE "action_plan_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_813b393546629a643294340a7a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_216d43da3726585ac053f02fe1"
        `);
    await queryRunner.query(`
            DROP TABLE "agency_source"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment_stakeholder"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_agency_one_lead"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_agency_agency_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment_agency"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."agency_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."assessment_commitment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "assessment"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."starred"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."did_it_open_government"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."completion"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."potential_impact"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."specificity"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."assessor"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."assessment_stage"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."status_update_milestone_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "status_update"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."update_origin"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."visibility"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."milestone_commitment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "milestone"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."verification"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."milestone_status"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."ogp_value"
        `);
    await queryRunner.query(`
            DROP TABLE "theme"
        `);
    await queryRunner.query(`
            DROP TABLE "action_plan"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."date_precision"
        `);
    await queryRunner.query(`
            DROP TABLE "agency"
        `);
    await queryRunner.query(`
            DROP TABLE "source"
        `);
  }
}
