import { PassThrough } from 'node:stream';
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type Table } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import {
  blank,
  bullet,
  facts,
  grid,
  heading,
  link,
  paragraph,
  runs,
} from '@ogp/domain/reports/docx/docx-blocks';
import { writePackage } from '@ogp/domain/reports/docx/docx-package';

// The streamed draft must hold exactly what the docx package itself would write for the same elements.

const TEXT = 'R&D <b>"done"</b> it\'s æøå\nsecond line \u0001';
const EVIDENCE = 'https://example.org/evidence?a=1&b=2';

/** A commitment-like run of blocks: headings, facts with blanks, a grid, bullets with links. */
function blocks(n: number): (Paragraph | Table)[] {
  return [
    heading(`${n}. ${TEXT}`, HeadingLevel.HEADING_2),
    facts(
      [
        [{ da: 'Nr.', en: 'No.' }, String(n)],
        [{ da: 'Kontakt', en: 'Contact' }, blank({ da: 'navn', en: 'name' }, 'en')],
      ],
      'en',
    ),
    grid(
      [
        { da: 'A', en: 'A' },
        { da: 'B', en: 'B' },
      ],
      [[TEXT, paragraph('x')]],
      [40, 60],
      'en',
    ),
    bullet(
      `Line ${n}`,
      ...runs(`. ${TEXT}`),
      link(EVIDENCE, 'Evidence'),
      '; ',
      link(`https://example.org/${n}`),
    ),
    bullet(link('ftp://example.org/not-a-link')),
    paragraph(TEXT),
  ];
}

function document(middle: (Paragraph | Table)[]): Document {
  return new Document({
    sections: [
      {
        children: [
          heading('Title', HeadingLevel.TITLE),
          bullet(link('https://example.org/plan', 'Plan')),
          ...middle,
          paragraph('The end'),
        ],
      },
    ],
  });
}

/** document.xml with each link's r:id replaced by the address its relationship names. */
function linkedDocument(zip: Uint8Array): string {
  const parts = unzipSync(zip);
  const rels = strFromU8(parts['word/_rels/document.xml.rels']);
  const targets = new Map(
    [...rels.matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  return strFromU8(parts['word/document.xml']).replace(/r:id="([^"]+)"/g, (_, id: string) => {
    const target = targets.get(id);
    if (target === undefined) throw new Error(`r:id ${id} has no relationship`);
    return `r:id="${target}"`;
  });
}

describe('streamed DOCX package', () => {
  it('writes the body the docx package writes, with every link resolving', async () => {
    const whole = await Packer.toBuffer(document([...blocks(1), ...blocks(2), ...blocks(3)]));
    const placeholder = 'placeholder-5f0c1e';
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    async function* middle() {
      for (const n of [1, 2, 3]) yield blocks(n);
    }
    await writePackage(
      document([new Paragraph({ children: [new TextRun(placeholder)] })]),
      placeholder,
      middle(),
      out,
    );
    const streamed = Buffer.concat(chunks);
    const expected = linkedDocument(new Uint8Array(whole));
    expect(expected).toContain('https://example.org/evidence?a=1&amp;b=2');
    expect(linkedDocument(new Uint8Array(streamed))).toBe(expected);
    // One relationship per address, however many links name it.
    const rels = strFromU8(unzipSync(new Uint8Array(streamed))['word/_rels/document.xml.rels']);
    expect(rels.match(/example\.org\/evidence/g)).toHaveLength(1);
    expect(Object.keys(unzipSync(new Uint8Array(streamed))).sort()).toEqual(
      Object.keys(unzipSync(new Uint8Array(whole))).sort(),
    );
  });
});
