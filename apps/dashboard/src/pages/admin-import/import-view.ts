import type { Locale } from '@ogp/common';
import type { KeyedProblem } from '../../api/imports';
import { dataTable, h, type Column } from '../../dom';
import { ERROR_TEXTS } from '../../i18n';
import { describeError, errorText } from '../../i18n/error-text';

// What the two parts of the import screen share: the outcome of a request (a status line, an alert line, and a
// focusable region with the details), problem texts in the reader's language, and a busy state.

/** A problem in the page's language when its key has a text here, else the API's English message (marked so). */
export function problemNode(problem: KeyedProblem, locale: Locale): HTMLElement {
  const key = problem.messageKey;
  if (key && ERROR_TEXTS[locale][key] !== undefined) {
    return h('span', {}, errorText({ messageKey: key, messageParams: problem.params }, locale));
  }
  return h('span', { lang: 'en' }, problem.message);
}

/** A request that failed as a whole, in the page's language. */
export function failureText(error: unknown, locale: Locale): string {
  return describeError(error, locale);
}

/**
 * The outcome area of one part: `status` (polite) says how a request went, `alert` says a failure at once, and
 * `details` (a region that takes focus) holds what the answer listed.
 */
export class ImportOutcome {
  readonly status: HTMLParagraphElement;
  readonly alert: HTMLParagraphElement;
  readonly details: HTMLDivElement;

  constructor(private readonly id: string) {
    this.status = h('p', { class: 'ra-success import-status', id: `${id}-status`, role: 'status' });
    this.alert = h('p', { class: 'import-alert', id: `${id}-alert`, role: 'alert' });
    this.details = h('div', {
      class: 'import-details',
      id: `${id}-details`,
      tabindex: '-1',
      hidden: true,
    });
  }

  elements(): HTMLElement[] {
    return [this.status, this.alert, this.details];
  }

  clear(): void {
    this.status.textContent = '';
    this.alert.textContent = '';
    this.details.hidden = true;
    this.details.replaceChildren();
    this.details.removeAttribute('role');
    this.details.removeAttribute('aria-labelledby');
    this.details.classList.remove('import-ok', 'import-failed');
  }

  /** A good outcome: the status line and, when given, the details under a heading. */
  succeeded(message: string, heading?: string, ...content: Node[]): void {
    this.alert.textContent = '';
    this.status.textContent = message;
    this.showDetails('import-ok', heading, content);
  }

  /** A refused file or a failed request: the alert line and the details (the problems) under a heading. */
  failed(message: string, heading?: string, ...content: Node[]): void {
    this.status.textContent = '';
    this.alert.textContent = message;
    this.showDetails('import-failed', heading, content);
  }

  /** Moves focus to the details (or the line above them when there are none), after a request. */
  focus(): void {
    const target = this.details.hidden ? null : this.details;
    target?.focus();
  }

  private showDetails(kind: string, heading: string | undefined, content: Node[]): void {
    if (!heading) {
      this.details.hidden = true;
      this.details.replaceChildren();
      return;
    }
    const headingId = `${this.id}-details-heading`;
    this.details.classList.remove('import-ok', 'import-failed');
    this.details.classList.add(kind);
    this.details.setAttribute('role', 'region');
    this.details.setAttribute('aria-labelledby', headingId);
    this.details.replaceChildren(h('h3', { id: headingId }, heading), ...content);
    this.details.hidden = false;
  }
}

/** A table of problems (or conflicts) in a scrolling region, as the shell makes of every `.table-wrap`. */
export function problemTable(
  caption: string,
  columns: Column[],
  rows: { key: string; header: string | Node; cells: (string | Node)[] }[],
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    dataTable(
      caption,
      columns,
      rows.map((row) => ({
        key: row.key,
        header: row.header,
        cells: row.cells.map((text) => ({ text })),
      })),
    ),
  );
}

/** Figures as a description list ("Themes: 4"). */
export function figureList(entries: [string, number | string][]): HTMLElement {
  return h(
    'dl',
    { class: 'ra-details import-figures' },
    ...entries.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, String(value))]),
  );
}

/**
 * Runs `work` with the part busy: the button says so (aria-disabled, kept focusable), the section is aria-busy,
 * and the status line says what is going on. A second press while it runs is ignored.
 */
export async function whileBusy(
  section: HTMLElement,
  button: HTMLButtonElement,
  outcome: ImportOutcome,
  message: string,
  work: () => Promise<void>,
): Promise<void> {
  if (section.getAttribute('aria-busy') === 'true') return;
  section.setAttribute('aria-busy', 'true');
  button.setAttribute('aria-disabled', 'true');
  outcome.alert.textContent = '';
  outcome.status.textContent = message;
  try {
    await work();
  } finally {
    section.removeAttribute('aria-busy');
    button.removeAttribute('aria-disabled');
  }
}
