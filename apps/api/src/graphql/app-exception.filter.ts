import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainException, ErrorCode } from '@ogp/core';
import type { Response } from 'express';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.INVALID_TRANSITION]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/**
 * The one exception filter. GraphQL errors go on to Apollo's formatError (which logs the unexpected ones once);
 * HTTP routes answer domain exceptions as JSON with the matching status, and anything unexpected as a bare 500
 * after logging its stack.
 */
@Catch()
export class AppExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainException) {
      response
        .status(HTTP_STATUS[exception.code])
        .json({ code: exception.code, message: exception.message, ...exception.details });
    } else if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
    } else {
      this.logger.error(
        exception instanceof Error ? exception.message : String(exception),
        exception instanceof Error ? exception.stack : undefined,
      );
      response
        .status(HttpStatus.INTERNAL_SERVER_ERROR)
        .json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    }
    return undefined;
  }
}
