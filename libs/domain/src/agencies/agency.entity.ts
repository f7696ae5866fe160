import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { SourceEntity } from '../sources/source.entity';

@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column(() => LocalizedTextColumns)
  name: LocalizedTextColumns;

  @Column({ type: 'varchar', length: 40, nullable: true })
  abbreviation: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: AgencyEntity | null;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'agency_source',
    joinColumn: { name: 'agency_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
