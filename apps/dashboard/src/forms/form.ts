import { h } from '../dom';

/** A form the page checks itself (`novalidate`: errors show next to the fields), named by its heading. */
export function labelledForm(id: string, headingId: string, className = 'form'): HTMLFormElement {
  return h('form', { class: className, id, novalidate: true, 'aria-labelledby': headingId });
}

/** Runs `submit` instead of the browser's own submission. */
export function onSubmit(form: HTMLFormElement, submit: () => Promise<void>): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
}

/**
 * One request at a time for a page: a submit while one runs is ignored, and the button that started it says so
 * (`aria-disabled`, not `disabled`: it keeps its focus and stays in the tab order).
 */
export class Busy {
  private running = false;

  get active(): boolean {
    return this.running;
  }

  /** Runs `work` unless a request is running already (then nothing happens). */
  async run(button: HTMLElement | null, work: () => Promise<void>): Promise<void> {
    if (this.running) return;
    this.running = true;
    button?.setAttribute('aria-disabled', 'true');
    try {
      await work();
    } finally {
      this.running = false;
      button?.removeAttribute('aria-disabled');
    }
  }
}
