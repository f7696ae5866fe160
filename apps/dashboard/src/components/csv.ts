// A table as CSV text (RFC 4180), safe to open in a spreadsheet. Pure: no DOM, so it is unit tested.

/** Spreadsheets read a cell starting with one of these as a formula (CSV injection): such cells get a ' first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as a CSV field: neutralised if it would start a formula, quoted when it holds , " or a line break. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Rows of cells as a CSV file's text: fields separated by commas, lines by CRLF, led by a UTF-8 byte order
 * mark so spreadsheets read æ, ø and å right.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A file name from a table's caption: "Commitments by theme" → "commitments-by-theme.csv". */
export function csvFileName(caption: string): string {
  const stem = caption
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'table'}.csv`;
}
