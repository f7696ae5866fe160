import type { MilestoneStatus, Visibility } from '@ogp/common';
import type { FieldProblem } from '../client';
import { problemPath } from '../../forms/problems';
import type { MessageKey } from '../../i18n';
import type { RecordMilestoneUpdateInput } from './milestone-report';

// The report form's input, pure (no DOM, no fetch): what was typed -> the mutation's input, and the API's problems
// -> the form's fields and the page's language.

/** What the report form holds, as typed. */
export interface ReportDraft {
  status: MilestoneStatus | null;
  percent: string;
  effectiveDate: string;
  actualStart: string;
  actualEnd: string;
  noteDa: string;
  noteEn: string;
  evidence: { url: string; title: string }[];
  visibility: Visibility;
}

/** The report form's fields a problem can be about; evidence rows are `evidence.<index>.url|title`. */
export type ReportField =
  | 'status'
  | 'percent'
  | 'effectiveDate'
  | 'actualStart'
  | 'actualEnd'
  | 'noteDa'
  | 'noteEn'
  | 'evidence'
  | 'visibility'
  | `evidence.${number}.url`
  | `evidence.${number}.title`;

const FIELD_OF_PATH: Record<string, ReportField> = {
  status: 'status',
  progressPercent: 'percent',
  effectiveDate: 'effectiveDate',
  actualStart: 'actualStart',
  actualEnd: 'actualEnd',
  note: 'noteDa',
  'note.da': 'noteDa',
  'note.en': 'noteEn',
  evidence: 'evidence',
  visibility: 'visibility',
};

/** The form field an API problem is about (`input.progressPercent` -> percent), or null for the whole form. */
export function reportFieldOf(apiField: string): ReportField | null {
  const path = problemPath(apiField);
  const row = /^evidence\.(\d+)\.(url|title)$/.exec(path);
  if (row) return `evidence.${Number(row[1])}.${row[2] as 'url' | 'title'}`;
  return FIELD_OF_PATH[path] ?? null;
}

/**
 * The input for recordMilestoneUpdate from what was typed, and the problems the API cannot be asked about
 * (no status chosen, a percent that is not a whole number: GraphQL would refuse the request as a whole).
 * Empty texts are left out. Every evidence row is sent as typed, an empty or half-filled one too: the API names
 * what it lacks, and the form shows that beside the row instead of losing it.
 */
export function buildUpdateInput(
  draft: ReportDraft,
  milestoneId: string,
  expectedVersion: number,
): { input: RecordMilestoneUpdateInput | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!draft.status) problems.push({ field: 'input.status', message: 'choose a status' });
  const percentText = draft.percent.trim();
  let progressPercent: number | null = null;
  if (percentText !== '') {
    if (/^\d{1,3}$/.test(percentText)) progressPercent = Number(percentText);
    else
      problems.push({
        field: 'input.progressPercent',
        message: `must be a whole number, got ${JSON.stringify(percentText)}`,
      });
  }
  const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
  const evidence = draft.evidence.map((row) => ({ url: row.url.trim(), title: row.title.trim() }));
  if (problems.length || !draft.status) return { input: null, problems };
  return {
    input: {
      milestoneId,
      expectedVersion,
      status: draft.status,
      progressPercent,
      effectiveDate: text(draft.effectiveDate),
      actualStart: text(draft.actualStart),
      actualEnd: text(draft.actualEnd),
      note: { da: text(draft.noteDa), en: text(draft.noteEn) },
      evidence,
      visibility: draft.visibility,
    },
    problems,
  };
}

/** A problem the form finds itself, as a message key with its values, so it can be shown in the page's language. */
export interface KnownProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

// The API's problems carry message keys (said through i18n/error-text.ts); these are the form's own.
const KNOWN_PROBLEMS: [RegExp, (match: RegExpExecArray) => KnownProblem][] = [
  [/^choose a status$/, () => ({ key: 'reportProblemChooseStatus' })],
  [/^must be a whole number, got/, () => ({ key: 'reportProblemPercentWhole' })],
];

export function knownProblem(message: string): KnownProblem | null {
  for (const [pattern, make] of KNOWN_PROBLEMS) {
    const match = pattern.exec(message);
    if (match) return make(match);
  }
  return null;
}
