import {
  MilestoneStatus,
  PartialDateError,
  errorMessage,
  parsePartialDate,
  type PartialDate,
} from '@ogp/common';
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  checkLocalized,
  type LocalizedTextValue,
} from './input-checks';
import type { InputProblems } from './input-problems';

// Field checks of the progress writes (status updates, verifications, assessments). Each adds its problems to
// the mutation's InputProblems under the field's path, so a client hears about all of them at once.

/** At most this many evidence links per update. */
export const EVIDENCE_MAX = 20;
/** Long enough for any real address; a link is not a document. */
export const URL_MAX = 2000;

/** Today as the server sees it, in UTC (YYYY-MM-DD). */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/** An absolute http or https address. */
export function checkHttpUrl(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
): string | undefined {
  if (value == null || value.trim() === '') {
    problems.add(field, errorMessage('field.urlRequired'));
    return undefined;
  }
  const trimmed = value.trim();
  let parsed: URL | null;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = null;
  }
  if (trimmed.length > URL_MAX) {
    problems.add(field, errorMessage('field.tooLong', { max: URL_MAX }), value);
    return undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.host) {
    problems.add(field, errorMessage('field.urlAbsolute'), value);
    return undefined;
  }
  return trimmed;
}

/** A partial date ("2018-H1", "2018-06-12") that is not in the future: its period must have ended by `today`. */
export function checkPastPartialDate(
  problems: InputProblems,
  field: string,
  value: string,
  today: string,
  { ended }: { ended: boolean },
): PartialDate | undefined {
  let parsed: PartialDate;
  try {
    parsed = parsePartialDate(value);
  } catch (error) {
    if (!(error instanceof PartialDateError)) throw error;
    problems.add(field, error.reason, value);
    return undefined;
  }
  const compared = ended ? parsed.end : parsed.start;
  if (compared > today) {
    problems.add(
      field,
      ended
        ? errorMessage('field.futureEnds', { value, end: parsed.end, today })
        : errorMessage('field.futureBegins', { value, start: parsed.start, today }),
      value,
    );
    return undefined;
  }
  return parsed;
}

/** An optional note in Danish and/or English; returns both languages (null for none). */
export function checkNote(
  problems: InputProblems,
  field: string,
  input: LocalizedTextValue | null | undefined,
): { da: string | null; en: string | null } {
  return (
    checkLocalized(problems, field, null, input ?? null, {
      required: false,
      max: DESCRIPTION_MAX,
    }) ?? { da: null, en: null }
  );
}

export const hasText = (note: { da: string | null; en: string | null }): boolean =>
  note.da !== null || note.en !== null;

/** Evidence links: at most EVIDENCE_MAX, each an http(s) address with a title. */
export function checkEvidence(
  problems: InputProblems,
  field: string,
  input: readonly { url?: string | null; title?: string | null }[] | null | undefined,
): { url: string; title: string }[] {
  const links = input ?? [];
  if (links.length > EVIDENCE_MAX) {
    problems.add(
      field,
      errorMessage('evidence.tooMany', { max: EVIDENCE_MAX, count: links.length }),
    );
    return [];
  }
  const result: { url: string; title: string }[] = [];
  for (const [index, link] of links.entries()) {
    const url = checkHttpUrl(problems, `${field}[${index}].url`, link?.url);
    const title = link?.title?.trim() ?? '';
    if (title.length < 1 || title.length > TITLE_MAX) {
      problems.add(
        `${field}[${index}].title`,
        errorMessage('evidence.titleRequired', { max: TITLE_MAX }),
        link?.title ?? null,
      );
      continue;
    }
    if (url !== undefined) result.push({ url, title });
  }
  return result;
}

/**
 * A report that marks a milestone COMPLETED shows what proves it: at least one evidence link, as the IRM counts
 * what evidence shows. Links with problems of their own are reported on their rows, not here.
 */
export function checkCompletionEvidence(
  problems: InputProblems,
  field: string,
  status: MilestoneStatus,
  input: readonly unknown[] | null | undefined,
): void {
  if (status !== MilestoneStatus.COMPLETED || (input ?? []).length > 0) return;
  problems.add(field, errorMessage('evidence.requiredForCompleted'));
}
