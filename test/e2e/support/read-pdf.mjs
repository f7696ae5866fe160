// Reads a PDF with pdf.js (an independent reader from npm): prints {"text", "images"} as JSON on stdout, the text
// of every page in order and how many images the pages draw. Run as a child process: pdf.js is an ES module.
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
let text = '';
let images = 0;
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  for (const item of content.items) {
    if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  text += '\n';
  const operators = await page.getOperatorList();
  images += operators.fnArray.filter((op) => op === OPS.paintImageXObject).length;
}
process.stdout.write(JSON.stringify({ text, images }));
