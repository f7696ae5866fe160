import { DatePrecision, type Locale } from '@ogp/common';

/** A partial date as the API gives it: its label (2018-H1) and the period it covers. */
export interface PartialDateLike {
  label: string;
  precision: DatePrecision;
  start: string;
  end: string;
}

const intlLocale = (locale: Locale): string => (locale === 'da' ? 'da-DK' : 'en-GB');

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * The date in words at its own precision: a half year stays a half year ("1. halvår 2018", "first half of 2018"),
 * never a made-up day.
 */
export function formatPartialDate(date: PartialDateLike, locale: Locale): string {
  const year = date.start.slice(0, 4);
  const month = Number(date.start.slice(5, 7));
  switch (date.precision) {
    case DatePrecision.YEAR:
      return year;
    case DatePrecision.HALF_YEAR: {
      const half = month <= 6 ? 1 : 2;
      if (locale === 'da') return `${half}. halvår ${year}`;
      return `${half === 1 ? 'first' : 'second'} half of ${year}`;
    }
    case DatePrecision.QUARTER: {
      const quarter = Math.floor((month - 1) / 3) + 1;
      return locale === 'da' ? `${quarter}. kvartal ${year}` : `Q${quarter} ${year}`;
    }
    case DatePrecision.MONTH:
      return new Intl.DateTimeFormat(intlLocale(locale), {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(utc(date.start));
    default:
      return formatDay(date.start, locale);
  }
}

/** A calendar day (YYYY-MM-DD) in the page's language. */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    utc(iso),
  );
}

/** Milliseconds at the start of a day (UTC), the unit of the timeline's axis. */
export function dayStart(iso: string): number {
  return utc(iso).getTime();
}

/** Milliseconds at the end of a day: a period drawn to its end covers its last day too. */
export function dayEnd(iso: string): number {
  return utc(iso).getTime() + 24 * 60 * 60 * 1000;
}
