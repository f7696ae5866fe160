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

/** A known API problem message, as a message key with its values, so it can be shown in the page's language. */
export interface KnownProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

const KNOWN_PROBLEMS: [RegExp, (match: RegExpExecArray) => KnownProblem][] = [
  [/^choose a status$/, () => ({ key: 'reportProblemChooseStatus' })],
  [/^is required while the status is IN_PROGRESS/, () => ({ key: 'reportProblemPercentRequired' })],
  [/^must be a whole number, got/, () => ({ key: 'reportProblemPercentWhole' })],
  [
    /^progressPercent must be a whole number from 0 to 99/,
    () => ({ key: 'reportProblemPercentRange' }),
  ],
  [/^progressPercent must be empty \(null\)/, () => ({ key: 'reportProblemPercentEmpty' })],
  [
    /^progressPercent must be (\d+) when the status is/,
    (match) => ({ key: 'reportProblemPercentImplied', vars: { percent: Number(match[1]) } }),
  ],
  [/^is required \(an http or https address\)/, () => ({ key: 'reportProblemUrlRequired' })],
  [/^must be an absolute http:\/\/ or https:\/\/ address/, () => ({ key: 'reportProblemUrl' })],
  [
    /^is required: 1 to \d+ characters saying what the link shows/,
    () => ({ key: 'reportProblemLinkTitle' }),
  ],
  [/^is required when the status is COMPLETED/, () => ({ key: 'reportProblemEvidenceRequired' })],
  [
    /^may hold at most (\d+) links/,
    (match) => ({ key: 'reportProblemTooManyLinks', vars: { max: Number(match[1]) } }),
  ],
  [/^is in the future/, () => ({ key: 'reportProblemFutureDate' })],
  [/^Invalid partial date|^A partial date must be/, () => ({ key: 'reportProblemPartialDate' })],
  [
    /^the milestone would start \(.*\) after it ends/,
    () => ({ key: 'reportProblemStartAfterEnd' }),
  ],
  [
    /^must be at most (\d+) characters long/,
    (match) => ({ key: 'reportProblemTooLong', vars: { max: Number(match[1]) } }),
  ],
  [/^reopening a completed milestone needs a note/, () => ({ key: 'reportProblemNoteReopen' })],
  [/^cancelling a milestone needs a note/, () => ({ key: 'reportProblemNoteCancel' })],
  [/^lowering the percent needs a note/, () => ({ key: 'reportProblemNoteLower' })],
];

export function knownProblem(message: string): KnownProblem | null {
  for (const [pattern, make] of KNOWN_PROBLEMS) {
    const match = pattern.exec(message);
    if (match) return make(match);
  }
  return null;
}
