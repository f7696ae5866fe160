import {
  MILESTONE_STATUS_LABELS,
  VISIBILITY_LABELS,
  errorMessage,
  type ErrorMessage,
  type Label,
} from '@ogp/common';
import type { RecordMilestoneUpdateInput } from '../status-updates';
import { FILL_KEYS, type ColumnKey } from './import-columns';
import type { RawCell, RawSheet } from './import-file';
import { FileColumns, importProblem, type ImportProblem } from './import-problems';

/** At most this many rows are read from one file (a plan has a few hundred milestones at most). */
export const MAX_IMPORT_ROWS = 5000;

/** What one row asks for, before the milestone is looked up. */
export interface ParsedRow {
  row: number;
  milestoneId: string | null;
  ogpId: string | null;
  milestoneNumber: number | null;
  /** The column that names the milestone (problems of the milestone itself are said there). */
  keyColumn: ColumnKey;
  expectedVersion: number | null;
  /** The update without its milestone and version; null when a cell of it could not be read. */
  update: Omit<RecordMilestoneUpdateInput, 'milestoneId' | 'expectedVersion'> | null;
}

export interface ParsedSheet {
  columns: FileColumns;
  /** Rows with something filled in. */
  rows: ParsedRow[];
  /** Rows that name a milestone and fill in nothing (a template row left as it was). */
  skipped: number;
  problems: ImportProblem[];
}

/** Checks the header row, then reads every row with something filled in; all problems at once. */
export function parseSheet(sheet: RawSheet): ParsedSheet {
  const columns = new FileColumns(sheet.headers);
  const problems = headerProblems(columns);
  const filled = sheet.rows.filter((row) => row.cells.some((cell) => cell !== null));
  if (filled.length > MAX_IMPORT_ROWS) {
    problems.push(
      importProblem(
        1,
        null,
        errorMessage('progressImport.tooManyRows', {
          count: filled.length,
          max: MAX_IMPORT_ROWS,
        }),
      ),
    );
  }
  if (problems.length > 0) return { columns, rows: [], skipped: 0, problems };
  const rows: ParsedRow[] = [];
  let skipped = 0;
  for (const raw of filled) {
    const cell = (key: ColumnKey): RawCell => {
      const position = columns.position(key);
      return position === undefined ? null : (raw.cells[position] ?? null);
    };
    if (FILL_KEYS.every((key) => cell(key) === null)) {
      skipped += 1;
      continue;
    }
    rows.push(parseRow(raw.row, cell, columns, problems));
  }
  return { columns, rows, skipped, problems };
}

function headerProblems(columns: FileColumns): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (!columns.has('milestoneId') && !(columns.has('ogpId') && columns.has('milestoneNumber'))) {
    problems.push(
      importProblem(
        1,
        null,
        errorMessage('progressImport.keyColumns', {
          milestoneId: columns.header('milestoneId'),
          ogpId: columns.header('ogpId'),
          milestoneNumber: columns.header('milestoneNumber'),
        }),
      ),
    );
  }
  for (const key of ['expectedVersion', 'status'] as const) {
    if (!columns.has(key)) {
      problems.push(
        importProblem(
          1,
          columns.header(key),
          errorMessage('progressImport.missingColumn', { column: columns.header(key) }),
        ),
      );
    }
  }
  return problems;
}

function parseRow(
  row: number,
  cell: (key: ColumnKey) => RawCell,
  columns: FileColumns,
  problems: ImportProblem[],
): ParsedRow {
  const before = problems.length;
  const add = (key: ColumnKey, reason: ErrorMessage) =>
    problems.push(importProblem(row, columns.header(key), reason));
  const text = (key: ColumnKey): string | null => {
    const value = cell(key);
    return value === null ? null : String(value);
  };
  const wholeNumber = (key: ColumnKey, reason: ErrorMessage): number | null => {
    const value = cell(key);
    if (value === null) return null;
    const parsed = readWholeNumber(value);
    if (parsed === null) add(key, reason);
    return parsed;
  };

  const milestoneId = text('milestoneId');
  const ogpId = text('ogpId')?.toUpperCase() ?? null;
  const milestoneNumber = wholeNumber(
    'milestoneNumber',
    errorMessage('progressImport.wholeNumber'),
  );
  const keyColumn: ColumnKey =
    milestoneId !== null || !columns.has('ogpId') ? 'milestoneId' : 'ogpId';
  if (milestoneId === null && (ogpId === null || cell('milestoneNumber') === null)) {
    add(keyColumn, errorMessage('progressImport.keyRequired'));
  }
  let expectedVersion: number | null = null;
  if (cell('expectedVersion') === null) add('expectedVersion', errorMessage('field.required'));
  else {
    expectedVersion = wholeNumber('expectedVersion', errorMessage('progress.versionWholeNumber'));
    if (expectedVersion !== null && expectedVersion < 0) {
      add('expectedVersion', errorMessage('progress.versionWholeNumber'));
      expectedVersion = null;
    }
  }

  const statusText = text('status');
  const status = statusText === null ? null : fromLabel(statusText, MILESTONE_STATUS_LABELS);
  if (statusText === null) add('status', errorMessage('field.required'));
  else if (status === null) add('status', errorMessage('progress.unknownStatus'));
  const progressPercent = wholeNumber('percent', errorMessage('progressImport.wholeNumber'));
  const visibilityText = text('visibility');
  const visibility = visibilityText === null ? null : fromLabel(visibilityText, VISIBILITY_LABELS);
  if (visibilityText !== null && visibility === null) {
    add('visibility', errorMessage('progressImport.visibility'));
  }
  const evidence = readEvidence(text('evidenceUrls'), text('evidenceTitles'), (reason) =>
    add('evidenceTitles', reason),
  );
  const noteDa = text('noteDa');
  const noteEn = text('noteEn');
  const note =
    noteDa === null && noteEn === null
      ? null
      : { ...(noteDa === null ? {} : { da: noteDa }), ...(noteEn === null ? {} : { en: noteEn }) };

  return {
    row,
    milestoneId,
    ogpId,
    milestoneNumber,
    keyColumn,
    expectedVersion,
    update:
      problems.length > before || status === null
        ? null
        : {
            status,
            progressPercent,
            effectiveDate: text('effectiveDate'),
            actualStart: text('actualStart'),
            actualEnd: text('actualEnd'),
            note,
            evidence,
            visibility,
          },
  };
}

/** A whole number written as a number or as text ("45", "45 %"); null when it is not one. */
export function readWholeNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const match = /^(-?\d+)\s*%?$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

/** An enum value written as itself (IN_PROGRESS, in progress) or as its label in either language. */
export function fromLabel<T extends string>(
  value: string,
  labels: Readonly<Record<T, Label>>,
): T | null {
  const code = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const lower = value.trim().toLowerCase();
  for (const [key, label] of Object.entries(labels) as [T, Label][]) {
    if (key === code || label.da.toLowerCase() === lower || label.en.toLowerCase() === lower) {
      return key;
    }
  }
  return null;
}

/**
 * Evidence links: addresses separated by spaces or lines, titles one per line in the same order (one address
 * takes the whole title cell). Missing titles are left to the write path's check, which says which link lacks
 * one; titles that match no address are a problem here.
 */
export function readEvidence(
  urls: string | null,
  titles: string | null,
  problem: (reason: ErrorMessage) => void,
): { url: string; title: string | null }[] | null {
  const addresses = urls === null ? [] : urls.split(/\s+/).filter(Boolean);
  const names =
    titles === null
      ? []
      : addresses.length === 1
        ? [titles.replace(/\s+/g, ' ').trim()]
        : titles
            .split(/\r?\n/)
            .map((title) => title.trim())
            .filter(Boolean);
  if (names.length > 0 && names.length !== addresses.length) {
    problem(
      errorMessage('progressImport.evidenceTitles', {
        titles: names.length,
        urls: addresses.length,
      }),
    );
  }
  if (addresses.length === 0) return null;
  return addresses.map((url, index) => ({ url, title: names[index] ?? null }));
}
