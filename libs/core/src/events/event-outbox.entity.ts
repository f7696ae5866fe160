import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PlanActivityEvent } from './plan-events';

/**
 * Live events waiting to leave (sent_at null) or recently sent: written in the transaction of the change they
 * tell, so an event exists exactly when its change was committed; the relay of each API process sends them in id
 * order and marks them sent. Sent rows are kept a few minutes for processes that reconnect to Redis late.
 */
@Entity('event_outbox')
@Index('event_outbox_unsent_idx', ['id'], { where: '"sent_at" IS NULL' })
export class EventOutboxEntity {
  /** bigint: pg hands it over as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The plan the event is about (for reading the table; the payload carries it too). */
  @Column({ type: 'varchar', length: 100 })
  planSlug: string;

  @Column({ type: 'jsonb' })
  payload: PlanActivityEvent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index('event_outbox_sent_at_idx')
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
