import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { SourceEntity } from '../sources/source.entity';

/** An agency is a public body of one country (ISO 3166 alpha-2, as plans store it): a plan names only its own. */
@Entity('agency')
@Check('agency_country_code_check', `"country_code" ~ '^[A-Z]{2}$'`)
@Index('agency_country_code_idx', ['countryCode'])
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

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
