import { DomainException, ErrorCode } from '../errors/domain.exception';

// The one way inputs are checked: each service runs the reusable checks of input-checks.ts (and its own rules)
// into one InputProblems, which throws a single BAD_USER_INPUT naming every field (its path) and its problem.

export interface InputProblem {
  /** Path of the argument or input field, e.g. "input.plannedEnd". */
  field: string;
  message: string;
  value?: unknown;
}

/**
 * Collects every problem of one mutation's input, so a client hears about all of them at once. Thrown as one
 * BAD_USER_INPUT whose `extensions.field` is the first problem's path and `extensions.problems` lists them all.
 */
export class InputProblems {
  private readonly problems: InputProblem[] = [];

  add(field: string, message: string, value?: unknown): void {
    this.problems.push(value === undefined ? { field, message } : { field, message, value });
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

/** One BAD_USER_INPUT for the problems: the first one's path as `field`, all of them in `problems`. */
export function invalidInput(problems: InputProblem[]): DomainException {
  const [first] = problems;
  return new DomainException(
    ErrorCode.BAD_USER_INPUT,
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
export function archivedItem(field: string, what: string, key: string): DomainException {
  return DomainException.badInput(
    field,
    `${what} "${key}" is archived: archived items keep their history and cannot be changed`,
    key,
  );
}
