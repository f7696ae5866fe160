import {
  AssessmentStage,
  Assessor,
  Completion,
  DatePrecision,
  DidItOpenGovernment,
  OgpValue,
  PotentialImpact,
  Specificity,
  Starred,
} from '@ogp/common';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { UpdateOrigin } from '../status-updates/status-update.entity';

/** An IRM (or self-) assessment of a commitment at a stage. Append-only and chained like status updates. */
@Entity('assessment')
@Unique('assessment_plan_sequence_unique', ['actionPlanId', 'sequence'])
@Index('assessment_commitment_idx', ['commitmentId', 'stage'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  actionPlanId: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_plan_id' })
  actionPlan?: ActionPlanEntity;

  @Column({ type: 'uuid' })
  commitmentId: string;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'enum', enum: AssessmentStage, enumName: 'assessment_stage' })
  stage: AssessmentStage;

  @Column({ type: 'enum', enum: Assessor, enumName: 'assessor' })
  assessor: Assessor;

  /** Last day of its period, like other end dates. */
  @Column({ type: 'date' })
  assessedOn: string;

  @Column({ type: 'enum', enum: DatePrecision, enumName: 'date_precision' })
  assessedOnPrecision: DatePrecision;

  @Column({ type: 'text' })
  sourceUrl: string;

  @Column({ type: 'text', nullable: true })
  sourceTitle: string | null;

  @Column({ type: 'boolean', nullable: true })
  verifiable: boolean | null;

  @Column({ type: 'enum', enum: Specificity, enumName: 'specificity', nullable: true })
  specificity: Specificity | null;

  /** [] = relevant to none; null = not assessed. */
  @Column({ type: 'enum', enum: OgpValue, enumName: 'ogp_value', array: true, nullable: true })
  relevantOgpValues: OgpValue[] | null;

  @Column({ type: 'enum', enum: PotentialImpact, enumName: 'potential_impact', nullable: true })
  potentialImpact: PotentialImpact | null;

  @Column({ type: 'enum', enum: Completion, enumName: 'completion', nullable: true })
  completion: Completion | null;

  @Column({
    type: 'enum',
    enum: DidItOpenGovernment,
    enumName: 'did_it_open_government',
    nullable: true,
  })
  didItOpenGovernment: DidItOpenGovernment | null;

  @Column({ type: 'enum', enum: Starred, enumName: 'starred', nullable: true })
  starred: Starred | null;

  @Column({ type: 'boolean', nullable: true })
  potentiallyStarred: boolean | null;

  @Column(() => LocalizedTextColumns)
  note: LocalizedTextColumns;

  @Column({ type: 'enum', enum: UpdateOrigin, enumName: 'update_origin' })
  origin: UpdateOrigin;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ type: 'varchar', length: 200 })
  recordedByName: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  previousHash: string | null;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
