import { englishMessage, errorMessage, type ErrorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '../errors/domain.exception';

// The one way inputs are checked: each service runs the reusable checks of input-checks.ts (and its own rules)
// into one InputProblems, which throws a single BAD_USER_INPUT naming every field (its path) and its problem.

export interface InputProblem {
  /** Path of the argument or input field, e.g. "input.plannedEnd". */
  field: string;
  /** The problem in English (made from the key and parameters). */
  message: string;
  messageKey: ErrorMessage['key'];
  messageParams: ErrorMessage['params'];
  value?: unknown;
}

/** One problem of a field: the English message beside its key and parameters. */
export function inputProblem(field: string, reason: ErrorMessage, value?: unknown): InputProblem {
  const problem: InputProblem = {
    field,
    message: englishMessage(reason),
    messageKey: reason.key,
    messageParams: reason.params,
  };
  return value === undefined ? problem : { ...problem, value };
}

/**
 * Collects every problem of one mutation's input, so a client hears about all of them at once. Thrown as one
 * BAD_USER_INPUT whose `extensions.field` is the first problem's path and `extensions.problems` lists them all.
 */
export class InputProblems {
  private readonly problems: InputProblem[] = [];

  add(field: string, reason: ErrorMessage, value?: unknown): void {
    this.problems.push(inputProblem(field, reason, value));
  }

  /** True when `field` (or a part of it) already has a problem: checks that build on it are skipped. */
  has(field: string): boolean {
    return this.problems.some((p) => p.field === field || p.field.startsWith(`${field}.`));
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    throw invalidInput(this.problems);
  }
}

/** A BAD_USER_INPUT of several problems: its English message lists them all. */
class InputProblemsException extends DomainException {
  constructor(reason: ErrorMessage, message: string, details: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, reason, details);
    this.message = message;
  }
}

/**
 * One BAD_USER_INPUT for the problems: the first one's path as `field` and its message key as the error's, all
 * of them in `problems`.
 */
export function invalidInput(problems: InputProblem[]): DomainException {
  const [first] = problems;
  return new InputProblemsException(
    { key: first.messageKey, params: first.messageParams },
    problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    {
      field: first.field,
      ...(first.value === undefined ? {} : { value: first.value }),
      problems,
    },
  );
}

/** A field is given when the client sent it, even as null (which clears it); left out, it stays as it is. */
export function isGiven<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** The answer to a change of an archived item: it stays as it was archived, for its history. */
export function archivedItem(
  field: string,
  what: 'plan' | 'theme' | 'commitment' | 'milestone' | 'agency',
  key: string,
): DomainException {
  return DomainException.badInput(field, errorMessage(`archived.${what}`, { key }), key);
}
