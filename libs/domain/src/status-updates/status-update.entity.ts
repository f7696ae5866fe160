import { DatePrecision, MilestoneStatus, Visibility } from '@ogp/common';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';

export interface EvidenceLink {
  url: string;
  title: string | null;
}

export enum UpdateOrigin {
  IMPORT = 'IMPORT',
  USER = 'USER',
}

/**
 * Append-only: every progress report ever made (a trigger refuses UPDATE and DELETE). Each row is a link of a
 * hash chain: hash = sha256(previous_hash + canonical serialisation of the row), in `sequence` order. PUBLIC
 * updates are in their plan's public chain; INTERNAL ones in the internal chain of their commitment
 * (`chain_commitment_id`), so nothing in the public chain counts or points at them.
 * effective_date is the last day of its period when its precision is coarser than DAY: by then it was true.
 */
@Entity('status_update')
@Index('status_update_public_sequence_unique', ['actionPlanId', 'sequence'], {
  unique: true,
  where: '"chain_commitment_id" IS NULL',
})
@Unique('status_update_internal_sequence_unique', ['chainCommitmentId', 'sequence'])
@Index('status_update_milestone_idx', ['milestoneId', 'effectiveDate', 'recordedAt', 'sequence'])
@Check('status_update_percent_range_check', `"progress_percent" BETWEEN 0 AND 100`)
export class StatusUpdateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  actionPlanId: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_plan_id' })
  actionPlan?: ActionPlanEntity;

  @Column({ type: 'uuid' })
  milestoneId: string;

  @ManyToOne(() => MilestoneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: MilestoneEntity;

  /** The commitment whose internal chain holds it (INTERNAL updates); null: the plan's public chain. */
  @Column({ type: 'uuid', nullable: true })
  chainCommitmentId: string | null;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'chain_commitment_id',
    foreignKeyConstraintName: 'status_update_chain_commitment_fk',
  })
  chainCommitment?: CommitmentEntity;

  /** Position in its chain (the public one is shared with assessments and verdicts), from 1. */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'enum', enum: MilestoneStatus, enumName: 'milestone_status' })
  status: MilestoneStatus;

  @Column({ type: 'smallint', nullable: true })
  progressPercent: number | null;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({
    type: 'enum',
    enum: DatePrecision,
    enumName: 'date_precision',
    default: DatePrecision.DAY,
  })
  effectiveDatePrecision: DatePrecision;

  /** false: no source dates it, so effective_date is the day it was recorded. */
  @Column({ type: 'boolean', default: true })
  effectiveDateKnown: boolean;

  @Column({ type: 'date', nullable: true })
  actualStart: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  actualStartPrecision: DatePrecision | null;

  @Column({ type: 'date', nullable: true })
  actualEnd: string | null;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  actualEndPrecision: DatePrecision | null;

  @Column(() => LocalizedTextColumns)
  note: LocalizedTextColumns;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: EvidenceLink[];

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.PUBLIC })
  visibility: Visibility;

  @Column({ type: 'enum', enum: UpdateOrigin, enumName: 'update_origin' })
  origin: UpdateOrigin;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  /** The user who recorded it (accounts come later); null for imports. */
  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  /** Shown publicly: a display name, never an email. */
  @Column({ type: 'varchar', length: 200 })
  recordedByName: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  previousHash: string | null;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
