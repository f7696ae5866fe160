import { Verification } from '@ogp/common';
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
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';

/**
 * Append-only: a reviewer's verdict on a milestone's reported progress (a trigger refuses UPDATE and DELETE).
 * A link of the plan's hash chain, like status updates and assessments. `status_update_id` is the report the
 * verdict is about: the milestone's latest update when it was given. (Not named `verification`: PostgreSQL gives
 * every table a row type of its name, and the enum type `verification` has that name already.)
 */
@Entity('milestone_verification')
@Unique('milestone_verification_plan_sequence_unique', ['actionPlanId', 'sequence'])
@Index('milestone_verification_milestone_idx', ['milestoneId', 'sequence'])
@Check('milestone_verification_verdict_check', `"verdict" <> 'UNVERIFIED'`)
export class VerificationEntity {
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

  @Column({ type: 'uuid' })
  statusUpdateId: string;

  @ManyToOne(() => StatusUpdateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'status_update_id' })
  statusUpdate?: StatusUpdateEntity;

  /** Position in the plan's audit chain (shared with status updates and assessments), from 1. */
  @Column({ type: 'integer' })
  sequence: number;

  /** VERIFIED or DISPUTED (never UNVERIFIED: that is what a new status update sets). */
  @Column({ type: 'enum', enum: Verification, enumName: 'verification' })
  verdict: Verification;

  @Column(() => LocalizedTextColumns)
  note: LocalizedTextColumns;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

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
