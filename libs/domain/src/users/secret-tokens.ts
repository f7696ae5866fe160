import { createHash, randomBytes } from 'node:crypto';

/** sha256 in hex: what is stored of a session or API token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits, URL-safe, with a readable prefix that says what kind of token it is. */
export function newSecretToken(prefix: 'ogps' | 'ogpt'): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: tokenHash(token) };
}
