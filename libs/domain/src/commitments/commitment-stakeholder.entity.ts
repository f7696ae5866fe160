import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LocalizedTextColumns } from '../shared/localized-text.columns';
import { CommitmentEntity } from './commitment.entity';

/** A named stakeholder that is not an agency of the plan (an NGO, a foreign body, a group). */
@Entity('commitment_stakeholder')
@Unique('commitment_stakeholder_position_unique', ['commitmentId', 'position'])
export class CommitmentStakeholderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  commitmentId: string;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  @Column({ type: 'integer' })
  position: number;

  @Column(() => LocalizedTextColumns)
  name: LocalizedTextColumns;
}
