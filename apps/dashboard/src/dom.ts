type Child = Node | string | null | undefined | false;

/** A tiny element builder: h('p', { class: 'x' }, 'text'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface Cell {
  text: string | Node;
  /** The raw figure behind the text ('' for no data), for tests and scripts: a number or a code. */
  value?: string | number | null;
}

/** A data table: caption, column headers, a header cell per row; cells carry their raw value in data-value. */
export function dataTable(
  caption: string,
  columns: Column[],
  rows: { key: string; header: string | Node; cells: Cell[] }[],
): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...columns.map((column) =>
          h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-key': row.key },
          h('th', { scope: 'row' }, row.header),
          ...row.cells.map((cell, index) =>
            h(
              'td',
              {
                class: columns[index + 1]?.numeric ? 'num' : null,
                'data-value': cell.value === undefined ? undefined : (cell.value ?? ''),
              },
              cell.text,
            ),
          ),
        ),
      ),
    ),
  );
}
