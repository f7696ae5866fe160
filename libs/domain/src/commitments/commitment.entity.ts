import { OgpValue } from '@ogp/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  Check,
} from 'typeorm';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { SourceEntity } from '../sources/source.entity';
import { ThemeEntity } from '../themes/theme.entity';

@Entity('commitment')
@Unique('commitment_plan_number_unique', ['actionPlanId', 'number'])
@Check('commitment_ogp_id_check', `"ogp_id" ~ '^[A-Z]{2}[0-9]{4}$'`)
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  actionPlanId: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_plan_id' })
  actionPlan?: ActionPlanEntity;

  @Column({ type: 'uuid' })
  themeId: string;

  @ManyToOne(() => ThemeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme_id' })
  theme?: ThemeEntity;

  /** OGP's own id, e.g. DK0052: unique across all plans. */
  @Column({ type: 'varchar', length: 6, unique: true })
  ogpId: string;

  /** The number within the plan, e.g. "1.3". */
  @Column({ type: 'varchar', length: 20 })
  number: string;

  /** Order within the plan. */
  @Column({ type: 'integer' })
  position: number;

  @Column(() => LocalizedTextColumns)
  title: LocalizedTextColumns;

  @Column(() => LocalizedTextColumns)
  description: LocalizedTextColumns;

  @Column({
    type: 'enum',
    enum: OgpValue,
    enumName: 'ogp_value',
    array: true,
    default: () => "'{}'",
  })
  ogpValues: OgpValue[];

  @Column(() => LocalizedTextColumns)
  notes: LocalizedTextColumns;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'commitment_source',
    joinColumn: { name: 'commitment_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];

  /** Head of the commitment's internal chain (its INTERNAL updates and the verdicts on them); null while empty. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  internalAuditHeadHash: string | null;

  @Column({ type: 'integer', default: 0 })
  internalAuditLength: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
