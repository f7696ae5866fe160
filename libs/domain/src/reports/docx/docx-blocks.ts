import type { Label, Locale } from '@ogp/common';
import {
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { blankText } from './docx-text';

// The pieces the draft is made of: headings, paragraphs of text (user text kept as written, line by line),
// marked blanks, links, and two kinds of table (label-value facts, and a grid with a header row).

type Inline = TextRun | ExternalHyperlink;
type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

// Characters XML 1.0 cannot hold (the C0 controls other than tab, line feed and carriage return, and the
// non-characters U+FFFE and U+FFFF): dropped, so no user text can make the document unreadable.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const clean = (value: string): string => value.replace(NOT_XML, '');

/** Text as runs, one line each (a line break between them), so multi-line text keeps its lines. */
export function runs(
  value: string,
  options: { bold?: boolean; italics?: boolean } = {},
): TextRun[] {
  return clean(value)
    .split(/\r\n|\r|\n/)
    .map(
      (line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...options }),
    );
}

export const heading = (value: string, level: Heading): Paragraph =>
  new Paragraph({ heading: level, children: runs(value) });

export const paragraph = (...children: (Inline | string)[]): Paragraph =>
  new Paragraph({
    children: children.flatMap((child) => (typeof child === 'string' ? runs(child) : [child])),
  });

/** A marked blank for the government to write: bracketed, highlighted, italic. */
export function blankRun(what: Label, locale: Locale): TextRun {
  return new TextRun({ text: blankText(what, locale), highlight: 'yellow', italics: true });
}

export const blank = (what: Label, locale: Locale): Paragraph =>
  new Paragraph({ children: [blankRun(what, locale)] });

/** A question of the template in bold, then its answer: the tracker's text, else a marked blank. */
export function question(
  label: Label,
  answer: string | null,
  missing: Label,
  locale: Locale,
): Paragraph[] {
  return [
    new Paragraph({ children: runs(label[locale], { bold: true }) }),
    answer ? paragraph(answer) : blank(missing, locale),
  ];
}

/** An address as a link (http and https only; anything else stays text). */
export function link(url: string, title?: string | null): Inline {
  const shown = clean(title ? `${title} (${url})` : url);
  if (!/^https?:\/\//i.test(url)) return new TextRun(shown);
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text: shown, style: 'Hyperlink' })],
  });
}

/** A bulleted line. */
export const bullet = (...children: (Inline | string)[]): Paragraph =>
  new Paragraph({
    bullet: { level: 0 },
    children: children.flatMap((child) => (typeof child === 'string' ? runs(child) : [child])),
  });

/** What a cell holds: text, a paragraph of runs, or several paragraphs. */
export type CellContent = string | Paragraph | Paragraph[];

const cellParagraphs = (content: CellContent): Paragraph[] =>
  typeof content === 'string' ? [paragraph(content)] : Array.isArray(content) ? content : [content];

const HEADER_SHADE = { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } as const;

function cell(content: CellContent, width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header ? HEADER_SHADE : undefined,
    children: cellParagraphs(content),
  });
}

/** Two columns, label and value, one row per fact. */
export function facts(rows: [Label, CellContent][], locale: Locale): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            cell(new Paragraph({ children: runs(label[locale], { bold: true }) }), 30, true),
            cell(value, 70),
          ],
        }),
    ),
  });
}

/** A grid: a header row (repeated on each page) and one row per entry; `widths` in percent. */
export function grid(
  headers: Label[],
  rows: CellContent[][],
  widths: number[],
  locale: Locale,
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((header, index) =>
          cell(
            new Paragraph({ children: runs(header[locale], { bold: true }) }),
            widths[index],
            true,
          ),
        ),
      }),
      ...rows.map(
        (row) =>
          new TableRow({ children: row.map((content, index) => cell(content, widths[index])) }),
      ),
    ],
  });
}
