/** The codes clients see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** The database is unavailable or the server too busy: try again after `retryAfterSeconds` (HTTP 503). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/**
 * What services throw: a code clients can act on, a message that names the value or field, and details that
 * go into `extensions`. Never an HTTP exception: one global formatter maps these for GraphQL and HTTP alike.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(what: string, field: string, value: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, `No ${what} with ${field} "${value}"`, {
      field,
      value,
    });
  }

  static badInput(field: string, problem: string, value?: unknown): DomainException {
    return new DomainException(ErrorCode.BAD_USER_INPUT, `${field}: ${problem}`, {
      field,
      ...(value === undefined ? {} : { value }),
    });
  }
}
