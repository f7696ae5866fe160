import type { Writable } from 'node:stream';
import { Packer, type File, type Paragraph, type Table } from 'docx';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from 'fflate';
import { drained } from '../drain';
import { LinkRelationships, bodyXml, relationshipXml } from './docx-xml';

// The draft's package, streamed: the docx package writes everything but the long middle of the body (styles,
// numbering, footer, the plan-level parts, with a placeholder paragraph where the commitments go); that is
// unzipped in memory and zipped again to the client part by part, with the body's middle written into
// word/document.xml piece by piece, and the relationships its links name added to document.xml.rels last.

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const LEVEL = 6;

/** The body's XML before and after the paragraph that holds `placeholder`. */
function splitAt(xml: string, placeholder: string): [string, string] {
  const at = xml.indexOf(placeholder);
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at);
  if (at < 0 || start < 0 || end < 0 || xml.indexOf(placeholder, at + 1) >= 0) {
    throw new Error('the DOCX skeleton has no single placeholder paragraph');
  }
  return [xml.slice(0, start), xml.slice(end + '</w:p>'.length)];
}

/**
 * Writes `file` as a DOCX to `out`, with the paragraph holding `placeholder` (text found nowhere else in it)
 * replaced by the elements `middle` yields, piece by piece (taken out of each array yielded as they are
 * written): `out` gets each piece as it is made, and the next is made once `out` takes more.
 */
export async function writePackage(
  file: File,
  placeholder: string,
  middle: AsyncIterable<(Paragraph | Table)[]>,
  out: Writable,
): Promise<void> {
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(file)));
  const [before, after] = splitAt(strFromU8(parts[DOCUMENT]), placeholder);
  delete parts[DOCUMENT];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (!out.destroyed) out.write(chunk);
  });
  const ready = async () => {
    if (failure) throw failure;
    // A download closed ends the export (drained rejects), as a full buffer waits for the client.
    if (out.writableNeedDrain || out.destroyed) await drained(out);
  };
  const add = (path: string, data: Uint8Array) => {
    const entry = new ZipDeflate(path, { level: LEVEL });
    zip.add(entry);
    entry.push(data, true);
  };
  for (const [path, data] of Object.entries(parts)) {
    if (path !== DOCUMENT_RELS) add(path, data);
  }
  await ready();
  const body = new ZipDeflate(DOCUMENT, { level: LEVEL });
  zip.add(body);
  body.push(strToU8(before));
  await ready();
  const links = new LinkRelationships();
  for await (const elements of middle) {
    // An element at a time, each let go once written: what is made to write one is soon garbage.
    for (let element = elements.shift(); element; element = elements.shift()) {
      body.push(strToU8(bodyXml([element], file, links)));
      await ready();
    }
  }
  body.push(strToU8(after), true);
  // The relationships of the skeleton's own parts, and one per address the middle links to.
  const rels = strFromU8(parts[DOCUMENT_RELS]);
  const close = rels.lastIndexOf('</Relationships>');
  add(
    DOCUMENT_RELS,
    strToU8(
      `${rels.slice(0, close)}${links.all().map(relationshipXml).join('')}${rels.slice(close)}`,
    ),
  );
  zip.end();
  await ready();
}
