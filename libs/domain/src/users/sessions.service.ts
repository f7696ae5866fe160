import { errorMessage, type ErrorMessage } from '@ogp/common';
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
import { PASSWORD_MAX_LENGTH, verifyPassword } from './passwords';
import { newSecretToken } from './secret-tokens';
import { UserEntity } from './user.entity';
import { EMAIL_MAX_LENGTH, isEmailAddress } from './users.service';

export interface SignIn {
  userId: string;
  token: string;
  expiresAt: Date;
}

/** "40 second(s)" under a minute, else "3 minute(s)" rounded up. */
function waitInWords(seconds: number): ErrorMessage {
  return seconds < 60
    ? errorMessage('signIn.waitSeconds', { seconds })
    : errorMessage('signIn.waitMinutes', { minutes: Math.ceil(seconds / 60) });
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password and opens a session. Every attempt is counted before anything is checked (a success takes
   * it back); past a few failures of an account from one address, or many from one address, attempts must wait
   * (see LoginThrottle). Bad input is refused without a password check. An unknown email and a wrong password get
   * the same answer after the same work.
   */
  async login(
    email: string,
    password: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<SignIn> {
    const normalized = email.trim().toLowerCase();
    const throttle = new LoginThrottle(this.db, normalized, client.ip ?? 'unknown');
    const wait = await throttle.recordAttempt();
    if (wait > 0) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, waitInWords(wait), {
        retryAfterSeconds: wait,
      });
    }
    if (!isEmailAddress(normalized)) {
      throw DomainException.badInput(
        'email',
        errorMessage('signIn.email', { max: EMAIL_MAX_LENGTH }),
      );
    }
    if (password === '' || [...password].length > PASSWORD_MAX_LENGTH) {
      throw DomainException.badInput(
        'password',
        errorMessage('signIn.passwordLength', { max: PASSWORD_MAX_LENGTH }),
      );
    }
    const user = await this.db.getRepository(UserEntity).findOneBy({ email: normalized });
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.isActive) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, errorMessage('signIn.wrong'));
    }
    await throttle.succeeded();
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
