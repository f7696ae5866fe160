import type { File, IContext, IXmlableObject, Paragraph, Table } from 'docx';

// The XML of a part of the body, written as the docx package writes its document.xml, so the draft can be sent
// a commitment at a time instead of being built whole: each element is prepared for XML by the package itself
// (prepForXml, against the document it belongs in), then written out here exactly as the package writes it.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

// Markup escaped, and the characters XML 1.0 cannot hold dropped, as the package does.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escape = (value: string) => value.replace(NOT_TEXT, (c) => ESCAPES[c] ?? '');

const escapeValue = (value: unknown): string =>
  typeof value === 'string' ? escape(value) : String(value);

/** One element of the prepared tree: `{ "w:b": { _attr: { "w:val": false } } }`, `{ "w:t": [..., "text"] }`. */
function write(data: IXmlableObject): string {
  const name = Object.keys(data)[0];
  const values: unknown = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: string[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr))
      attributes.push(`${key}="${escapeValue(value)}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as {
        _attr?: Record<string, unknown>;
        _cdata?: string;
      };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        // As the package writes it: text in an element replaces what came just before it.
        let text = false;
        content.push('');
        for (const value of values as unknown[]) {
          if (typeof value === 'object' && value !== null) {
            if (Object.keys(value)[0] === '_attr')
              addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(write(value));
          } else {
            content.pop();
            text = true;
            content.push(escapeValue(value));
          }
        }
        if (!text) content.push('');
      }
    }
  } else if (values !== undefined) content.push(escapeValue(values));
  else content.push('');
  const open = `${name ? `<${name}` : ''}${attributes.length > 0 ? ` ${attributes.join(' ')}` : ''}`;
  if (content.length === 0) return `${open}/>`;
  return `${open}${name ? '>' : ''}${content.join('')}${name ? `</${name}>` : ''}`;
}

/** An external relationship a part of the body uses (a link), under the id its XML names. */
export interface LinkRelationship {
  id: string;
  target: string;
}

/**
 * Collects the hyperlink relationships of what is written, one per address: a link to an address already linked
 * names the same relationship, so the relationships kept grow with the addresses, not with the links.
 */
export class LinkRelationships {
  private readonly idByTarget = new Map<string, string>();

  /** Every relationship collected. */
  all(): LinkRelationship[] {
    return [...this.idByTarget].map(([target, id]) => ({ id, target }));
  }

  /** The id of the relationship to `target`, adding it when new. */
  idOf(target: string): string {
    let id = this.idByTarget.get(target);
    if (id === undefined) {
      id = `rIdLink${this.idByTarget.size + 1}`;
      this.idByTarget.set(target, id);
    }
    return id;
  }
}

/**
 * The XML of body elements of `file` (paragraphs and tables not added to it), as its document.xml would hold
 * them; their links name relationships from `links`.
 */
export function bodyXml(
  elements: (Paragraph | Table)[],
  file: File,
  links: LinkRelationships,
): string {
  // The package names each link by a fresh id while preparing it (written as rId<id>); here each is named by
  // its address's relationship instead.
  const renamed = new Map<string, string>();
  const relationships = {
    addRelationship: (id: string | number, _type: string, target: string) => {
      renamed.set(`rId${id}`, links.idOf(target));
    },
  };
  const context = {
    file,
    viewWrapper: { View: file.Document.View, Relationships: relationships },
    stack: [],
  } as unknown as IContext;
  const xml = elements.map((element) => write(element.prepForXml(context)!)).join('');
  if (renamed.size === 0) return xml;
  return xml.replace(/\br:id="([^"]+)"/g, (whole, id: string) => {
    const name = renamed.get(id);
    return name === undefined ? whole : `r:id="${name}"`;
  });
}

/** A relationship element of a .rels part. */
export const relationshipXml = ({ id, target }: LinkRelationship): string =>
  `<Relationship Id="${escape(id)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escape(target)}" TargetMode="External"/>`;
