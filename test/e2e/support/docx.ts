import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

/** A DOCX read back as a word processor would: its XML parts, and the body's text paragraph by paragraph. */
export interface DocxContent {
  /** Every part of the package by its path (word/document.xml, ...), as text. */
  parts: Record<string, string>;
  /** The text of each paragraph of word/document.xml, in order (line breaks as \n). */
  paragraphs: string[];
  /** All of the body's text, paragraphs joined by \n. */
  text: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const decode = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      return String.fromCodePoint(
        name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    }
    return ENTITIES[name] ?? whole;
  });

/** The text of one <w:p>: its <w:t> runs, with <w:br/> as a line break and <w:tab/> as a tab. */
function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\b[^>]*\/>|<w:tab\/>/g)) {
    if (match[1] !== undefined) text += decode(match[1]);
    else text += match[0].startsWith('<w:br') ? '\n' : '\t';
  }
  return text;
}

/** Unzips a DOCX (fflate) and reads its body's paragraphs. */
export function readDocx(body: Buffer): DocxContent {
  const files = unzipSync(new Uint8Array(body));
  const parts = Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => /\.(xml|rels)$/.test(path))
      .map(([path, bytes]) => [path, strFromU8(bytes)]),
  );
  const document = parts['word/document.xml'];
  if (!document) throw new Error('no word/document.xml in the package');
  const paragraphs = [...document.matchAll(/<w:p(?=[\s>])[\s\S]*?<\/w:p>/g)].map((m) =>
    paragraphText(m[0]),
  );
  return { parts, paragraphs, text: paragraphs.join('\n') };
}

/** The XML parts that are not well formed (fast-xml-parser's validator), with its error. */
export function malformedParts(parts: Record<string, string>): { path: string; error: unknown }[] {
  return Object.entries(parts)
    .map(([path, xml]) => ({ path, result: XMLValidator.validate(xml) }))
    .filter(({ result }) => result !== true)
    .map(({ path, result }) => ({ path, error: result }));
}

/**
 * What a word processor could not resolve: an r:id used in a part that its .rels does not declare, or an
 * internal relationship whose target is not in the package.
 */
export function brokenRelationships(parts: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, xml] of Object.entries(parts)) {
    if (!path.endsWith('.xml')) continue;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    const relsPath = `${folder}_rels/${path.slice(folder.length)}.rels`;
    const rels = parts[relsPath] ?? '';
    const declared = new Map(
      [...rels.matchAll(/<Relationship\s[^>]*?\/>/g)].map((m) => [
        /Id="([^"]+)"/.exec(m[0])![1],
        { target: /Target="([^"]+)"/.exec(m[0])![1], external: /TargetMode="External"/.test(m[0]) },
      ]),
    );
    for (const [, id] of xml.matchAll(/\br:(?:id|embed)="([^"]+)"/g)) {
      if (!declared.has(id)) problems.push(`${path}: ${id} is not declared in ${relsPath}`);
    }
    for (const [id, { target, external }] of declared) {
      if (!external && !(`${folder}${target}` in parts) && !(target.replace(/^\//, '') in parts)) {
        problems.push(`${relsPath}: ${id} points to missing ${target}`);
      }
    }
  }
  return problems;
}
