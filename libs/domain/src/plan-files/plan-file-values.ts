import { parsePartialDate, type DatePrecision, type PartialDate } from '@ogp/common';
import type { PlanFileText } from './plan-file.types';

/** Plan-file values in column form. */
export const text = (value: PlanFileText | null | undefined) => ({
  da: value?.da ?? null,
  en: value?.en ?? null,
});

/** Start columns hold the first day of their period, end columns the last day. */
export const startOf = (
  value: string | null | undefined,
): [string | null, DatePrecision | null] => {
  if (value == null) return [null, null];
  const parsed: PartialDate = parsePartialDate(value);
  return [parsed.start, parsed.precision];
};
export const endOf = (value: string | null | undefined): [string | null, DatePrecision | null] => {
  if (value == null) return [null, null];
  const parsed: PartialDate = parsePartialDate(value);
  return [parsed.end, parsed.precision];
};
