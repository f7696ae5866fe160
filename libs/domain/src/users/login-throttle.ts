import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

const logger = new Logger('LoginThrottle');

/**
 * Back-off after repeated failed sign-ins, per account and per client address, kept in the database so every
 * API process sees the same counts. Keys name an email whether or not an account has it, so a lock reveals
 * nothing about which emails exist.
 */
export class LoginThrottle {
  constructor(private readonly db: EntityManager) {}

  /** Seconds until the first locked key of `keys` opens again; 0 when none is locked. */
  async lockedFor(keys: string[]): Promise<number> {
    const rows: { seconds: string }[] = await this.db.query(
      `SELECT COALESCE(MAX(EXTRACT(EPOCH FROM locked_until - now())), 0) AS seconds
       FROM login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    return Math.ceil(Number(rows[0]?.seconds ?? 0));
  }

  async recordFailure(keys: string[]): Promise<void> {
    for (const key of keys) {
      const rows: { failures: number; locked_until: Date | null }[] = await this.db.query(
        `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2)
                           THEN 1 ELSE login_throttle.failures + 1 END,
           window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2)
                                    THEN now() ELSE login_throttle.window_started_at END
         RETURNING failures, locked_until`,
        [key, FAILURE_WINDOW_MS / 1000],
      );
      const failures = rows[0].failures;
      if (failures >= MAX_FAILURES && failures % MAX_FAILURES === 0) {
        await this.db.query(
          `UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2) WHERE key = $1`,
          [key, LOCK_MS / 1000],
        );
        // The key is logged, never a password.
        logger.warn(
          `Sign-in locked for ${LOCK_MS / 60_000} minutes after ${failures} failures: ${key}`,
        );
      }
    }
  }

  async clear(keys: string[]): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE key = ANY($1)', [keys]);
  }
}
