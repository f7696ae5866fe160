import { GraphqlError } from '../api/client';
import type { PageContext } from '../app/page';
import type { Translate } from '../i18n';
import { describeError, errorText } from '../i18n/error-text';
import type { ErrorSummary, SummaryItem } from './error-summary';
import type { ChoiceField, FieldGroup } from './field';
import { problemKey, problemPath } from './problems';

/** A field a form's problems can be placed next to. */
export interface ProblemTarget {
  setError(text: string | null, lang?: string): unknown;
  /** The field's label, in the page's language, read when the problem is shown. */
  label(): string;
  /** The control focus moves to from the summary. */
  targetId(): string;
}

/** One problem to show: the target's key (null: about the whole form), the text and its language. */
export interface ProblemItem {
  key: string | null;
  text: string;
  lang?: string;
}

/**
 * The problems of one form: each next to its field (aria-invalid, aria-describedby by the field helpers) and
 * all of them in a summary that takes focus. The API's refusals are said in the page's language, from the
 * message key each carries.
 */
export class FormProblems {
  constructor(
    readonly summary: ErrorSummary,
    private readonly targets: Record<string, ProblemTarget>,
  ) {}

  clear(): void {
    this.summary.hide();
    for (const target of Object.values(this.targets)) target.setError(null);
  }

  show(heading: string, items: ProblemItem[]): void {
    const summary: SummaryItem[] = items.map(({ key, text, lang }) => {
      const target = key ? this.targets[key] : undefined;
      if (!target) return { text, targetId: null, lang };
      target.setError(text, lang);
      return { label: target.label(), text, targetId: target.targetId(), lang };
    });
    this.summary.show(heading, summary);
    this.summary.focus();
  }

  /**
   * Shows what a failed request said, in the page's language: field problems by their path (argument name
   * dropped), else the refusal as a whole.
   */
  showError(error: unknown, context: PageContext, argument = 'input'): void {
    const { t, locale } = context;
    if (!(error instanceof GraphqlError)) {
      this.show(t('rvErrorSummary'), [{ key: null, text: t('rvNetworkError') }]);
      return;
    }
    const keys = Object.keys(this.targets);
    const items: ProblemItem[] = error.problems.map((problem) => ({
      key: problemKey(problemPath(problem.field, argument), keys),
      text: errorText(problem, locale),
    }));
    if (items.length === 0) items.push({ key: null, text: describeError(error, locale) });
    this.show(t('rvErrorSummary'), items);
  }
}

/** A FormField as a problem target. */
export function fieldTarget(field: {
  setError(text: string | null, lang?: string): unknown;
  label: HTMLElement;
  id: string;
}): ProblemTarget {
  return {
    setError: (text, lang) => field.setError(text, lang),
    label: () => field.label.textContent ?? '',
    targetId: () => field.id,
  };
}

/** A radio group as a problem target: the summary link moves to the chosen option, else the first. */
export function choiceTarget(choice: ChoiceField): ProblemTarget {
  return {
    setError: (text, lang) => choice.setError(text, lang),
    label: () => choice.legend.textContent ?? '',
    targetId: () => choice.focusTarget.id,
  };
}

/** A fieldset of other controls as a problem target; the summary link moves to `targetId()`. */
export function groupTarget(group: FieldGroup, targetId: () => string): ProblemTarget {
  return {
    setError: (text, lang) => group.setError(text, lang),
    label: () => group.legend.textContent ?? '',
    targetId,
  };
}

/** The error summary's heading that counts the problems ("There is a problem" / "There are 3 problems"). */
export function countedHeading(t: Translate, count: number): string {
  return count === 1 ? t('formsErrorSummaryHeadingOne') : t('formsErrorSummaryHeading', { count });
}
