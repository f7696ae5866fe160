/**
 * Spreadsheet programs read a cell that starts with one of these as a formula (or, for tab and carriage return,
 * shift it so a formula can hide behind): `=HYPERLINK(...)` in a note would run when a reviewer opens the file.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A text cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading apostrophe (OWASP's advice), which spreadsheets show as text and never evaluate. Every export
 * (CSV and XLSX alike) passes its text through here; numbers and dates are typed cells and need nothing.
 */
export function neutraliseCell(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** `neutraliseCell` for an optional text: null and undefined become the empty cell. */
export function neutraliseOptionalCell(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : neutraliseCell(text);
}
