import type { PageContext } from '../app/page';
import { h } from '../dom';
import { Confirmation } from './confirmation';
import { ErrorSummary } from './error-summary';
import type { Busy } from './form';
import { FormProblems } from './form-problems';
import type { FormSection } from './form-section';

/**
 * What an administrator's list does around its rows: a status line of its own (a live region that outlives the
 * re-render after a change, so the message is heard), a question before a change that cannot be undone, and the
 * list's error summary for a change refused.
 */
export class ListChanges {
  readonly status: HTMLParagraphElement;
  readonly confirm: Confirmation;
  readonly summary: ErrorSummary;
  readonly problems: FormProblems;

  constructor(
    ids: { status: string; confirm: string; summary: string },
    private readonly busy: Busy,
  ) {
    this.status = h('p', { class: 'ra-success', id: ids.status, role: 'status', tabindex: '-1' });
    this.confirm = new Confirmation(ids.confirm);
    this.summary = new ErrorSummary(ids.summary);
    this.problems = new FormProblems(this.summary, {});
  }

  /** The status line, the summary and the question, in the order they stand above the list. */
  elements(): HTMLElement[] {
    return [this.status, this.summary.element, this.confirm.element];
  }

  /**
   * Asks first; on "yes" makes the change, then `done` (the list again, its message in the status line), which
   * takes focus. A refusal shows in the list's summary, its problems named without the `argument` prefix.
   */
  ask(
    texts: { question: string; yes: string; no: string },
    opener: HTMLElement,
    change: {
      /** The page's context when "yes" is chosen. */
      context: () => PageContext;
      make: () => Promise<unknown>;
      done: () => Promise<void>;
      argument: string;
    },
  ): void {
    this.confirm.ask(texts, opener, () => void this.run(change));
  }

  private run(change: Parameters<ListChanges['ask']>[2]): Promise<void> {
    return this.busy.run(null, async () => {
      this.problems.clear();
      try {
        await change.make();
        this.confirm.close();
        await change.done();
        this.status.focus();
      } catch (error) {
        this.confirm.close();
        this.problems.showError(error, change.context(), change.argument);
      }
    });
  }
}

/**
 * The edit form of the row `?edit=` names (hidden when it names none). It is filled only when another row is
 * opened, so a re-render keeps what the administrator typed; opening moves focus to its heading.
 */
export class RowEditor<R> {
  readonly cancel = h('a');
  private row: R | null = null;

  constructor(
    readonly section: FormSection,
    private readonly keyOf: (row: R) => string,
    private readonly listPath: string,
  ) {}

  /** The row being edited, as last shown. */
  get current(): R | null {
    return this.row;
  }

  /** After a save: the next render opens (and fills) the form afresh. */
  close(): void {
    this.row = null;
  }

  show(
    rows: readonly R[],
    context: PageContext,
    form: { render: (row: R) => void; fill: (row: R) => void },
  ): void {
    const wanted = context.query.get('edit');
    const row = rows.find((candidate) => this.keyOf(candidate) === wanted) ?? null;
    this.section.element.hidden = !row;
    if (!row) {
      this.row = null;
      return;
    }
    form.render(row);
    this.cancel.textContent = context.t('admCancel');
    this.cancel.href = context.href(this.listPath);
    if (this.row === null || this.keyOf(this.row) !== this.keyOf(row)) {
      form.fill(row);
      // After the shell's own focus on the page heading.
      if (!context.live) setTimeout(() => this.section.heading.focus(), 0);
    }
    this.row = row;
  }
}
