import argon2 from 'argon2';
import { DomainException } from '@ogp/core';

/** argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): about 0.1 s a hash on this kind of machine. */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Length is the only rule: no composition rules (they make passwords weaker, not stronger). */
export function checkPassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string') throw DomainException.badInput(field, 'is required');
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw DomainException.badInput(
      field,
      `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long (it has ${length})`,
    );
  }
  return password;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a password against a stored hash; with no hash (unknown email) it checks against a throwaway one,
 * so an unknown email costs the same time as a wrong password.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not a password of anyone, only here to spend the same time');
  const target = hash ?? (await dummyHash);
  const ok = await argon2.verify(target, password).catch(() => false);
  return ok && hash !== null;
}
