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
import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';

/**
 * Append-only: a reviewer's verdict on a milestone's reported progress (a trigger refuses UPDATE and DELETE).
 * A link of the chain its status update is in: the plan's public chain, or the commitment's internal chain for a
 * verdict on an INTERNAL update (`chain_commitment_id`). `status_update_id` is the report the
 * verdict is about: the milestone's latest update when it was given. (Not named `verification`: PostgreSQL gives
 * every table a row type of its name, and the enum type `verification` has that name already.)
 */
@Entity('milestone_verification')
@Index('milestone_verification_public_sequence_unique', ['actionPlanId', 'sequence'], {
  unique: true,
  where: '"chain_commitment_id" IS NULL',
})
@Unique('milestone_verification_internal_sequence_unique', ['chainCommitmentId', 'sequence'])
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

  /** The commitment whose internal chain holds it (a verdict on an INTERNAL update); null: the public chain. */
  @Column({ type: 'uuid', nullable: true })
  chainCommitmentId: string | null;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'chain_commitment_id',
    foreignKeyConstraintName: 'milestone_verification_chain_commitment_fk',
  })
  chainCommitment?: CommitmentEntity;

  /** Position in its chain, from 1. */
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
