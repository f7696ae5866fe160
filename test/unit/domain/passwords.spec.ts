import { DomainException } from '@ogp/core';
import { checkPassword } from '../../../libs/domain/src/users/passwords';

const owner = { email: 'Karen.Jensen@Example.org', displayName: 'Karen Jensen Hansen' };

/** The problem checkPassword names for `password`, or null when it accepts it. */
function problemWith(password: unknown): string | null {
  try {
    checkPassword(password, 'input.password', owner);
    return null;
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ field: 'input.password' });
    expect(error.details).not.toHaveProperty('value');
    return error.message;
  }
}

describe('checkPassword (ASVS 5.0 V6.2)', () => {
  it.each([
    ['11 characters', 'eleven char', /must be 12 to 128 characters long \(it has 11\)/],
    ['129 characters', 'x'.repeat(64) + 'y'.repeat(65), /must be 12 to 128 characters long/],
    ['twelve spaces', ' '.repeat(12), /must not be only whitespace/],
    ['tabs and newlines only', '\t\n \t\n \t\n \t\n ', /must not be only whitespace/],
    ['one character repeated', 'aaaaaaaaaaaa', /must not be one character repeated/],
    ['one emoji repeated', '🔑'.repeat(12), /must not be one character repeated/],
    ['the email', 'karen.jensen@example.org', /must not be the email address/],
    ['the email in another case', 'KAREN.JENSEN@EXAMPLE.ORG', /must not be the email address/],
    [
      'the part before the @',
      'Karen.Jensen',
      /must not be the email address or its part before the @/,
    ],
    ['the display name', 'karen jensen hansen', /must not be the display name/],
    [
      'a common password of 12 characters',
      'qwerty123456',
      /one of the 3,000 most common passwords/,
    ],
    ['a common password in another case', 'QWERTY123456', /one of the 3,000 most common passwords/],
    ['another common one', '1qaz2wsx3edc', /one of the 3,000 most common passwords/],
    ['no password at all', undefined, /is required/],
  ])('refuses %s, naming input.password and the rule', (_case, password, problem) => {
    const message = problemWith(password);
    expect(message).toMatch(/^input\.password: /);
    expect(message).toMatch(problem);
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['12 characters with no composition rules', 'twelve chars'],
    ['128 characters', 'ab'.repeat(64)],
    ['the email with more to it', 'karen.jensen@example.org and more'],
    ['two characters alternating', 'abababababab'],
  ])('accepts %s', (_case, password) => {
    expect(problemWith(password)).toBeNull();
  });

  it('knows 3,000 common passwords, whatever their length', () => {
    for (const common of ['123456', 'password', 'dragon', 'iloveyou', 'trustno1']) {
      expect(() => checkPassword(common.padEnd(12, common), 'password')).not.toThrow(/common/);
    }
    expect(() => checkPassword('123qweasdzxc')).toThrow(/3,000 most common/);
  });
});
