import { errorMessage } from '@ogp/common';
import { DomainException } from '@ogp/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { columnOfHeader } from './import-columns';

/** A cell as read: text (trimmed, never empty), a number, a day (YYYY-MM-DD, from a date cell), or nothing. */
export type RawCell = string | number | null;

/** One row of the file below its header, with its number as a spreadsheet shows it (the header is row 1). */
export interface RawRow {
  row: number;
  cells: RawCell[];
}

/** The file's header row and data rows, whatever its format. */
export interface RawSheet {
  headers: string[];
  rows: RawRow[];
}

export type ImportFormat = 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format a Content-Type names, or null for any other. */
export function formatOfMediaType(contentType: string | undefined): ImportFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_MEDIA_TYPE) return 'xlsx';
  return null;
}

/** The format a file name's ending names (the command line reads files), or null. */
export function formatOfFileName(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

const unreadable = (format: ImportFormat) =>
  DomainException.badInput(
    'file',
    errorMessage('progressImport.unreadable', { format: format.toUpperCase() }),
  );

/** Reads the file's cells; BAD_USER_INPUT when it is not a file of its format. */
export async function readImportFile(body: Buffer, format: ImportFormat): Promise<RawSheet> {
  try {
    return format === 'csv' ? readCsv(body) : await readXlsx(body);
  } catch (error) {
    if (error instanceof DomainException) throw error;
    throw unreadable(format);
  }
}

const textCell = (value: string): RawCell => (value.trim() === '' ? null : value.trim());

/** UTF-8 when the bytes are UTF-8; else Latin-1, as a spreadsheet's "CSV (semicolon)" of Danish text is. */
function decode(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return body.toString('latin1');
  }
}

/**
 * CSV as spreadsheets write it: UTF-8 with or without a byte order mark (or Latin-1), separated by commas,
 * semicolons (a Danish spreadsheet's choice) or tabs, whichever the header row uses most.
 */
function readCsv(body: Buffer): RawSheet {
  const text = decode(body);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const delimiter = counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const records: string[][] = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  const [header = [], ...rest] = records;
  return {
    headers: header.map((cell) => cell.trim()),
    rows: rest.map((cells, index) => ({ row: index + 2, cells: cells.map(textCell) })),
  };
}

/** The first sheet whose header row names a milestone key column (the instructions sheet names none). */
async function readXlsx(body: Buffer): Promise<RawSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((candidate) =>
      headerTexts(candidate).some((h) => {
        const key = columnOfHeader(h);
        return key === 'milestoneId' || key === 'ogpId';
      }),
    ) ?? sheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const headers = headerTexts(sheet);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: RawCell[] = [];
    for (let column = 1; column <= headers.length; column++) {
      cells.push(cellValue(row.getCell(column).value));
    }
    rows.push({ row: number, cells });
  });
  return { headers, rows };
}

function headerTexts(sheet: ExcelJS.Worksheet): string[] {
  const header = sheet.getRow(1);
  const texts: string[] = [];
  for (let column = 1; column <= header.cellCount; column++) {
    const value = cellValue(header.getCell(column).value);
    texts.push(value === null ? '' : String(value));
  }
  return texts;
}

/**
 * A cell's value as the reporter wrote it: a date cell as its day, rich text as its text, a hyperlink as its
 * address, a formula as its text with the `=` (never its result: a note that looks like a formula is kept as
 * written, and neutralised when it is exported).
 */
export function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return textCell(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return textCell(String(value.hyperlink ?? value.text ?? ''));
  if ('formula' in value && typeof value.formula === 'string') return textCell(`=${value.formula}`);
  if ('sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'number'
      ? result
      : typeof result === 'string'
        ? textCell(result)
        : null;
  }
  if ('error' in value) return textCell(String(value.error));
  return null;
}
