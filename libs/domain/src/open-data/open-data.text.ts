import { DatePrecision, type Locale } from '@ogp/common';
import type { TextPair } from './open-data.queries';

/** A text in the reader's language, or in the other one (with its language, so readers can tell). */
export interface Picked {
  value: string;
  lang: Locale;
}

export function pick(text: TextPair | null | undefined, locale: Locale): Picked | null {
  const other: Locale = locale === 'da' ? 'en' : 'da';
  const own = text?.[locale]?.trim();
  if (own) return { value: own, lang: locale };
  const fallback = text?.[other]?.trim();
  return fallback ? { value: fallback, lang: other } : null;
}

/** The partial date ("2018-10", "2018-Q3") of the period that ends on `end`, as the plan file writes it. */
export function partialDateOfEnd(end: string, precision: DatePrecision): string {
  const year = end.slice(0, 4);
  const month = Number(end.slice(5, 7));
  switch (precision) {
    case DatePrecision.DAY:
      return end;
    case DatePrecision.MONTH:
      return end.slice(0, 7);
    case DatePrecision.QUARTER:
      return `${year}-Q${Math.ceil(month / 3)}`;
    case DatePrecision.HALF_YEAR:
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case DatePrecision.YEAR:
      return year;
  }
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for XML content and attributes; characters XML 1.0 cannot hold are dropped. */
export function xml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Text inside the HTML of a summary (HTML's own escapes: `&apos;` is not HTML 4). */
export function html(value: string): string {
  return xml(value).replace(/&apos;/g, '&#39;');
}
