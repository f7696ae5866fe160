import { h } from '../dom';

/**
 * A question asked before an action that cannot be undone, shown in place: focus moves to "yes"; "no" closes
 * it and gives focus back to the control that asked. Ids: `id`, `id-text` (the question), `id-yes`.
 */
export class Confirmation {
  readonly element: HTMLDivElement;

  constructor(private readonly id: string) {
    this.element = h('div', {
      class: 'ra-confirm',
      id,
      role: 'group',
      'aria-labelledby': `${id}-text`,
      hidden: true,
    });
  }

  ask(
    texts: { question: string; yes: string; no: string },
    opener: HTMLElement,
    onYes: () => void,
  ): void {
    const yes = h('button', { type: 'button', id: `${this.id}-yes` }, texts.yes);
    const no = h('button', { type: 'button', class: 'secondary' }, texts.no);
    this.element.replaceChildren(
      h('p', { id: `${this.id}-text` }, texts.question),
      h('div', { class: 'form-actions' }, yes, no),
    );
    this.element.hidden = false;
    yes.focus();
    no.addEventListener('click', () => {
      this.close();
      if (opener.isConnected) opener.focus();
    });
    yes.addEventListener('click', onYes);
  }

  close(): void {
    this.element.hidden = true;
  }
}
