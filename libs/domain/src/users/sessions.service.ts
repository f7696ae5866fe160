import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  DomainException,
  ErrorCode,
  requireSignedIn,
  type Actor,
  type AppConfig,
} from '@ogp/core';
import { DataSource } from 'typeorm';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { newSecretToken } from './secret-tokens';
import { UserEntity } from './user.entity';

export interface SignIn {
  userId: string;
  token: string;
  expiresAt: Date;
}

const WRONG_CREDENTIALS = 'Wrong email or password';

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password and opens a session. An unknown email and a wrong password get the same answer after
   * the same work; after 5 failures for an account or an address, both are locked for a while.
   */
  async login(
    email: string,
    password: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<SignIn> {
    const normalized = email.trim().toLowerCase();
    const accountKey = `email:${normalized}`;
    const keys = client.ip ? [accountKey, `ip:${client.ip}`] : [accountKey];
    const throttle = new LoginThrottle(this.db.manager);
    const locked = await throttle.lockedFor(keys);
    if (locked > 0) {
      throw new DomainException(
        ErrorCode.UNAUTHENTICATED,
        `Too many failed sign-ins: try again in ${Math.ceil(locked / 60)} minute(s)`,
        { retryAfterSeconds: locked },
      );
    }
    const user = await this.db.getRepository(UserEntity).findOneBy({ email: normalized });
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.isActive) {
      await throttle.recordFailure(keys);
      throw new DomainException(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    await throttle.clear([accountKey]);
    const { token, hash } = newSecretToken('ogps');
    const expiresAt = new Date(Date.now() + this.config.sessionMaxHours * 3_600_000);
    await this.db.query(
      `INSERT INTO session (user_id, token_hash, last_seen_at, expires_at, ip_address, user_agent)
       VALUES ($1, $2, now(), $3, $4, $5)`,
      [user.id, hash, expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
    );
    return { userId: user.id, token, expiresAt };
  }

  /** Revokes the session the request came with (an API token is revoked with revokeApiToken). */
  async logout(actor: Actor): Promise<boolean> {
    const user = requireSignedIn(actor);
    if (user.via.kind !== 'session') return false;
    await this.db.query(
      'UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [user.via.sessionId],
    );
    return true;
  }
}
