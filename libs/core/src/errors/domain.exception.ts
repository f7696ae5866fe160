import { englishMessage, errorMessage, type ErrorMessage } from '@ogp/common';

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

/** What can be asked for by a key and not be there (each has its own message, to be said in any language). */
export type MissingThing =
  'plan' | 'commitment' | 'milestone' | 'theme' | 'agency' | 'user' | 'apiToken';

/**
 * What services throw: a code clients can act on, the reason as a message key with its parameters (the English
 * `message` is made from it, with the field in front when one field is at fault), and details that go into
 * `extensions`. Never an HTTP exception: one global formatter maps these for GraphQL and HTTP alike.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorMessage,
    readonly details: Record<string, unknown> = {},
    /** The field named in front of the English message ("input.status: ..."). */
    prefix?: string,
  ) {
    super(prefix ? `${prefix}: ${englishMessage(reason)}` : englishMessage(reason));
    this.name = 'DomainException';
  }

  /** What clients get in `extensions`: the details, the code, and the message key with its parameters. */
  extensions(): Record<string, unknown> {
    return { ...this.details, ...messageExtensions(this.reason), code: this.code };
  }

  static notFound(what: MissingThing, field: string, value: string): DomainException {
    return new DomainException(
      ErrorCode.NOT_FOUND,
      errorMessage(`notFound.${what}`, { field, value }),
      { field, value },
    );
  }

  static badInput(field: string, reason: ErrorMessage, value?: unknown): DomainException {
    return new DomainException(
      ErrorCode.BAD_USER_INPUT,
      reason,
      { field, ...(value === undefined ? {} : { value }) },
      field,
    );
  }
}

/** A message's key and parameters as they go into an error's `extensions`. */
export function messageExtensions(reason: ErrorMessage): {
  messageKey: string;
  messageParams: ErrorMessage['params'];
} {
  return { messageKey: reason.key, messageParams: reason.params };
}
