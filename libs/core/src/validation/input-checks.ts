import {
  PartialDateError,
  errorMessage,
  isIsoDate,
  parsePartialDate,
  type DatePrecision,
  type ErrorMessage,
} from '@ogp/common';
import { isGiven, type InputProblems } from './input-problems';

// The reusable field checks: each reports its problems (path and message) into an InputProblems and returns the
// clean value, or undefined when it found a problem. Lengths follow the column sizes of the entities and
// plan-file.schema.json, so an item made through the API could also be loaded from a plan file.

/** Agency slugs and theme keys: lower-case letters and digits in parts joined by single hyphens or underscores. */
export const KEY = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const KEY_SHAPE = errorMessage('field.keyShape');

/** varchar(100) columns: slugs and keys. */
export const SLUG_MAX = 100;
/** The text columns have no limit; these keep a title a title. */
export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 10_000;

/** A required identifier: no longer than `max`, matching `pattern`. */
export function checkKey(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  pattern: RegExp,
  max: number,
  /** The message saying what shape the value must have. */
  shape: ErrorMessage,
): string | undefined {
  if (value == null) {
    problems.add(field, errorMessage('field.required'));
    return undefined;
  }
  if (value.length > max) {
    problems.add(field, errorMessage('field.tooLong', { max }), value);
    return undefined;
  }
  if (!pattern.test(value)) {
    problems.add(field, shape, value);
    return undefined;
  }
  return value;
}

/** Single-line text, trimmed, 1 to `max` characters; null only where `nullable`. */
export function checkText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  { max, nullable }: { max: number; nullable: boolean },
): string | null | undefined {
  if (value == null) {
    if (nullable) return null;
    problems.add(field, errorMessage('field.required'));
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) {
    problems.add(
      field,
      errorMessage(nullable ? 'field.textLengthOrNull' : 'field.textLength', { max }),
      value,
    );
    return undefined;
  }
  return trimmed;
}

export interface LocalizedValue {
  da: string | null;
  en: string | null;
}

/** Bilingual text as a client sends it (the LocalizedText input type). */
export interface LocalizedTextValue {
  da?: string | null;
  en?: string | null;
}

/**
 * Bilingual text: the given languages over the current ones (a language left out keeps its text, null or
 * empty clears it; null for the whole field clears both). Required text keeps at least one language.
 */
export function checkLocalized(
  problems: InputProblems,
  field: string,
  current: LocalizedValue | null,
  input: LocalizedTextValue | null | undefined,
  { required, max }: { required: boolean; max: number },
): LocalizedValue | undefined {
  const next: LocalizedValue = { da: current?.da ?? null, en: current?.en ?? null };
  let valid = true;
  for (const language of ['da', 'en'] as const) {
    const value = input === null ? null : input?.[language];
    if (value === undefined) continue;
    const trimmed = value === null ? '' : value.trim();
    if (trimmed.length > max) {
      problems.add(`${field}.${language}`, errorMessage('field.tooLong', { max }));
      valid = false;
    }
    next[language] = trimmed === '' ? null : trimmed;
  }
  if (!valid) return undefined;
  if (required && next.da === null && next.en === null) {
    problems.add(field, errorMessage('field.localizedRequired'));
    return undefined;
  }
  return next;
}

/** A calendar date written YYYY-MM-DD, or null. */
export function checkCalendarDate(
  problems: InputProblems,
  field: string,
  value: string | null,
): string | null | undefined {
  if (value === null) return null;
  if (!isIsoDate(value)) {
    problems.add(field, errorMessage('field.calendarDate'), value);
    return undefined;
  }
  return value;
}

export interface PeriodColumns {
  start: string | null;
  startPrecision: DatePrecision | null;
  end: string | null;
  endPrecision: DatePrecision | null;
}

/**
 * A start and an end as partial dates ("2018-H1"; null clears), over the current ones. The start column holds
 * the first day of its period and the end column the last day, as the plan loader stores them. The start may
 * not come after the end, also when only one of them changes. Returns the columns that change.
 */
export function checkPeriod(
  problems: InputProblems,
  fields: { start: string; end: string },
  input: { start: string | null | undefined; end: string | null | undefined },
  current: PeriodColumns,
  what: 'plan' | 'milestone',
): Partial<PeriodColumns> {
  const changes: Partial<PeriodColumns> = {};
  const parse = (field: string, value: string) => {
    try {
      return parsePartialDate(value);
    } catch (error) {
      if (!(error instanceof PartialDateError)) throw error;
      problems.add(field, error.reason, value);
      return undefined;
    }
  };
  if (isGiven(input.start)) {
    const parsed = input.start === null ? null : parse(fields.start, input.start);
    if (parsed !== undefined) {
      changes.start = parsed?.start ?? null;
      changes.startPrecision = parsed?.precision ?? null;
    }
  }
  if (isGiven(input.end)) {
    const parsed = input.end === null ? null : parse(fields.end, input.end);
    if (parsed !== undefined) {
      changes.end = parsed?.end ?? null;
      changes.endPrecision = parsed?.precision ?? null;
    }
  }
  if (problems.has(fields.start) || problems.has(fields.end)) return changes;
  const start = changes.start !== undefined ? changes.start : current.start;
  const end = changes.end !== undefined ? changes.end : current.end;
  if (start !== null && end !== null && start > end) {
    const field = isGiven(input.end) ? fields.end : fields.start;
    problems.add(
      field,
      errorMessage(`${what}.startAfterEnd`, { start, end }),
      field === fields.end ? input.end : input.start,
    );
  }
  return changes;
}

/** A whole number from 1 up. */
export function checkPositiveInteger(
  problems: InputProblems,
  field: string,
  value: number | null | undefined,
): number | undefined {
  if (value == null) {
    problems.add(field, errorMessage('field.required'));
    return undefined;
  }
  if (!Number.isInteger(value) || value < 1) {
    problems.add(field, errorMessage('field.positiveInteger'), value);
    return undefined;
  }
  return value;
}

/**
 * The title (required) and description of a plan, commitment or milestone: checked and put into `changes`
 * when creating or when given, left as they are otherwise.
 */
export function checkTitleAndDescription(
  problems: InputProblems,
  creating: boolean,
  input: { title?: LocalizedTextValue | null; description?: LocalizedTextValue | null },
  current: { title: LocalizedValue; description: LocalizedValue } | null,
  changes: { title?: LocalizedValue; description?: LocalizedValue },
): void {
  if (creating || isGiven(input.title)) {
    const title = checkLocalized(problems, 'input.title', current?.title ?? null, input.title, {
      required: true,
      max: TITLE_MAX,
    });
    if (title) changes.title = title;
  }
  if (creating || isGiven(input.description)) {
    const description = checkLocalized(
      problems,
      'input.description',
      current?.description ?? null,
      input.description,
      { required: false, max: DESCRIPTION_MAX },
    );
    if (description) changes.description = description;
  }
}

/** The four columns of a period named `prefix` (e.g. plannedStart, plannedStartPrecision, plannedEnd, ...). */
export type PrefixedPeriod<P extends string> = Record<`${P}Start` | `${P}End`, string | null> &
  Record<`${P}StartPrecision` | `${P}EndPrecision`, DatePrecision | null>;

/**
 * checkPeriod over the input fields `input.<prefix>Start` and `input.<prefix>End` and the entity's columns of the
 * same names (null `current` when creating); the columns that change are put into `changes`.
 */
export function checkPrefixedPeriod<P extends string>(
  problems: InputProblems,
  prefix: P,
  input: Partial<Record<`${P}Start` | `${P}End`, string | null>>,
  current: PrefixedPeriod<P> | null,
  what: 'plan' | 'milestone',
  changes: Partial<PrefixedPeriod<P>>,
): void {
  const start = `${prefix}Start` as const;
  const end = `${prefix}End` as const;
  const startPrecision = `${prefix}StartPrecision` as const;
  const endPrecision = `${prefix}EndPrecision` as const;
  const now: Partial<Record<string, string | null>> = current ?? {};
  const period = checkPeriod(
    problems,
    { start: `input.${start}`, end: `input.${end}` },
    { start: input[start], end: input[end] },
    {
      start: now[start] ?? null,
      startPrecision: (now[startPrecision] ?? null) as DatePrecision | null,
      end: now[end] ?? null,
      endPrecision: (now[endPrecision] ?? null) as DatePrecision | null,
    },
    what,
  );
  const columns = changes as Record<string, string | DatePrecision | null>;
  if (period.start !== undefined) {
    columns[start] = period.start;
    columns[startPrecision] = period.startPrecision ?? null;
  }
  if (period.end !== undefined) {
    columns[end] = period.end;
    columns[endPrecision] = period.endPrecision ?? null;
  }
}
