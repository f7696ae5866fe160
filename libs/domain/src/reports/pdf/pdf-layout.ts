import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

// The report's page furniture: fonts (DejaVu, embedded, so every Danish letter renders and copies out as text),
// headings, label-value lines and tables that break across pages with their header repeated.

export type Doc = InstanceType<typeof PDFDocument>;

const fontDir = join(
  dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

/** The TrueType files the report embeds (subset to the letters used). */
export const FONT_FILES = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
  mono: join(fontDir, 'DejaVuSansMono.ttf'),
};

export const FONT = { regular: 'Body', bold: 'Bold', mono: 'Mono' } as const;

export const MARGIN = 50;
const GREY = '#555555';
const RULE = '#bbbbbb';
const HEADER_FILL = '#eef1f5';

/** A new A4 document with the fonts registered and a page number at the foot of every page. */
export function newDocument(info: { title: string; created: Date }, pageWord: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // Each page is written out when the next begins.
    bufferPages: false,
    autoFirstPage: false,
    info: { Title: info.title, Creator: 'OGP commitment tracker', CreationDate: info.created },
  });
  doc.registerFont(FONT.regular, FONT_FILES.regular);
  doc.registerFont(FONT.bold, FONT_FILES.bold);
  doc.registerFont(FONT.mono, FONT_FILES.mono);
  let page = 0;
  doc.on('pageAdded', () => {
    page += 1;
    // The foot lies below the bottom margin: lifted for the one line so it does not open a page of its own.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(`${pageWord} ${page}`, MARGIN, doc.page.height - 30, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black').font(FONT.regular).fontSize(10);
    doc.x = MARGIN;
    doc.y = MARGIN;
  });
  return doc;
}

/**
 * Forgets the fonts' per-word layouts. pdfkit keeps each distinct word's layout (laying a word out again costs
 * six times as much), so over a large plan the cache grows with every id, number and name: the export clears it
 * now and then. pdfkit has no public call for it; a document without the cache is left as it is.
 */
export function forgetWordLayouts(doc: Doc): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })
    ._fontFamilies;
  for (const font of Object.values(fonts ?? {})) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottomY = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** A new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomY(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, level: 1 | 2 | 3 = 1): void {
  const size = { 1: 18, 2: 13, 3: 11 }[level];
  // Never alone at the foot of a page: room for the heading and what starts under it (a table's first rows).
  ensureSpace(doc, size * 2 + (level === 1 ? 60 : 120));
  if (level > 1) doc.moveDown(0.6);
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor('black')
    .text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font(FONT.regular).fontSize(10);
}

export function paragraph(
  doc: Doc,
  text: string,
  options: { size?: number; color?: string; font?: string } = {},
): void {
  doc
    .font(options.font ?? FONT.regular)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? 'black');
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }));
  doc.text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.fillColor('black').font(FONT.regular).fontSize(10);
}

/** Label-value lines: the label bold in a left column, the value wrapped beside it. */
export function fields(doc: Doc, rows: [string, string][], labelWidth = 150): void {
  const valueWidth = contentWidth(doc) - labelWidth - 10;
  doc.fontSize(10);
  for (const [label, value] of rows) {
    doc.font(FONT.bold);
    const labelHeight = doc.heightOfString(label, { width: labelWidth });
    doc.font(FONT.regular);
    const height = Math.max(labelHeight, doc.heightOfString(value || '–', { width: valueWidth }));
    ensureSpace(doc, height);
    const y = doc.y;
    doc.font(FONT.bold).text(label, MARGIN, y, { width: labelWidth });
    doc.font(FONT.regular).text(value || '–', MARGIN + labelWidth + 10, y, { width: valueWidth });
    doc.y = y + height + 3;
  }
  doc.x = MARGIN;
}

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

const PAD = 3;

/**
 * Each column's share of the width, widened where needed so no word of its header is broken (the room taken from
 * the widest column).
 */
function columnWidths(doc: Doc, columns: TableColumn[], size: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  doc.font(FONT.bold).fontSize(size);
  columns.forEach((column, i) => {
    const least =
      Math.max(...column.header.split(/\s+/).map((word) => doc.widthOfString(word))) + 2 * PAD + 1;
    if (widths[i] >= least) return;
    const widest = widths.indexOf(Math.max(...widths));
    if (widest === i) return;
    widths[widest] -= least - widths[i];
    widths[i] = least;
  });
  return widths;
}

/**
 * A table: a shaded header row, then rows whose height fits their longest cell; a row that does not fit on the
 * page starts the next one, under the header again.
 */
export function table(doc: Doc, columns: TableColumn[], rows: string[][], size = 8): void {
  const widths = columnWidths(doc, columns, size);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * PAD })),
      ) +
      2 * PAD
    );
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN, y, contentWidth(doc), height).fill(fill);
    doc.font(font).fontSize(size).fillColor('black');
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell || '', x + PAD, y + PAD, {
        width: widths[i] - 2 * PAD,
        align: columns[i].align ?? 'left',
      });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + contentWidth(doc), y + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + height;
  };
  const headers = columns.map((c) => c.header);
  const header = () => drawRow(headers, FONT.bold, HEADER_FILL);
  ensureSpace(
    doc,
    rowHeight(headers, FONT.bold) + (rows[0] ? rowHeight(rows[0], FONT.regular) : 0),
  );
  header();
  for (const row of rows) {
    if (doc.y + rowHeight(row, FONT.regular) > bottomY(doc)) {
      doc.addPage();
      header();
    }
    drawRow(row, FONT.regular, null);
  }
  doc.x = MARGIN;
  doc.moveDown(0.5).font(FONT.regular).fontSize(10);
}
