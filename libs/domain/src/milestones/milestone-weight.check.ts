import { errorMessage } from '@ogp/common';
import { type InputProblems } from '@ogp/core';

/** milestone.weight is numeric(8, 3). */
export const WEIGHT_MAX = 99_999.999;

/** A milestone weight: above 0, at most 99999.999, with at most three decimals (numeric(8, 3)). */
export function checkWeight(
  problems: InputProblems,
  field: string,
  value: number | null,
): number | undefined {
  if (value === null) {
    problems.add(field, errorMessage('milestone.weightRequired'));
    return undefined;
  }
  const thousandths = value * 1000;
  if (
    !Number.isFinite(value) ||
    value <= 0 ||
    value > WEIGHT_MAX ||
    Math.abs(thousandths - Math.round(thousandths)) > 1e-6
  ) {
    problems.add(field, errorMessage('milestone.weightRange', { max: WEIGHT_MAX }), value);
    return undefined;
  }
  return value;
}
