import { isIsoDate, errorMessage } from '@ogp/common';
import { DomainException } from '@ogp/core';

const AS_OF_MEANING =
  "Answer as the plan stood at the end of this day (YYYY-MM-DD, not in the future): status, percents, actual dates, history, flags and every roll-up are rebuilt from the status updates whose effective date is on or before it (an update no source dates counts from the day it was recorded), within what you may see. The structure (plans, themes, commitments, milestones, agencies) is today's, also for a plan that did not yet exist then.";

/** The description of a root query's `asOf` argument. */
export const AS_OF_DESCRIPTION = `${AS_OF_MEANING} Left out: the current state.`;

/** The description of `asOf` on a field whose parent was itself read as of a date. */
export const NESTED_AS_OF_DESCRIPTION = `${AS_OF_MEANING} Left out: the date the plan was read as of (else the current state).`;

/**
 * An `asOf` argument checked: a real calendar day, not after `today` (YYYY-MM-DD). null or undefined: none.
 * BAD_USER_INPUT naming `field` otherwise.
 */
export function parseAsOf(
  value: string | null | undefined,
  today: string,
  field = 'asOf',
): string | null {
  if (value === null || value === undefined) return null;
  // PostgreSQL has no year 0.
  if (!isIsoDate(value) || value < '0001-01-01') {
    throw DomainException.badInput(field, errorMessage('asOf.malformed'), value);
  }
  if (value > today) {
    throw DomainException.badInput(field, errorMessage('asOf.future', { today }), value);
  }
  return value;
}
