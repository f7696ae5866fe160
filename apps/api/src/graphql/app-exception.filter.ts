import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { englishMessage, errorMessage } from '@ogp/common';
import {
  DomainException,
  ErrorCode,
  LogSummariser,
  messageExtensions,
  serviceUnavailable,
} from '@ogp/core';
import type { Response } from 'express';
import { databaseAvailability } from '../health/database-availability';
import { refusalFor } from './service-unavailable';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.INVALID_TRANSITION]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** An HTTP exception's body (Nest's, or a route's own) with the message key of its status beside it. */
function httpAnswer(exception: HttpException): Record<string, unknown> {
  const status = exception.getStatus();
  const body = exception.getResponse();
  // No route of ours throws a 400 itself: it is a body the parser could not read (malformed JSON).
  const reason =
    status === 400
      ? errorMessage('request.unreadable')
      : status === 404
        ? errorMessage('http.notFound')
        : status === 503
          ? errorMessage('service.notReady')
          : errorMessage('http.failed', { status });
  return {
    ...(typeof body === 'object' ? body : { message: body }),
    ...(typeof body === 'object' && 'message' in body ? {} : { message: englishMessage(reason) }),
    ...messageExtensions(reason),
  };
}

/**
 * The one exception filter. GraphQL errors go on to Apollo's formatError (which logs the unexpected ones once);
 * HTTP routes answer an unavailable database with 503 and Retry-After, domain exceptions as JSON with the
 * matching status, and anything unexpected as a bare 500 after logging its stack (repeats summarised).
 */
@Catch()
export class AppExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private readonly repeats = new LogSummariser((message) => this.logger.error(message));

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') {
      // An unavailable database becomes SERVICE_UNAVAILABLE here, while the error still has its code: graphql-js
      // replaces an error that is not an Error of this realm (a socket error from Node's core, under jest) with
      // a bare "Unexpected error value". Thrown on, not returned: a returned value would be the field's result.
      const refusal = refusalFor(exception);
      if (!refusal) throw exception;
      databaseAvailability.noticed(exception);
      throw refusal;
    }
    const response = host.switchToHttp().getResponse<Response>();
    const refusal = serviceUnavailable(exception);
    if (refusal) {
      databaseAvailability.noticed(exception);
      databaseAvailability.refused(refusal.message);
      const seconds = refusal.details.retryAfterSeconds;
      response.setHeader('Retry-After', String(typeof seconds === 'number' ? seconds : 5));
    }
    const known = refusal ?? exception;
    if (known instanceof DomainException) {
      response
        .status(HTTP_STATUS[known.code])
        .json({ message: known.message, ...known.extensions() });
    } else if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(httpAnswer(exception));
    } else {
      const message = exception instanceof Error ? exception.message : String(exception);
      if (this.repeats.first(message)) {
        this.logger.error(message, exception instanceof Error ? exception.stack : undefined);
      }
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Internal server error',
        ...messageExtensions(errorMessage('server.internal')),
      });
    }
    return undefined;
  }
}
