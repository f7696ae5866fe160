import { errorMessage } from '@ogp/common';
import argon2 from 'argon2';
import { DomainException } from '@ogp/core';
// The 3,000 most common passwords, most common first: the first 3,000 entries of the `passwords` dictionary of
// the npm package @zxcvbn-ts/language-common 4.1.3 (src/passwords.json; MIT License, Copyright (c) 2012-2016
// Dan Wheeler and Dropbox, Inc., Copyright (c) 2021 @zxcvbn-ts), which ranks passwords from leaked password
// sets by frequency. All lower case. A JSON array beside this module, which the build copies so the built
// server and the CLI carry it.
import commonPasswords from './common-passwords.json';

/** argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): about 0.1 s a hash on this kind of machine. */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS: ReadonlySet<string> = new Set<string>(commonPasswords);

/** Whose password it is: a password may not be their email, the part before its @, or their name. */
export interface PasswordOwner {
  email?: string;
  displayName?: string;
}

/**
 * The rules of ASVS 5.0 V6.2 for a password being set: 12 to 128 characters, not only whitespace, not one character
 * repeated, not the owner's email (or the part before its @) or name, not one of the 3,000 most common passwords
 * (case does not matter). No composition rules: they make passwords weaker, not stronger.
 */
export function checkPassword(
  password: unknown,
  field = 'password',
  owner: PasswordOwner = {},
): string {
  if (typeof password !== 'string') {
    throw DomainException.badInput(field, errorMessage('field.required'));
  }
  const characters = [...password];
  const length = characters.length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw DomainException.badInput(
      field,
      errorMessage('password.length', {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
        length,
      }),
    );
  }
  if (password.trim() === '') {
    throw DomainException.badInput(field, errorMessage('password.whitespace'));
  }
  if (new Set(characters).size === 1) {
    throw DomainException.badInput(field, errorMessage('password.repeated'));
  }
  const lower = password.toLowerCase();
  const email = owner.email?.trim().toLowerCase() ?? '';
  const localPart = email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : '';
  if (
    email !== '' &&
    (lower.trim() === email || (localPart !== '' && lower.trim() === localPart))
  ) {
    throw DomainException.badInput(field, errorMessage('password.email'));
  }
  const name = owner.displayName?.trim().toLowerCase() ?? '';
  if (name !== '' && lower.trim() === name) {
    throw DomainException.badInput(field, errorMessage('password.displayName'));
  }
  if (COMMON_PASSWORDS.has(lower)) {
    throw DomainException.badInput(field, errorMessage('password.common'));
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
