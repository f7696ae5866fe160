import { csvFileName, toCsv } from '../components/csv';
import { h } from '../dom';
import type { Translate } from '../i18n';
import '../styles/visually-hidden.css';

/** A cell's words as the reader sees them, runs of white space as one space. */
const cellText = (cell: Element): string => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A table's cells row by row, header rows included: exactly what it shows. */
export function tableRows(table: HTMLTableElement): string[][] {
  return [...table.rows].map((row) => [...row.cells].map(cellText));
}

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Every table's wrapper becomes a labelled region that takes the keyboard focus, so a table wider than the
 * screen scrolls inside it (not the page) and can be scrolled with the arrow keys; a chart's table gets a link
 * that downloads it as CSV. Pages build tables as they like: this follows them as they change.
 */
export class TableRegions {
  private t: Translate | null = null;
  private readonly observer = new MutationObserver(() => this.refresh());

  constructor(private readonly root: HTMLElement) {
    this.observer.observe(root, { childList: true, subtree: true });
  }

  /** The language of the labels and links, from now on (and at once). */
  setLanguage(t: Translate): void {
    this.t = t;
    this.refresh();
  }

  private refresh(): void {
    const t = this.t;
    if (!t) return;
    for (const wrap of this.root.querySelectorAll<HTMLElement>('.table-wrap')) {
      const table = wrap.querySelector('table');
      const caption = table?.caption ? cellText(table.caption) : '';
      setAttribute(wrap, 'role', 'region');
      setAttribute(wrap, 'tabindex', '0');
      // Not the caption alone: a chart's section is already named by the same words.
      setAttribute(
        wrap,
        'aria-label',
        caption ? t('tableRegionNamed', { caption }) : t('tableRegion'),
      );
      if (wrap.closest('.chart-section')) this.downloadLink(wrap, table, caption, t);
    }
  }

  /** The link after a chart's table: the table as it is now, as a CSV file named after its caption. */
  private downloadLink(
    wrap: HTMLElement,
    table: HTMLTableElement | null,
    caption: string,
    t: Translate,
  ): void {
    let link = wrap.nextElementSibling;
    if (!(link instanceof HTMLAnchorElement && link.classList.contains('csv-download'))) {
      if (!table) return;
      link = h('a', { class: 'csv-download' });
      wrap.after(link);
    }
    const anchor = link as HTMLAnchorElement;
    if (!table) {
      anchor.remove();
      return;
    }
    const text = `${t('downloadCsv')}|${caption}`;
    if (anchor.dataset.text !== text) {
      anchor.dataset.text = text;
      anchor.replaceChildren(
        t('downloadCsv'),
        h('span', { class: 'visually-hidden' }, caption ? `: ${caption}` : ''),
      );
    }
    setAttribute(anchor, 'download', csvFileName(caption));
    setAttribute(
      anchor,
      'href',
      `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(tableRows(table)))}`,
    );
  }
}
