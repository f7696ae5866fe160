import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per (account, client address) pair (`pair:<sha-256 of email and address>`) and per client address
 * (`address:<sha-256 of the address>`), shared by all API processes. Past a key's free failures, each further
 * attempt must wait until next_attempt_at, a wait that doubles with each failure.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz' })
  lastFailureAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;
}
