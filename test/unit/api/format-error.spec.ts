import { Logger } from '@nestjs/common';
import { ERROR_MESSAGES, errorMessage } from '@ogp/common';
import { DomainException, ErrorCode, InputProblems } from '@ogp/core';
import type { GraphQLFormattedError } from 'graphql';
import { formatError } from '../../../apps/api/src/graphql/format-error';

const formatted = (code?: string, message = 'as GraphQL wrote it'): GraphQLFormattedError => ({
  message,
  path: ['field'],
  extensions: code ? { code } : {},
});

describe('formatError: every answer carries a message key of the catalogue', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('keeps a domain exception’s code, details, key and parameters, and its English message', () => {
    const exception = DomainException.notFound('commitment', 'ogpId', 'DK9999');
    const answer = formatError(formatted(), exception);
    expect(answer).toMatchObject({
      message: 'No commitment with ogpId "DK9999"',
      extensions: {
        code: 'NOT_FOUND',
        field: 'ogpId',
        value: 'DK9999',
        messageKey: 'notFound.commitment',
        messageParams: { field: 'ogpId', value: 'DK9999' },
      },
    });
  });

  it('gives every problem of a BAD_USER_INPUT its key, and the first one’s to the error', () => {
    const problems = new InputProblems();
    problems.add('input.title', errorMessage('field.localizedRequired'));
    problems.add('input.weight', errorMessage('milestone.weightRange', { max: 99_999.999 }), 0);
    let thrown: unknown;
    try {
      problems.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    const answer = formatError(formatted(), thrown);
    expect(answer.message).toBe(
      'input.title: needs Danish or English text (at least one language); ' +
        'input.weight: must be a number above 0 and at most 99999.999, with at most three decimals',
    );
    expect(answer.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
      messageKey: 'field.localizedRequired',
      problems: [
        { field: 'input.title', messageKey: 'field.localizedRequired', messageParams: {} },
        {
          field: 'input.weight',
          messageKey: 'milestone.weightRange',
          messageParams: { max: 99_999.999 },
          value: 0,
        },
      ],
    });
  });

  it.each([
    ['GRAPHQL_PARSE_FAILED', 'request.unreadable'],
    ['GRAPHQL_VALIDATION_FAILED', 'request.invalid'],
    ['BAD_USER_INPUT', 'request.badValue'],
    ['BAD_REQUEST', 'request.bad'],
    ['PERSISTED_QUERY_NOT_FOUND', 'request.bad'],
    ['OPERATION_RESOLUTION_FAILURE', 'request.bad'],
  ])('gives GraphQL’s own %s the key %s and keeps its text', (code, key) => {
    const answer = formatError(formatted(code), new Error('as GraphQL wrote it'));
    expect(answer.message).toBe('as GraphQL wrote it');
    expect(answer.extensions).toMatchObject({ code, messageKey: key, messageParams: {} });
  });

  it('keeps a key an error already carries (the depth limit, unstorable strings)', () => {
    const answer = formatError(
      {
        message: 'Query is nested deeper than the limit of 12 levels',
        extensions: {
          code: 'BAD_USER_INPUT',
          messageKey: 'query.tooDeep',
          messageParams: { max: 12 },
        },
      },
      new Error('x'),
    );
    expect(answer.extensions).toMatchObject({
      messageKey: 'query.tooDeep',
      messageParams: { max: 12 },
    });
  });

  it('answers anything unexpected as INTERNAL_SERVER_ERROR with its key and no internals', () => {
    const answer = formatError(formatted(), new TypeError('cannot read x of undefined'));
    expect(answer).toEqual({
      message: 'Internal server error',
      path: ['field'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        messageKey: 'server.internal',
        messageParams: {},
      },
    });
  });

  it('never answers without a key of the catalogue, whatever the code', () => {
    const codes = [...Object.values(ErrorCode), 'SOMETHING_NEW', undefined];
    for (const code of codes) {
      const answer = formatError(formatted(code), new Error('x'));
      expect(Object.keys(ERROR_MESSAGES)).toContain(answer.extensions?.messageKey);
    }
  });
});
