import { h } from '../dom';

// Form building blocks shared by the signed-in pages (coordinators, reviewers, administrators). They hold no
// strings of their own: the page sets every label, hint and error in its language, and may do so again on a
// language change without touching what the user typed.

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

let counter = 0;
/** An id unique in the document, for elements made at run time (rows added and removed). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

function describe(element: HTMLElement, ids: (string | null)[]): void {
  const list = ids.filter((id): id is string => !!id);
  if (list.length) element.setAttribute('aria-describedby', list.join(' '));
  else element.removeAttribute('aria-describedby');
}

/**
 * What every field kind shares: a hint and an error paragraph, named by `aria-describedby` on the described
 * controls while shown; the error also sets `has-error` on the field and, where the kind marks it,
 * `aria-invalid`.
 */
abstract class AnnotatedField<E extends HTMLElement> {
  abstract readonly element: E;
  protected readonly hint: HTMLParagraphElement;
  protected readonly errorText: HTMLParagraphElement;

  constructor(id: string) {
    this.hint = h('p', { class: 'field-hint', id: `${id}-hint`, hidden: true });
    this.errorText = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  }

  /** A hint under the label (null: none). */
  setHint(text: string | null): this {
    this.hint.textContent = text ?? '';
    this.hint.hidden = !text;
    this.updateDescription();
    return this;
  }

  /** The error next to the field (null: none); `lang` when the message is not in the page's language. */
  setError(text: string | null, lang?: string): this {
    this.errorText.textContent = text ?? '';
    this.errorText.hidden = !text;
    if (lang) this.errorText.lang = lang;
    else this.errorText.removeAttribute('lang');
    this.element.classList.toggle('has-error', !!text);
    for (const control of this.invalidControls()) {
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    this.updateDescription();
    return this;
  }

  get hasError(): boolean {
    return !this.errorText.hidden;
  }

  /** The elements `aria-describedby` goes on. */
  protected abstract describedControls(): Iterable<HTMLElement>;

  /** The elements `aria-invalid` goes on while there is an error (none unless a kind says). */
  protected invalidControls(): Iterable<HTMLElement> {
    return [];
  }

  private updateDescription(): void {
    const ids = [
      this.hint.hidden ? null : this.hint.id,
      this.errorText.hidden ? null : this.errorText.id,
    ];
    for (const element of this.describedControls()) describe(element, ids);
  }
}

/**
 * One labelled control with an optional hint and an error shown next to it: `aria-describedby` names the hint
 * and the error, `aria-invalid` is set while there is an error.
 */
export class FormField<
  C extends Control = HTMLInputElement,
> extends AnnotatedField<HTMLDivElement> {
  readonly element: HTMLDivElement;
  readonly label: HTMLLabelElement;

  constructor(
    readonly control: C,
    options: { id: string; className?: string } = { id: uniqueId('field') },
  ) {
    super(options.id);
    const { id } = options;
    control.id = id;
    this.label = h('label', { for: id });
    this.element = h(
      'div',
      { class: `field${options.className ? ` ${options.className}` : ''}` },
      this.label,
      this.hint,
      this.errorText,
      control,
    );
  }

  get id(): string {
    return this.control.id;
  }

  setLabel(text: string): this {
    this.label.textContent = text;
    return this;
  }

  protected describedControls(): HTMLElement[] {
    return [this.control];
  }

  protected override invalidControls(): HTMLElement[] {
    return [this.control];
  }
}

/** A text input in a FormField (`type` text unless told). */
export function textField(
  id: string,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
): FormField<HTMLInputElement> {
  return new FormField(h('input', { type: 'text', name: id, ...attrs }), { id });
}

/** A textarea in a FormField. */
export function textAreaField(
  id: string,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
): FormField<HTMLTextAreaElement> {
  return new FormField(h('textarea', { name: id, rows: 3, ...attrs }), { id });
}

/**
 * A group of radio buttons in a fieldset with a legend; the error sits under the legend and the group is
 * described by it. Options are given as values; their labels are set (and reset on a language change) by
 * `setLabels`.
 */
export class ChoiceField<V extends string = string> extends AnnotatedField<HTMLFieldSetElement> {
  readonly element: HTMLFieldSetElement;
  readonly legend: HTMLLegendElement;
  private readonly inputs = new Map<V, HTMLInputElement>();
  private readonly labels = new Map<V, HTMLLabelElement>();

  constructor(
    readonly id: string,
    values: readonly V[],
  ) {
    super(id);
    this.legend = h('legend');
    const options = values.map((value) => {
      const input = h('input', { type: 'radio', name: id, value, id: `${id}-${value}` });
      const label = h('label', { for: input.id });
      this.inputs.set(value, input);
      this.labels.set(value, label);
      return h('div', { class: 'choice' }, input, label);
    });
    this.element = h(
      'fieldset',
      { class: 'field choices', id },
      this.legend,
      this.hint,
      this.errorText,
      h('div', { class: 'choice-list' }, ...options),
    );
  }

  /** The control a summary link moves focus to: the chosen option, else the first. */
  get focusTarget(): HTMLInputElement {
    return [...this.inputs.values()].find((input) => input.checked) ?? [...this.inputs.values()][0];
  }

  get value(): V | null {
    for (const [value, input] of this.inputs) if (input.checked) return value;
    return null;
  }

  set value(value: V | null) {
    for (const [option, input] of this.inputs) input.checked = option === value;
  }

  onChange(listener: (value: V | null) => void): void {
    for (const input of this.inputs.values())
      input.addEventListener('change', () => listener(this.value));
  }

  setLegend(text: string): this {
    this.legend.textContent = text;
    return this;
  }

  setLabels(label: (value: V) => string): this {
    for (const [value, element] of this.labels) element.textContent = label(value);
    return this;
  }

  // Each radio is described, so a screen reader reads the hint and error when the group is entered.
  protected describedControls(): Iterable<HTMLElement> {
    return this.inputs.values();
  }

  protected override invalidControls(): Iterable<HTMLElement> {
    return this.inputs.values();
  }
}

/**
 * A fieldset with a legend, a hint and an error of its own around other controls (a group of related fields,
 * a list of rows). The fieldset is described by the hint and the error.
 */
export class FieldGroup extends AnnotatedField<HTMLFieldSetElement> {
  readonly element: HTMLFieldSetElement;
  readonly legend: HTMLLegendElement;
  readonly body: HTMLDivElement;

  constructor(
    readonly id: string,
    className = '',
  ) {
    super(id);
    this.legend = h('legend');
    this.body = h('div', { class: 'group-body' });
    this.element = h(
      'fieldset',
      { class: `field group ${className}`.trim(), id },
      this.legend,
      this.hint,
      this.errorText,
      this.body,
    );
  }

  setLegend(text: string): this {
    this.legend.textContent = text;
    return this;
  }

  protected describedControls(): HTMLElement[] {
    return [this.element];
  }
}
