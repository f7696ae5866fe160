import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ANONYMOUS, type Actor, type AppConfig } from '@ogp/core';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { tokenHash } from './secret-tokens';

export const SESSION_COOKIE = 'ogp_session';

// Writes of last-used times are skipped when the last one is this recent: a busy page must not write per request.
const TOUCH_AFTER_MS = 60_000;

/** The value of one cookie from the Cookie header. */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

interface ActorRow {
  user_id: string;
  display_name: string;
  roles: string;
  agency_ids: string[] | null;
  credential_id: string;
  last_used: Date | null;
}

/** Turns a request's session cookie or bearer token into the Actor every service decides with. */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(req: Request): Promise<Actor> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return this.fromApiToken(bearer);
    const cookie = readCookie(req, SESSION_COOKIE);
    if (cookie) return this.fromSession(cookie);
    return ANONYMOUS;
  }

  private async fromSession(token: string): Promise<Actor> {
    const rows: ActorRow[] = await this.db.query(
      `SELECT u.id AS user_id, u.display_name, u.roles::text AS roles, s.id AS credential_id,
              s.last_seen_at AS last_used,
              ARRAY(SELECT ua.agency_id FROM user_agency ua WHERE ua.user_id = u.id) AS agency_ids
       FROM session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.is_active
         AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [tokenHash(token), this.config.sessionIdleMinutes],
    );
    const row = rows[0];
    if (!row) return ANONYMOUS;
    if (!row.last_used || Date.now() - row.last_used.getTime() > TOUCH_AFTER_MS) {
      await this.db.query('UPDATE session SET last_seen_at = now() WHERE id = $1', [
        row.credential_id,
      ]);
    }
    return this.actor(row, { kind: 'session', sessionId: row.credential_id });
  }

  private async fromApiToken(token: string): Promise<Actor> {
    const rows: ActorRow[] = await this.db.query(
      `SELECT u.id AS user_id, u.display_name, u.roles::text AS roles, t.id AS credential_id,
              t.last_used_at AS last_used,
              ARRAY(SELECT ua.agency_id FROM user_agency ua WHERE ua.user_id = u.id) AS agency_ids
       FROM api_token t JOIN app_user u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.is_active`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) return ANONYMOUS;
    if (!row.last_used || Date.now() - row.last_used.getTime() > TOUCH_AFTER_MS) {
      await this.db.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [
        row.credential_id,
      ]);
    }
    return this.actor(row, { kind: 'token', tokenId: row.credential_id });
  }

  /**
   * The actors the given sessions and API tokens stand for now, in one query, under the same conditions as
   * authenticate() (revoked, expired, idle or of a deactivated user: absent from the answer). Keyed by the session's
   * or token's id; nothing is written (an open websocket is not activity that keeps a session alive).
   */
  async actorsOf(
    credentials: readonly Extract<Actor, { kind: 'user' }>['via'][],
  ): Promise<Map<string, Actor>> {
    const sessionIds = credentials.filter((c) => c.kind === 'session').map((c) => c.sessionId);
    const tokenIds = credentials.filter((c) => c.kind === 'token').map((c) => c.tokenId);
    const actors = new Map<string, Actor>();
    if (sessionIds.length === 0 && tokenIds.length === 0) return actors;
    const rows: (ActorRow & { kind: 'session' | 'token' })[] = await this.db.query(
      `SELECT 'session' AS kind, u.id AS user_id, u.display_name, u.roles::text AS roles,
              s.id AS credential_id, s.last_seen_at AS last_used,
              ARRAY(SELECT ua.agency_id FROM user_agency ua WHERE ua.user_id = u.id) AS agency_ids
       FROM session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND u.is_active
         AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $3)
       UNION ALL
       SELECT 'token' AS kind, u.id AS user_id, u.display_name, u.roles::text AS roles,
              t.id AS credential_id, t.last_used_at AS last_used,
              ARRAY(SELECT ua.agency_id FROM user_agency ua WHERE ua.user_id = u.id) AS agency_ids
       FROM api_token t JOIN app_user u ON u.id = t.user_id
       WHERE t.id = ANY($2::uuid[]) AND t.revoked_at IS NULL AND u.is_active`,
      [sessionIds, tokenIds, this.config.sessionIdleMinutes],
    );
    for (const row of rows) {
      const via =
        row.kind === 'session'
          ? ({ kind: 'session', sessionId: row.credential_id } as const)
          : ({ kind: 'token', tokenId: row.credential_id } as const);
      actors.set(row.credential_id, this.actor(row, via));
    }
    return actors;
  }

  private actor(row: ActorRow, via: Extract<Actor, { kind: 'user' }>['via']): Actor {
    // pg returns an enum array as its text form, e.g. {ADMIN,REVIEWER}
    const roles = row.roles.replace(/[{}]/g, '').split(',').filter(Boolean);
    return {
      kind: 'user',
      userId: row.user_id,
      displayName: row.display_name,
      roles: new Set(roles as never[]),
      agencyIds: new Set(row.agency_ids ?? []),
      via,
    };
  }
}
