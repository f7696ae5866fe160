import { licenceName, licenceStatement } from '@ogp/common';

describe('licence names', () => {
  it('gives the short name of a common open-data licence from its URI, http or https', () => {
    expect(licenceName('https://creativecommons.org/licenses/by/4.0/')).toBe('CC BY 4.0');
    expect(licenceName('http://creativecommons.org/publicdomain/zero/1.0/')).toBe('CC0 1.0');
  });

  it('keeps a URI it has no name for, and states a named one with its URI', () => {
    const own = 'https://data.example.org/licence';
    expect(licenceName(own)).toBe(own);
    expect(licenceStatement(own)).toBe(own);
    expect(licenceStatement('https://creativecommons.org/licenses/by-sa/4.0/')).toBe(
      'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
    );
  });
});
