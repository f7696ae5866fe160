import { Role } from '@ogp/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';

/** A person who signs in. Emails are stored lower-cased, so uniqueness is case-insensitive. */
@Entity('app_user')
@Check('app_user_email_lower_check', `"email" = lower("email")`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  /** argon2id, in its own PHC string (algorithm, parameters and salt included). */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true, default: () => "'{}'" })
  roles: Role[];

  /** The agencies a coordinator reports for. */
  @ManyToMany(() => AgencyEntity)
  @JoinTable({
    name: 'user_agency',
    joinColumn: { name: 'user_id' },
    inverseJoinColumn: { name: 'agency_id' },
  })
  agencies?: AgencyEntity[];

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @VersionColumn({ type: 'integer', default: 0 })
  version: number;
}
