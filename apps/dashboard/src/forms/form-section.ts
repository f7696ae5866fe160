import { h } from '../dom';
import { ErrorSummary } from './error-summary';
import { labelledForm, onSubmit } from './form';

/** The ids of a form section's parts (the pages' tests and links use them). */
export interface FormSectionIds {
  section: string;
  heading: string;
  summary: string;
  form: string;
}

/**
 * A section holding one form: an h2 heading naming both, the form's error summary, anything the page puts
 * between (notices, a success message), then the form, whose actions row starts with its submit button.
 */
export class FormSection {
  readonly element: HTMLElement;
  readonly heading: HTMLHeadingElement;
  readonly summary: ErrorSummary;
  readonly form: HTMLFormElement;
  readonly submit = h('button', { type: 'submit' });

  constructor(
    ids: FormSectionIds,
    submit: () => Promise<void>,
    options: {
      /** Focusable heading: an edit form opened from a list moves focus there. */
      focusableHeading?: boolean;
      hidden?: boolean;
      /** Between the summary and the form. */
      between?: HTMLElement[];
    } = {},
  ) {
    this.heading = h('h2', { id: ids.heading, tabindex: options.focusableHeading ? '-1' : null });
    this.summary = new ErrorSummary(ids.summary);
    this.form = labelledForm(ids.form, ids.heading);
    this.element = h(
      'section',
      { id: ids.section, 'aria-labelledby': ids.heading, hidden: options.hidden },
      this.heading,
      this.summary.element,
      ...(options.between ?? []),
      this.form,
    );
    onSubmit(this.form, submit);
  }

  /** The form's content: the fields, then the actions (the submit button and `actions`, e.g. a cancel link). */
  fill(fields: HTMLElement[], ...actions: HTMLElement[]): void {
    this.form.append(...fields, h('div', { class: 'form-actions' }, this.submit, ...actions));
  }
}
