import { MilestoneStatus } from './enums';
import { englishMessage, errorMessage, type ErrorMessage } from './error-messages';

/** Where a reported status may go next. A first report (no earlier status) may set any status. */
export const ALLOWED_TRANSITIONS: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>> = {
  [MilestoneStatus.NOT_STARTED]: [
    MilestoneStatus.IN_PROGRESS,
    MilestoneStatus.COMPLETED,
    MilestoneStatus.CANCELLED,
  ],
  // IN_PROGRESS -> IN_PROGRESS is how a new percent is reported.
  [MilestoneStatus.IN_PROGRESS]: [
    MilestoneStatus.IN_PROGRESS,
    MilestoneStatus.COMPLETED,
    MilestoneStatus.CANCELLED,
  ],
  // Reopening is the only way back from COMPLETED, and it needs a note.
  [MilestoneStatus.COMPLETED]: [MilestoneStatus.IN_PROGRESS],
  [MilestoneStatus.CANCELLED]: [MilestoneStatus.NOT_STARTED, MilestoneStatus.IN_PROGRESS],
};

export interface StatusAndPercent {
  status: MilestoneStatus;
  progressPercent: number | null;
}

export type NoteReason = 'REOPEN' | 'CANCELLATION' | 'PERCENT_BACKWARDS';

export type StatusChangeProblem =
  | { code: 'INVALID_TRANSITION'; from: MilestoneStatus; to: MilestoneStatus }
  | { code: 'NOTE_REQUIRED'; reason: NoteReason }
  | {
      code: 'PERCENT_OUT_OF_RANGE';
      field: 'progressPercent';
      /** What is wrong, as a message key and parameters; `message` is its English text. */
      reason: ErrorMessage;
      message: string;
    };

export interface StatusChange {
  /** The milestone's current status and percent; null when it has never been reported. */
  from: StatusAndPercent | null;
  to: StatusAndPercent;
  hasNote: boolean;
}

export function isTransitionAllowed(from: MilestoneStatus | null, to: MilestoneStatus): boolean {
  return from === null || ALLOWED_TRANSITIONS[from].includes(to);
}

/** The percent a status implies, for statuses that imply one (IN_PROGRESS needs a reported figure). */
export function impliedPercent(status: MilestoneStatus): number | null | undefined {
  switch (status) {
    case MilestoneStatus.NOT_STARTED:
      return 0;
    case MilestoneStatus.COMPLETED:
      return 100;
    case MilestoneStatus.CANCELLED:
      return null;
    case MilestoneStatus.IN_PROGRESS:
      return undefined;
  }
}

function percentProblem({ status, progressPercent }: StatusAndPercent): ErrorMessage | null {
  const got = progressPercent;
  if (status === MilestoneStatus.IN_PROGRESS) {
    // null is allowed: historic updates where no source gives a figure (left out of the average).
    if (progressPercent === null) return null;
    if (Number.isInteger(progressPercent) && progressPercent >= 0 && progressPercent <= 99)
      return null;
    return errorMessage('progress.percentInProgress', { got });
  }
  const expected = impliedPercent(status);
  if (progressPercent === expected) return null;
  return expected === null
    ? errorMessage('progress.percentEmpty', { status, got })
    : errorMessage('progress.percentImplied', { expected: expected ?? null, status, got });
}

function isValidPercent(
  value: StatusAndPercent,
): value is { status: MilestoneStatus; progressPercent: number } {
  return value.progressPercent !== null && percentProblem(value) === null;
}

/**
 * Everything wrong with a proposed status update; an empty array means it may be recorded. All problems are
 * returned at once so the form can show them together.
 */
export function checkStatusChange({ from, to, hasNote }: StatusChange): StatusChangeProblem[] {
  const problems: StatusChangeProblem[] = [];
  const allowed = isTransitionAllowed(from?.status ?? null, to.status);
  if (from !== null && !allowed) {
    problems.push({ code: 'INVALID_TRANSITION', from: from.status, to: to.status });
  }
  const reason = percentProblem(to);
  if (reason !== null) {
    problems.push({
      code: 'PERCENT_OUT_OF_RANGE',
      field: 'progressPercent',
      reason,
      message: englishMessage(reason),
    });
  }
  // Notes are asked for only on a move that is otherwise allowed: a refused move needs fixing, not explaining.
  if (!hasNote && allowed) {
    const reopen =
      from?.status === MilestoneStatus.COMPLETED && to.status === MilestoneStatus.IN_PROGRESS;
    if (reopen) {
      // A reopen always lowers the percent; one note explains both.
      problems.push({ code: 'NOTE_REQUIRED', reason: 'REOPEN' });
    } else if (to.status === MilestoneStatus.CANCELLED) {
      problems.push({ code: 'NOTE_REQUIRED', reason: 'CANCELLATION' });
    } else if (
      from !== null &&
      isValidPercent(from) &&
      isValidPercent(to) &&
      to.progressPercent < from.progressPercent
    ) {
      problems.push({ code: 'NOTE_REQUIRED', reason: 'PERCENT_BACKWARDS' });
    }
  }
  return problems;
}
