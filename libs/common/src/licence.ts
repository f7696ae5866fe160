/** Short names of the licences open data is most often given under, by their URI. */
const LICENCE_NAMES: Record<string, string> = {
  'https://creativecommons.org/licenses/by/4.0/': 'CC BY 4.0',
  'https://creativecommons.org/licenses/by-sa/4.0/': 'CC BY-SA 4.0',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0 1.0',
};

/** A licence as readers know it ("CC BY 4.0"), from its URI; the URI itself for one without a short name. */
export function licenceName(uri: string): string {
  return LICENCE_NAMES[uri.replace(/^http:/, 'https:')] ?? uri;
}

/** A licence as a file states it: its short name with the URI, or the URI alone. */
export function licenceStatement(uri: string): string {
  const name = licenceName(uri);
  return name === uri ? uri : `${name} (${uri})`;
}
