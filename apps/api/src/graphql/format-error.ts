import { Logger } from '@nestjs/common';
import { errorMessage, type ErrorMessage } from '@ogp/common';
import { DomainException, ErrorCode, LogSummariser, messageExtensions } from '@ogp/core';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { databaseAvailability } from '../health/database-availability';
import { refusalFor } from './service-unavailable';

const logger = new Logger('GraphQL');
// The same bug hit by every request is logged once (with its stack), then counted.
const repeats = new LogSummariser((message) => logger.error(message));

// Codes GraphQL and Apollo themselves produce for bad requests: passed through as they are.
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...Object.values(ErrorCode),
]);

// The message of an error GraphQL or Apollo made itself (their English text stays, more precise than the key).
const CLIENT_MESSAGES: Record<string, ErrorMessage> = {
  GRAPHQL_PARSE_FAILED: errorMessage('request.unreadable'),
  GRAPHQL_VALIDATION_FAILED: errorMessage('request.invalid'),
  BAD_USER_INPUT: errorMessage('request.badValue'),
};

/** The message key of an error that has none: by its code, so every answer's error can be translated. */
export function withMessageKey(extensions: Record<string, unknown>): Record<string, unknown> {
  if (typeof extensions.messageKey === 'string') return extensions;
  const code = typeof extensions.code === 'string' ? extensions.code : '';
  const reason =
    code === 'INTERNAL_SERVER_ERROR'
      ? errorMessage('server.internal')
      : (CLIENT_MESSAGES[code] ?? errorMessage('request.bad'));
  return { ...extensions, ...messageExtensions(reason) };
}

/**
 * The one place errors become answers: an unavailable database (or an abandoned request) answers
 * SERVICE_UNAVAILABLE with a retry hint and is logged by the availability monitor, not here; domain exceptions
 * keep their code and details, client mistakes pass through, and anything unexpected is logged with its stack
 * (repeats summarised) and answered without internals.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const refusal = refusalFor(original);
  if (refusal) {
    databaseAvailability.noticed(original);
    return {
      message: refusal.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: refusal.extensions(),
    };
  }
  if (original instanceof DomainException) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: original.extensions(),
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: withMessageKey(extensions) };
  }
  const message = `Unexpected error at ${formatted.path?.join('.') ?? 'request'}: ${original instanceof Error ? original.message : String(original)}`;
  if (repeats.first(message)) {
    logger.error(message, original instanceof Error ? original.stack : undefined);
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: withMessageKey({ code: 'INTERNAL_SERVER_ERROR' }),
  };
}
