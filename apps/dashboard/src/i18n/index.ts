import type { Locale } from '@ogp/common';
import accessibilityDa from './accessibility/da.json';
import accessibilityEn from './accessibility/en.json';
import adminDa from './admin/da.json';
import adminEn from './admin/en.json';
import commonDa from './common/da.json';
import commonEn from './common/en.json';
import coordinatorDa from './coordinator/da.json';
import coordinatorEn from './coordinator/en.json';
import errorsDa from './errors/da.json';
import errorsEn from './errors/en.json';
import exportsDa from './exports/da.json';
import exportsEn from './exports/en.json';
import importsDa from './imports/da.json';
import importsEn from './imports/en.json';
import overviewDa from './overview/da.json';
import overviewEn from './overview/en.json';
import publicDa from './public/da.json';
import publicEn from './public/en.json';
import reviewerDa from './reviewer/da.json';
import reviewerEn from './reviewer/en.json';
import shellDa from './shell/da.json';
import shellEn from './shell/en.json';

// One pair of files per area of the dashboard (same keys in da and en; no key in two areas: a unit test checks).
const danish = {
  ...commonDa,
  ...overviewDa,
  ...publicDa,
  ...coordinatorDa,
  ...reviewerDa,
  ...shellDa,
  ...adminDa,
  ...accessibilityDa,
  ...exportsDa,
  ...importsDa,
};

export type MessageKey = keyof typeof danish;

const messages: Record<Locale, Record<MessageKey, string>> = {
  da: danish,
  en: {
    ...commonEn,
    ...overviewEn,
    ...publicEn,
    ...coordinatorEn,
    ...reviewerEn,
    ...shellEn,
    ...adminEn,
    ...accessibilityEn,
    ...exportsEn,
    ...importsEn,
  },
};

/**
 * The API's refusals, one text per key of its message catalogue (@ogp/common's ERROR_MESSAGES): looked up by
 * the key an error carries (see error-text.ts), so kept apart from the dashboard's own words.
 */
export const ERROR_TEXTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  da: errorsDa,
  en: errorsEn,
};

export const LOCALES: readonly Locale[] = ['da', 'en'];

export function isLocale(value: string | null | undefined): value is Locale {
  return value === 'da' || value === 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Messages of one language, with {name} placeholders filled in. */
export function translator(locale: Locale): Translate {
  return (key, vars = {}) =>
    messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
}

const numberLocale = (locale: Locale): string => (locale === 'da' ? 'da-DK' : 'en-GB');

export function formatPercent(value: number | null, locale: Locale, noData: string): string {
  if (value === null) return noData;
  return new Intl.NumberFormat(numberLocale(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}

/** A timestamp (ISO) as date and time in the page's language, in the reader's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(numberLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A day (YYYY-MM-DD) written out in the page's language: "31. december 2018", "31 December 2018". */
export function formatLongDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return new Intl.DateTimeFormat(numberLocale(locale), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}
