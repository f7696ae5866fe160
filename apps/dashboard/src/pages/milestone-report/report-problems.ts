import type { Locale } from '@ogp/common';
import { GraphqlError, type FieldProblem } from '../../api/client';
import { knownProblem, reportFieldOf, type ReportDraft } from '../../api/coordinator/report-input';
import type { ChoiceField, FieldGroup, FormField } from '../../forms/field';
import type { MessageKey, Translate } from '../../i18n';
import { describeError, errorText } from '../../i18n/error-text';
import type { ReportForm } from './report-form';

/** Where a problem shows: a field of the form (with how to name it), or the form as a whole. */
export interface PlacedProblem {
  target: FormField<HTMLInputElement | HTMLTextAreaElement> | ChoiceField | FieldGroup | null;
  label: (t: Translate) => string;
  focusId: string | null;
  /** The message in the page's language. */
  text: (t: Translate, locale: Locale) => { text: string; lang?: string };
}

/** Puts each API problem on its field (every evidence row is sent, so the API's index is the row's). */
export function placeProblems(
  problems: FieldProblem[],
  draft: ReportDraft,
  form: ReportForm,
): PlacedProblem[] {
  return problems.map((problem): PlacedProblem => {
    // The API's problems carry their message key; the form's own (no status chosen, ...) are known by text.
    const known = problem.messageKey === undefined ? knownProblem(problem.message) : null;
    const text = (t: Translate, locale: Locale) => ({
      text: known ? t(known.key, known.vars) : errorText(problem, locale),
    });
    const field = reportFieldOf(problem.field);
    const simple: Record<string, [PlacedProblem['target'], MessageKey, string | null]> = {
      status: [form.status, 'reportFieldStatus', form.status.focusTarget.id],
      percent: [form.percent, 'reportFieldPercent', form.percent.id],
      effectiveDate: [form.effectiveDate, 'reportFieldEffectiveDate', form.effectiveDate.id],
      actualStart: [form.actualStart, 'reportFieldActualStart', form.actualStart.id],
      actualEnd: [form.actualEnd, 'reportFieldActualEnd', form.actualEnd.id],
      noteDa: [form.noteDa, 'reportFieldNoteDa', form.noteDa.id],
      noteEn: [form.noteEn, 'reportFieldNoteEn', form.noteEn.id],
      evidence: [form.evidence, 'reportFieldEvidence', form.rows[0]?.url.id ?? form.addEvidence.id],
      visibility: [form.visibility, 'reportFieldVisibility', form.visibility.focusTarget.id],
    };
    if (field && field in simple) {
      const [target, key, focusId] = simple[field];
      // A note needed for a move is about the note as a whole: shown by the Danish box, which comes first.
      return { target, focusId, label: (t) => t(key), text };
    }
    const row = field && /^evidence\.(\d+)\.(url|title)$/.exec(field);
    if (row) {
      const index = Number(row[1]);
      const evidenceRow = index < draft.evidence.length ? form.rows[index] : undefined;
      if (evidenceRow) {
        const target = row[2] === 'url' ? evidenceRow.url : evidenceRow.title;
        return {
          target,
          focusId: target.id,
          label: (t) =>
            t(row[2] === 'url' ? 'reportFieldEvidenceUrl' : 'reportFieldEvidenceTitle', {
              number: form.rows.indexOf(evidenceRow) + 1,
            }),
          text,
        };
      }
    }
    return { target: null, focusId: null, label: () => '', text };
  });
}

/** A move the transition table does not allow: said on the status field, in the page's language. */
export function transitionProblem(error: GraphqlError, form: ReportForm): PlacedProblem {
  return {
    target: form.status,
    focusId: form.status.focusTarget.id,
    label: (t) => t('reportFieldStatus'),
    text: (_t, locale) => ({ text: describeError(error, locale) }),
  };
}

/** Any other failure: about the form as a whole (refused, signed out, or what went wrong). */
export function failureProblem(error: unknown): PlacedProblem {
  const code = error instanceof GraphqlError ? error.code : undefined;
  return {
    target: null,
    focusId: null,
    label: () => '',
    text: (t, locale) => ({
      text:
        code === 'FORBIDDEN'
          ? t('reportForbidden')
          : code === 'UNAUTHENTICATED'
            ? t('reportSignedOut')
            : t('reportFailed', { message: describeError(error, locale) }),
    }),
  };
}
