/** An Atom document as fast-xml-parser reads it (attributes without prefix, repeated elements as arrays). */
export interface AtomLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  link: AtomLink[];
  category: { term: string; label: string }[];
  summary: { '#text': string; type: string };
  author?: { name: string | { '#text': string } }[];
}

export interface AtomFeed {
  xmlns: string;
  'xml:lang': string;
  id: string;
  title: string;
  subtitle: string;
  updated: string;
  author: { name: string; uri?: string }[];
  link: AtomLink[];
  entry?: AtomEntry[];
}

export const atomEntries = (feed: AtomFeed): AtomEntry[] => feed.entry ?? [];
