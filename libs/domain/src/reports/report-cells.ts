import { neutraliseCell, type Label, type Locale } from '@ogp/common';
import type { LocalizedText, PartialDateModel } from '../shared/graphql-types';

/**
 * One cell of a report, typed, so each format writes it its own way: CSV as text (dates as YYYY-MM-DD, partial
 * dates as written, e.g. 2018-H1), XLSX as a real date or number. Every text goes through `neutraliseCell`.
 */
export type Cell =
  | { kind: 'text'; value: string | null }
  | { kind: 'number'; value: number | null }
  /** A calendar day, YYYY-MM-DD. */
  | { kind: 'date'; value: string | null }
  | { kind: 'dateTime'; value: Date | null }
  /** A partial date: its label in CSV, in XLSX the day of its `side` of the period. */
  | { kind: 'partialDate'; value: PartialDateModel | null; side: 'start' | 'end' };

export const text = (value: string | null | undefined): Cell => ({
  kind: 'text',
  value: value ?? null,
});
export const number = (value: number | null | undefined): Cell => ({
  kind: 'number',
  value: value ?? null,
});
export const date = (value: string | null | undefined): Cell => ({
  kind: 'date',
  value: value ?? null,
});
export const dateTime = (value: Date | null | undefined): Cell => ({
  kind: 'dateTime',
  value: value ?? null,
});
export const partialDate = (
  value: PartialDateModel | null | undefined,
  side: 'start' | 'end',
): Cell => ({ kind: 'partialDate', value: value ?? null, side });

/** A column: its header in both languages and how a row fills it. */
export interface Column<Row> {
  header: Label;
  cell: (row: Row) => Cell;
  /** Width in characters in XLSX. */
  width?: number;
  /** XLSX number format for numbers (default: general). */
  numberFormat?: string;
}

/** The cell as CSV text (neutralised). */
export function csvText(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value === null ? '' : neutraliseCell(cell.value);
    case 'number':
      return cell.value === null ? '' : String(cell.value);
    case 'date':
      return cell.value ?? '';
    case 'dateTime':
      return cell.value === null ? '' : cell.value.toISOString();
    case 'partialDate':
      return cell.value === null ? '' : cell.value.label;
  }
}

/** A calendar day as the Date a spreadsheet stores for it (midnight UTC). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The cell as an XLSX value: text neutralised, dates as dates, numbers as numbers. */
export function xlsxValue(cell: Cell): string | number | Date | null {
  switch (cell.kind) {
    case 'text':
      return cell.value === null ? null : neutraliseCell(cell.value);
    case 'number':
      return cell.value;
    case 'date':
      return cell.value === null ? null : dayAsDate(cell.value);
    case 'dateTime':
      return cell.value;
    case 'partialDate':
      return cell.value === null ? null : dayAsDate(cell.value[cell.side]);
  }
}

/** User-entered text in `locale`, else in the other language (never both empty for required text). */
export function localized(value: LocalizedText | null | undefined, locale: Locale): string | null {
  if (!value) return null;
  return locale === 'da' ? (value.da ?? value.en) : (value.en ?? value.da);
}

export const yesNo = (value: boolean, locale: Locale): string =>
  value ? (locale === 'da' ? 'Ja' : 'Yes') : locale === 'da' ? 'Nej' : 'No';
