import { DatePrecision } from './enums';
import { englishMessage, errorMessage, type ErrorMessage } from './error-messages';

// Dates are plain 'YYYY-MM-DD' strings: a calendar date has no time zone, and a Date object would give it one
// (in the browser, the reader's). Arithmetic goes through day numbers, not Date, for the same reason.

/** A period of time named by a partial date: start and end are its first and last day (both inclusive). */
export interface PartialDate {
  start: string;
  end: string;
  precision: DatePrecision;
}

export class PartialDateError extends Error {
  constructor(
    /** What is wrong, as a message key and its parameters (the English text is the error's message). */
    readonly reason: ErrorMessage,
    /** The text or value that was refused. */
    readonly input: unknown,
  ) {
    super(englishMessage(reason));
    this.name = 'PartialDateError';
  }
}

const YEAR = /^(\d{4})$/;
const HALF_YEAR = /^(\d{4})-H(\d)$/;
const QUARTER = /^(\d{4})-Q(\d)$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Splits a valid ISO date, or returns null (never throws). */
function splitIso(text: unknown): Ymd | null {
  if (typeof text !== 'string') return null;
  const match = DAY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireIso(text: string, what: string): Ymd {
  const parts = splitIso(text);
  if (!parts) {
    throw new PartialDateError(
      errorMessage('partialDate.calendarDate', { what, value: text }),
      text,
    );
  }
  return parts;
}

// Day numbers (days since 1970-01-01) in the proleptic Gregorian calendar, after Howard Hinnant's
// days_from_civil; Date.UTC would map years 0-99 to 1900-1999.
function dayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2019-02-29' is false). */
export function isIsoDate(text: unknown): text is string {
  return splitIso(text) !== null;
}

/** The ISO date `days` days after `isoDate` (before it when negative). */
export function addDays(isoDate: string, days: number): string {
  const parts = requireIso(isoDate, 'addDays: the date');
  if (!Number.isInteger(days)) {
    throw new RangeError(`addDays: the number of days must be an integer, got ${days}`);
  }
  const result = fromDayNumber(dayNumber(parts) + days);
  // Four-digit years only, so every result parses again and sorts as text.
  if (result.year < 0 || result.year > 9999) {
    throw new RangeError(`addDays: ${isoDate} + ${days} days falls outside the years 0000-9999`);
  }
  return isoOf(result.year, result.month, result.day);
}

/** Whole days from `fromIso` to `toIso`: positive when `toIso` is later. */
export function daysBetween(fromIso: string, toIso: string): number {
  return (
    dayNumber(requireIso(toIso, 'daysBetween: the end date')) -
    dayNumber(requireIso(fromIso, 'daysBetween: the start date'))
  );
}

/** -1, 0 or 1, for Array.prototype.sort. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  requireIso(a, 'compareIsoDates: the first date');
  requireIso(b, 'compareIsoDates: the second date');
  // Fixed-width ISO dates sort as text.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The months touched by [fromIso, toIso] as 'YYYY-MM' keys, oldest first; empty when fromIso is later. */
export function monthsBetween(fromIso: string, toIso: string): string[] {
  const from = requireIso(fromIso, 'monthsBetween: the start date');
  const to = requireIso(toIso, 'monthsBetween: the end date');
  const keys: string[] = [];
  let year = from.year;
  let month = from.month;
  while (year < to.year || (year === to.year && month <= to.month)) {
    keys.push(`${pad(year, 4)}-${pad(month, 2)}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return keys;
}

function startMonths(precision: DatePrecision): readonly number[] {
  switch (precision) {
    case DatePrecision.DAY:
    case DatePrecision.MONTH:
      return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    case DatePrecision.QUARTER:
      return [1, 4, 7, 10];
    case DatePrecision.HALF_YEAR:
      return [1, 7];
    case DatePrecision.YEAR:
      return [1];
  }
}

function monthsIn(precision: DatePrecision): number {
  switch (precision) {
    case DatePrecision.DAY:
      return 0;
    case DatePrecision.MONTH:
      return 1;
    case DatePrecision.QUARTER:
      return 3;
    case DatePrecision.HALF_YEAR:
      return 6;
    case DatePrecision.YEAR:
      return 12;
  }
}

const PERIOD_NAMES: Record<DatePrecision, string> = {
  [DatePrecision.DAY]: 'day',
  [DatePrecision.MONTH]: 'month',
  [DatePrecision.QUARTER]: 'quarter',
  [DatePrecision.HALF_YEAR]: 'half year',
  [DatePrecision.YEAR]: 'year',
};

function requirePrecision(precision: unknown): DatePrecision {
  if (!Object.values(DatePrecision).includes(precision as DatePrecision)) {
    throw new PartialDateError(
      errorMessage('partialDate.precision', {
        precisions: Object.values(DatePrecision),
        value: String(precision),
      }),
      precision,
    );
  }
  return precision as DatePrecision;
}

/**
 * The period of the given precision that begins on `start`. Throws when `start` is not the first day of such
 * a period (a quarter that begins in February is a data error, not something to round).
 */
export function partialDateFromStart(start: string, precision: DatePrecision): PartialDate {
  const checked = requirePrecision(precision);
  const parts = requireIso(start, 'The start of a partial date');
  if (checked === DatePrecision.DAY) return { start, end: start, precision: checked };
  if (parts.day !== 1 || !startMonths(checked).includes(parts.month)) {
    const firstDays = startMonths(checked)
      .map((month) => `${pad(month, 2)}-01`)
      .join(', ');
    throw new PartialDateError(
      errorMessage('partialDate.notPeriodStart', {
        start,
        period: PERIOD_NAMES[checked],
        firstDays,
      }),
      start,
    );
  }
  const lastMonth = parts.month + monthsIn(checked) - 1;
  const end = isoOf(parts.year, lastMonth, daysInMonth(parts.year, lastMonth));
  return { start, end, precision: checked };
}

/** The last day of the period of `precision` that begins on `start`. */
export function periodEnd(start: string, precision: DatePrecision): string {
  return partialDateFromStart(start, precision).end;
}

function refuse(text: string, reason: ErrorMessage): never {
  throw new PartialDateError(reason, text);
}

/**
 * Reads "2018", "2018-H1", "2018-Q3", "2018-06" or "2018-06-12" (upper-case H and Q, no spaces).
 * Throws a PartialDateError that says what is wrong.
 */
export function parsePartialDate(text: string): PartialDate {
  if (typeof text !== 'string') {
    throw new PartialDateError(errorMessage('partialDate.notText', { type: typeof text }), text);
  }
  let match = YEAR.exec(text);
  if (match) {
    return partialDateFromStart(`${match[1]}-01-01`, DatePrecision.YEAR);
  }
  match = HALF_YEAR.exec(text);
  if (match) {
    const half = Number(match[2]);
    if (half < 1 || half > 2) refuse(text, errorMessage('partialDate.halfYear', { value: text }));
    return partialDateFromStart(isoOf(Number(match[1]), half * 6 - 5, 1), DatePrecision.HALF_YEAR);
  }
  match = QUARTER.exec(text);
  if (match) {
    const quarter = Number(match[2]);
    if (quarter < 1 || quarter > 4)
      refuse(text, errorMessage('partialDate.quarter', { value: text }));
    return partialDateFromStart(isoOf(Number(match[1]), quarter * 3 - 2, 1), DatePrecision.QUARTER);
  }
  match = MONTH.exec(text);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) refuse(text, errorMessage('partialDate.month', { value: text }));
    return partialDateFromStart(`${text}-01`, DatePrecision.MONTH);
  }
  match = DAY.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12) refuse(text, errorMessage('partialDate.month', { value: text }));
    const lastDay = daysInMonth(year, month);
    if (day < 1 || day > lastDay) {
      refuse(
        text,
        errorMessage('partialDate.day', { value: text, lastDay, month: `${match[1]}-${match[2]}` }),
      );
    }
    return { start: text, end: text, precision: DatePrecision.DAY };
  }
  return refuse(text, errorMessage('partialDate.form', { value: text }));
}

/** Like parsePartialDate, but null instead of an error (for optional input and filters). */
export function tryParsePartialDate(text: string): PartialDate | null {
  try {
    return parsePartialDate(text);
  } catch (error) {
    if (error instanceof PartialDateError) return null;
    throw error;
  }
}

/** The string form ("2018-H1" etc.) of a partial date; throws when start, end and precision disagree. */
export function formatPartialDate(date: PartialDate): string {
  const checked = partialDateFromStart(date.start, date.precision);
  if (checked.end !== date.end) {
    throw new PartialDateError(
      errorMessage('partialDate.endMismatch', {
        period: PERIOD_NAMES[checked.precision],
        start: date.start,
        expected: checked.end,
        end: date.end,
      }),
      date,
    );
  }
  const { year, month } = requireIso(date.start, 'The start of a partial date');
  switch (checked.precision) {
    case DatePrecision.DAY:
      return date.start;
    case DatePrecision.MONTH:
      return date.start.slice(0, 7);
    case DatePrecision.QUARTER:
      return `${pad(year, 4)}-Q${(month + 2) / 3}`;
    case DatePrecision.HALF_YEAR:
      return `${pad(year, 4)}-H${month === 1 ? 1 : 2}`;
    case DatePrecision.YEAR:
      return pad(year, 4);
  }
}
