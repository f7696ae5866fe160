import { AgencyRole } from '@ogp/common';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { CommitmentEntity } from './commitment.entity';

/** Who carries a commitment: exactly one LEAD (checked at commit by a trigger), any number SUPPORTING. */
@Entity('commitment_agency')
@Index('commitment_agency_one_lead', ['commitmentId'], { unique: true, where: `"role" = 'LEAD'` })
@Index('commitment_agency_agency_idx', ['agencyId'])
export class CommitmentAgencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  commitmentId: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'enum', enum: AgencyRole, enumName: 'agency_role' })
  role: AgencyRole;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
}
