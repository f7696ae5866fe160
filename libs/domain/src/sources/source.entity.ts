import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public document that supports a fact: cited by plans, themes, commitments, milestones and agencies. */
@Entity('source')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  url: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'date', nullable: true })
  accessedOn: string | null;
}
