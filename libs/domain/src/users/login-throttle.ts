import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Failures of one account from one address before its attempts must wait. */
export const PAIR_FREE_FAILURES = 5;
/** Failures from one address, over all accounts, before its attempts must wait. */
export const ADDRESS_FREE_FAILURES = 50;
/** The longest wait between two attempts. */
export const MAX_WAIT_SECONDS = 15 * 60;
/** A key with no failure for this long starts counting afresh. */
export const FAILURE_MEMORY_HOURS = 24;

const logger = new Logger('LoginThrottle');

/** Seconds the next attempt must wait after `failures` failures of a key that allows `free` of them. */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free + 1), MAX_WAIT_SECONDS);
}

interface ThrottleKey {
  key: string;
  free: number;
  /** What the log names (never a password). */
  label: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Back-off after failed sign-ins, counted per (account, address) pair and per client address, kept in the database
 * so every API process sees the same counts. It slows attempts down rather than locking an account, so a stranger
 * hammering an account from elsewhere never keeps its owner out. Keys hold hashes (of any email, whether or not an
 * account has it, so a wait reveals nothing about which emails exist): their length stays fixed however long the
 * email or address given.
 */
export class LoginThrottle {
  private readonly pair: ThrottleKey;
  private readonly address: ThrottleKey;

  constructor(
    private readonly db: DataSource,
    email: string,
    address: string,
  ) {
    const shown = JSON.stringify(address.slice(0, 64));
    this.pair = {
      key: `pair:${sha256(`${email}\u0000${address}`)}`,
      free: PAIR_FREE_FAILURES,
      label: `account ${JSON.stringify(email.slice(0, 100))} from address ${shown}`,
    };
    this.address = {
      key: `address:${sha256(address)}`,
      free: ADDRESS_FREE_FAILURES,
      label: `address ${shown}`,
    };
  }

  /**
   * Counts this attempt as a failure before anything else is checked (a success takes it back), and answers how
   * many seconds it must wait: 0 when it may go ahead. An attempt that must wait is a failure too, so hammering
   * only makes the wait longer. One transaction with the rows locked, so concurrent attempts are counted one by
   * one and none slips through on a count read before another's.
   */
  async recordAttempt(): Promise<number> {
    const keys = [this.pair, this.address];
    return this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_throttle (key, failures, last_failure_at)
         SELECT key, 0, now() FROM unnest($1::varchar[]) AS key
         ON CONFLICT (key) DO NOTHING`,
        [keys.map((k) => k.key)],
      );
      const rows: { key: string; failures: number; forgotten: boolean; waiting: string }[] =
        await manager.query(
          `SELECT key, failures,
                  last_failure_at < now() - make_interval(hours => $2) AS forgotten,
                  COALESCE(EXTRACT(EPOCH FROM next_attempt_at - now()), 0) AS waiting
           FROM login_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
          [keys.map((k) => k.key), FAILURE_MEMORY_HOURS],
        );
      const mustWait = rows.some((row) => !row.forgotten && Number(row.waiting) > 0);
      let longest = 0;
      for (const row of rows) {
        const key = keys.find((k) => k.key === row.key)!;
        const failures = (row.forgotten ? 0 : row.failures) + 1;
        const wait = waitAfter(failures, key.free);
        longest = Math.max(longest, wait);
        await manager.query(
          `UPDATE login_throttle SET failures = $2, last_failure_at = now(),
             next_attempt_at = CASE WHEN $3 > 0 THEN now() + make_interval(secs => $3) END
           WHERE key = $1`,
          [key.key, failures, wait],
        );
        if (
          failures === key.free ||
          (wait === MAX_WAIT_SECONDS && waitAfter(failures - 1, key.free) < wait)
        ) {
          logger.warn(
            `Sign-in slowed after ${failures} failures of ${key.label}: the next attempt waits ${wait} s, ` +
              `each further failure doubles the wait up to ${MAX_WAIT_SECONDS / 60} minutes`,
          );
        }
      }
      return mustWait ? Math.max(longest, 1) : 0;
    });
  }

  /** The attempt succeeded: the pair starts afresh, and the address's count loses the failure counted for it. */
  async succeeded(): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE key = $1', [this.pair.key]);
    await this.db.query(
      `UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
         next_attempt_at = CASE WHEN failures - 1 >= $2 THEN next_attempt_at END
       WHERE key = $1`,
      [this.address.key, this.address.free],
    );
  }
}
