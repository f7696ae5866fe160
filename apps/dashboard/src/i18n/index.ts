import type { Locale } from '@ogp/common';
import da from './da.json';
import en from './en.json';

export type MessageKey = keyof typeof da;

const messages: Record<Locale, Record<MessageKey, string>> = { da, en };

export const LOCALES: readonly Locale[] = ['da', 'en'];

export function isLocale(value: string | null): value is Locale {
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

export function formatPercent(value: number | null, locale: Locale, noData: string): string {
  if (value === null) return noData;
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}
