import { DatePrecision, MilestoneStatus, Verification } from '@ogp/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { SourceEntity } from '../sources/source.entity';

/**
 * Dates with a precision: a start column holds the first day of its period, an end column the last day
 * ("first half of 2018" ends 2018-06-30), so flags and comparisons are plain date arithmetic.
 * status, progress_percent, actual dates and last_update_on mirror the latest status_update: the history is the
 * record, these columns are its current state.
 */
@Entity('milestone')
@Index('milestone_commitment_idx', ['commitmentId', 'position'])
@Check(
  'milestone_planned_order_check',
  `"planned_start" IS NULL OR "planned_end" IS NULL OR "planned_start" <= "planned_end"`,
)
@Check(
  'milestone_actual_order_check',
  `"actual_start" IS NULL OR "actual_end" IS NULL OR "actual_start" <= "actual_end"`,
)
@Check('milestone_weight_check', `"weight" > 0`)
@Check('milestone_percent_range_check', `"progress_percent" BETWEEN 0 AND 100`)
@Check(
  'milestone_status_percent_check',
  `("status" IS NULL AND "progress_percent" IS NULL)
    OR ("status" = 'NOT_STARTED' AND "progress_percent" = 0)
    OR ("status" = 'IN_PROGRESS' AND ("progress_percent" IS NULL OR "progress_percent" <= 99))
    OR ("status" = 'COMPLETED' AND "progress_percent" = 100)
    OR ("status" = 'CANCELLED' AND "progress_percent" IS NULL)`,
)
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  commitmentId: string;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  /** Order within the commitment. */
  @Column({ type: 'integer' })
  position: number;

  @Column(() => LocalizedTextColumns)
  title: LocalizedTextColumns;

  @Column(() => LocalizedTextColumns)
  description: LocalizedTextColumns;

  @Column({ type: 'date', nullable: true })
  plannedStart: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  plannedStartPrecision: DatePrecision | null;

  @Column({ type: 'date', nullable: true })
  plannedEnd: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  plannedEndPrecision: DatePrecision | null;

  @Column({ type: 'numeric', precision: 8, scale: 3, default: 1 })
  weight: string;

  /** null: never reported ("no data", never 0 %). */
  @Column({ type: 'enum', enum: MilestoneStatus, enumName: 'milestone_status', nullable: true })
  status: MilestoneStatus | null;

  @Column({ type: 'smallint', nullable: true })
  progressPercent: number | null;

  @Column({ type: 'date', nullable: true })
  actualStart: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  actualStartPrecision: DatePrecision | null;

  @Column({ type: 'date', nullable: true })
  actualEnd: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  actualEndPrecision: DatePrecision | null;

  /** Effective date of the latest status update (drives the STALE flag). */
  @Column({ type: 'date', nullable: true })
  lastUpdateOn: string | null;

  @Column({
    type: 'enum',
    enum: Verification,
    enumName: 'verification',
    default: Verification.UNVERIFIED,
  })
  verification: Verification;

  /** Optimistic concurrency: a writer must name the version it saw. */
  @VersionColumn({ type: 'integer', default: 0 })
  version: number;

  @Column(() => LocalizedTextColumns)
  notes: LocalizedTextColumns;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'milestone_source',
    joinColumn: { name: 'milestone_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
