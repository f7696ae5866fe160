import { Catch, HttpStatus, type ArgumentsHost } from '@nestjs/common';
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
 * Domain exceptions are expected answers, not failures: GraphQL hands them to formatError untouched (and
 * unlogged); HTTP routes answer them as JSON with the matching status.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(HTTP_STATUS[exception.code])
      .json({ code: exception.code, message: exception.message, ...exception.details });
    return undefined;
  }
}
