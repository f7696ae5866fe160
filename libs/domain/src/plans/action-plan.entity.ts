import { DatePrecision } from '@ogp/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { SourceEntity } from '../sources/source.entity';

/**
 * Period dates follow the milestone convention: a start is the first day of its period, an end the last day.
 * `audit_head_hash` and `audit_length` are the head of the plan's public tamper-evident chain of history rows
 * (PUBLIC updates, verdicts on them, assessments; INTERNAL ones are chained per commitment); writers lock this
 * row to append to any chain of the plan, so no chain forks.
 */
@Entity('action_plan')
@Check('action_plan_country_code_check', `"country_code" ~ '^[A-Z]{2}$'`)
@Check('action_plan_slug_check', `"slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check(
  'action_plan_period_check',
  `"period_start" IS NULL OR "period_end" IS NULL OR "period_start" <= "period_end"`,
)
export class ActionPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column(() => LocalizedTextColumns)
  title: LocalizedTextColumns;

  @Column(() => LocalizedTextColumns)
  description: LocalizedTextColumns;

  @Column({ type: 'integer', nullable: true })
  actionPlanNumber: number | null;

  @Column({ type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  periodStartPrecision: DatePrecision | null;

  @Column({ type: 'date', nullable: true })
  periodEnd: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  periodEndPrecision: DatePrecision | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  coordinatingAgencyId: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'coordinating_agency_id' })
  coordinatingAgency?: AgencyEntity | null;

  /** Unpublished plans are visible only to signed-in staff. */
  @Column({ type: 'boolean', default: true })
  isPublished: boolean;

  /** Generated benchmark data, labelled synthetic wherever it appears. */
  @Column({ type: 'boolean', default: false })
  isSynthetic: boolean;

  @Column(() => LocalizedTextColumns)
  notes: LocalizedTextColumns;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'action_plan_source',
    joinColumn: { name: 'action_plan_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  auditHeadHash: string | null;

  @Column({ type: 'integer', default: 0 })
  auditLength: number;

  /**
   * Raised by triggers in the transaction of every write to the plan or anything in it (migration DataVersions):
   * public answers are cached under it. Never written by the app.
   */
  @Column({ type: 'bigint', default: 1, select: false, insert: false, update: false })
  dataVersion?: string;

  /** The transaction that last raised `dataVersion` (so it is raised once per transaction). */
  @Column({ type: 'bigint', nullable: true, select: false, insert: false, update: false })
  dataVersionXact?: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
