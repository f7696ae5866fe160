import { h } from '../dom';

/** One entry of an error summary: the message and the id of the control it is about (null: the whole form). */
export interface SummaryItem {
  /** The field's label, put before the message ("Percent: ..."); in the page's language. */
  label?: string;
  text: string;
  targetId: string | null;
  /** The message's language when it is not the page's (the API's messages are English). */
  lang?: string;
}

/**
 * The list of a form's problems at its top. Each entry links to its field; following the link moves focus to
 * the control itself (a fragment link alone only scrolls). Call `focus()` after showing it, so keyboard and
 * screen reader users start there.
 */
export class ErrorSummary {
  readonly element: HTMLDivElement;
  private readonly heading: HTMLHeadingElement;
  private readonly list: HTMLUListElement;

  constructor(id: string, headingLevel: 'h2' | 'h3' = 'h2') {
    this.heading = h(headingLevel, { id: `${id}-heading` });
    this.list = h('ul');
    this.element = h('div', {
      class: 'error-summary',
      id,
      tabindex: '-1',
      role: 'region',
      'aria-labelledby': `${id}-heading`,
      hidden: true,
    });
  }

  get shown(): boolean {
    return !this.element.hidden;
  }

  show(heading: string, items: SummaryItem[]): void {
    this.heading.textContent = heading;
    this.list.replaceChildren(
      ...items.map((item) => {
        const content = [
          item.label ? `${item.label}: ` : null,
          item.lang ? h('span', { lang: item.lang }, item.text) : item.text,
        ];
        if (!item.targetId) return h('li', {}, ...content);
        const targetId = item.targetId;
        const link = h('a', { href: `#${targetId}` }, ...content);
        link.addEventListener('click', (event) => {
          const target = document.getElementById(targetId);
          if (!target) return;
          event.preventDefault();
          target.scrollIntoView({ block: 'center' });
          target.focus();
        });
        return h('li', {}, link);
      }),
    );
    // Heading and list are in the page only while shown: no empty heading otherwise.
    if (!this.heading.isConnected) this.element.replaceChildren(this.heading, this.list);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.list.replaceChildren();
    this.element.replaceChildren();
  }

  focus(): void {
    this.element.focus();
  }
}
