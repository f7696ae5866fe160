import {
  ERROR_MESSAGES,
  MilestoneStatus,
  ROLE_LABELS,
  englishMessage,
  errorMessage,
  placeholdersOf,
  type ErrorMessageKey,
} from '@ogp/common';
import { DomainException, InputProblems } from '@ogp/core';
import { GraphqlError } from '../../../apps/dashboard/src/api/client';
import { ERROR_TEXTS, translator } from '../../../apps/dashboard/src/i18n';
import { describeError, errorText } from '../../../apps/dashboard/src/i18n/error-text';

// The keys come from the catalogue the API builds every error message from, never from a list kept here.
const apiKeys = Object.keys(ERROR_MESSAGES) as ErrorMessageKey[];

describe('the dashboard says every error the API can send in Danish and English', () => {
  it('knows a catalogue of more than a hundred keys', () => {
    expect(apiKeys.length).toBeGreaterThan(100);
  });

  it.each(['da', 'en'] as const)('has a text in %s for every key of the API', (locale) => {
    const missing = apiKeys.filter((key) => !ERROR_TEXTS[locale][key]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(['da', 'en'] as const)('has no %s text for a key the API no longer sends', (locale) => {
    const stale = Object.keys(ERROR_TEXTS[locale]).filter((key) => !(key in ERROR_MESSAGES));
    expect(stale).toEqual([]);
  });

  it('names in each text only parameters the API sends with that key', () => {
    const unknown: string[] = [];
    for (const key of apiKeys) {
      const sent = placeholdersOf(ERROR_MESSAGES[key]);
      for (const locale of ['da', 'en'] as const) {
        for (const name of placeholdersOf(ERROR_TEXTS[locale][key] ?? '')) {
          if (!sent.includes(name)) unknown.push(`${locale} ${key} {${name}}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe('errorText and describeError', () => {
  it('say a field problem from its key and parameters, not from the English message', () => {
    const problems = new InputProblems();
    problems.add(
      'input.password',
      errorMessage('password.length', { min: 12, max: 128, length: 5 }),
    );
    let thrown: unknown;
    try {
      problems.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    const exception = thrown as DomainException;
    const answer = new GraphqlError(exception.message, exception.code, exception.extensions());
    expect(exception.message).toBe('input.password: must be 12 to 128 characters long (it has 5)');
    expect(errorText(answer.problems[0], 'da')).toBe('Skal være 12 til 128 tegn lang (den har 5)');
    expect(errorText(answer.problems[0], 'en')).toBe(
      'Must be 12 to 128 characters long (it has 5)',
    );
    expect(describeError(answer, 'da')).toBe('Skal være 12 til 128 tegn lang (den har 5)');
  });

  it('writes statuses, roles and long numbers in the page language', () => {
    const transition = errorMessage('progress.transition', {
      from: MilestoneStatus.COMPLETED,
      to: MilestoneStatus.NOT_STARTED,
    });
    const extensions = { messageKey: transition.key, messageParams: transition.params };
    expect(errorText(extensions, 'da')).toBe(
      'En milepæl, der er Gennemført, kan ikke blive Ikke påbegyndt',
    );
    expect(englishMessage(transition)).toBe(
      'a milestone that is COMPLETED cannot become NOT_STARTED',
    );
    const roles = errorMessage('auth.roleRequired', { roles: ['ADMIN', 'REVIEWER'] });
    expect(errorText({ messageKey: roles.key, messageParams: roles.params }, 'da')).toBe(
      `Kun disse roller må gøre dette: ${ROLE_LABELS.ADMIN.da}, ${ROLE_LABELS.REVIEWER.da}.`,
    );
    const long = errorMessage('field.stringTooLong', { max: 100_000, length: 100_001 });
    expect(errorText({ messageKey: long.key, messageParams: long.params }, 'da')).toBe(
      'Må højst være 100.000 tegn lang (den har 100.001)',
    );
  });

  it('falls back to a translated generic refusal for a key it does not know', () => {
    const unknown = new GraphqlError('Something new', 'BAD_USER_INPUT', {
      messageKey: 'something.new',
      messageParams: {},
    });
    expect(describeError(unknown, 'da')).toBe(translator('da')('errorUnknown'));
    expect(describeError(unknown, 'en')).toBe(translator('en')('errorUnknown'));
    expect(describeError(new GraphqlError('HTTP 502', undefined), 'da')).toBe(
      translator('da')('errorUnknown'),
    );
  });

  it('says a lost connection as such', () => {
    expect(describeError(new TypeError('Failed to fetch'), 'da')).toBe(
      translator('da')('errorNetwork'),
    );
  });
});
