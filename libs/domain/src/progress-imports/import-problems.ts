import { englishMessage, type ErrorMessage, type ErrorParamValue, type Locale } from '@ogp/common';
import { DomainException, type InputProblem } from '@ogp/core';
import { columnHeader, columnOfHeader, type ColumnKey } from './import-columns';

/** One problem of one cell (or of the header row, row 1): the English text beside its key and parameters. */
export interface ImportProblem {
  row: number;
  /** The column's header as the file writes it; null for a problem of the whole row or file. */
  column: string | null;
  message: string;
  messageKey: string;
  params: Record<string, ErrorParamValue>;
}

/** A row whose expected version is not the milestone's any more: someone reported since the file was made. */
export interface ImportConflict {
  row: number;
  milestoneId: string;
  ogpId: string;
  milestoneNumber: number;
  expectedVersion: number;
  currentVersion: number;
}

/** Where each column is in the file, and the language its headers are written in. */
export class FileColumns {
  private readonly index = new Map<ColumnKey, number>();
  readonly locale: Locale;

  constructor(readonly headers: readonly string[]) {
    let danish = 0;
    let english = 0;
    headers.forEach((header, position) => {
      const key = columnOfHeader(header);
      if (key === null || this.index.has(key)) return;
      this.index.set(key, position);
      const normalised = header.trim().toLowerCase();
      if (normalised === columnHeader(key, 'da').toLowerCase()) danish += 1;
      if (normalised === columnHeader(key, 'en').toLowerCase()) english += 1;
    });
    this.locale = danish > english ? 'da' : 'en';
  }

  has(key: ColumnKey): boolean {
    return this.index.has(key);
  }

  position(key: ColumnKey): number | undefined {
    return this.index.get(key);
  }

  /** The header as the file writes it, or as a file in its language would. */
  header(key: ColumnKey): string {
    const position = this.index.get(key);
    return position === undefined ? columnHeader(key, this.locale) : this.headers[position];
  }
}

export function importProblem(
  row: number,
  column: string | null,
  reason: ErrorMessage,
): ImportProblem {
  return {
    row,
    column,
    message: englishMessage(reason),
    messageKey: reason.key,
    params: reason.params,
  };
}

/** The column a field of the write path's input comes from. */
function columnOfField(field: string, keyColumn: ColumnKey, columns: FileColumns): ColumnKey {
  if (field.startsWith('input.expectedVersion')) return 'expectedVersion';
  if (field.startsWith('input.status')) return 'status';
  if (field.startsWith('input.progressPercent')) return 'percent';
  if (field.startsWith('input.effectiveDate')) return 'effectiveDate';
  if (field.startsWith('input.actualStart')) return 'actualStart';
  if (field.startsWith('input.actualEnd')) return 'actualEnd';
  if (field.startsWith('input.note.da')) return 'noteDa';
  if (field.startsWith('input.note.en')) return 'noteEn';
  if (field.startsWith('input.note')) {
    const preferred = columns.locale === 'da' ? 'noteDa' : 'noteEn';
    return columns.has(preferred) ? preferred : columns.has('noteDa') ? 'noteDa' : 'noteEn';
  }
  if (/^input\.evidence\[\d+\]\.title/.test(field)) return 'evidenceTitles';
  if (field.startsWith('input.evidence')) return 'evidenceUrls';
  return keyColumn;
}

/**
 * What the write path refused for one row, as problems of its cells: every input problem on its own column,
 * a refusal (rights, archived, transition) on the column it names or the milestone's key. Anything else is
 * not the row's fault and is thrown on.
 */
export function problemsOfError(
  error: unknown,
  row: number,
  keyColumn: ColumnKey,
  columns: FileColumns,
): ImportProblem[] {
  if (!(error instanceof DomainException)) throw error;
  const details = error.details as { field?: unknown; problems?: InputProblem[] };
  if (Array.isArray(details.problems)) {
    return details.problems.map((problem) =>
      importProblem(row, columns.header(columnOfField(problem.field, keyColumn, columns)), {
        key: problem.messageKey,
        params: problem.messageParams,
      }),
    );
  }
  const field = typeof details.field === 'string' ? details.field : '';
  return [
    importProblem(row, columns.header(columnOfField(field, keyColumn, columns)), error.reason),
  ];
}
