import {
  Column,
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

@Entity('theme')
@Unique('theme_plan_key_unique', ['actionPlanId', 'key'])
@Unique('theme_plan_number_unique', ['actionPlanId', 'number'])
@Check('theme_number_check', `"number" > 0`)
export class ThemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  actionPlanId: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_plan_id' })
  actionPlan?: ActionPlanEntity;

  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'integer' })
  number: number;

  @Column(() => LocalizedTextColumns)
  title: LocalizedTextColumns;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'theme_source',
    joinColumn: { name: 'theme_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
