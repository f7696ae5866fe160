import {
  DatePrecision,
  MilestoneStatus,
  Visibility,
  checkStatusChange,
  impliedPercent,
  errorMessage,
} from '@ogp/common';
import {
  InputProblems,
  checkPeriod,
  checkCompletionEvidence,
  checkEvidence,
  checkNote,
  checkPastPartialDate,
} from '@ogp/core';
import type { RecordMilestoneUpdateInput } from './dto/record-milestone-update.input';

export interface CheckedUpdate {
  progressPercent: number | null;
  effectiveDate: string;
  effectiveDatePrecision: DatePrecision;
  actualStart: string | null;
  actualStartPrecision: DatePrecision | null;
  actualEnd: string | null;
  actualEndPrecision: DatePrecision | null;
  note: { da: string | null; en: string | null };
  evidence: { url: string; title: string }[];
  visibility: Visibility;
}

/** Everything about the input that does not depend on the milestone's state; all problems at once. */
export function checkInput(input: RecordMilestoneUpdateInput, today: string): CheckedUpdate {
  const problems = new InputProblems();
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0) {
    problems.add(
      'input.expectedVersion',
      errorMessage('progress.versionWholeNumber'),
      input.expectedVersion,
    );
  }
  if (!Object.values(MilestoneStatus).includes(input.status)) {
    problems.add('input.status', errorMessage('progress.unknownStatus'), input.status);
  }
  const implied = impliedPercent(input.status);
  const progressPercent = input.progressPercent ?? implied ?? null;
  if (input.status === MilestoneStatus.IN_PROGRESS && progressPercent === null) {
    problems.add('input.progressPercent', errorMessage('progress.percentRequired'));
  } else {
    const percentProblem = checkStatusChange({
      from: null,
      to: { status: input.status, progressPercent },
      hasNote: true,
    }).find((p) => p.code === 'PERCENT_OUT_OF_RANGE');
    if (percentProblem)
      problems.add('input.progressPercent', percentProblem.reason, progressPercent);
  }
  const effective =
    input.effectiveDate == null
      ? { end: today, precision: DatePrecision.DAY }
      : checkPastPartialDate(problems, 'input.effectiveDate', input.effectiveDate, today, {
          ended: true,
        });
  const actual = checkPeriod(
    problems,
    { start: 'input.actualStart', end: 'input.actualEnd' },
    { start: input.actualStart ?? null, end: input.actualEnd ?? null },
    { start: null, startPrecision: null, end: null, endPrecision: null },
    'milestone',
  );
  const note = checkNote(problems, 'input.note', input.note);
  const evidence = checkEvidence(problems, 'input.evidence', input.evidence);
  checkCompletionEvidence(problems, 'input.evidence', input.status, input.evidence);
  const visibility = input.visibility ?? Visibility.PUBLIC;
  problems.throwIfAny();
  return {
    progressPercent,
    effectiveDate: effective!.end,
    effectiveDatePrecision: effective!.precision,
    actualStart: actual.start ?? null,
    actualStartPrecision: actual.startPrecision ?? null,
    actualEnd: actual.end ?? null,
    actualEndPrecision: actual.endPrecision ?? null,
    note,
    evidence,
    visibility,
  };
}
