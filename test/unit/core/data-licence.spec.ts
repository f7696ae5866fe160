import { ConfigError, loadConfig } from '@ogp/core';

describe('DATA_LICENCE', () => {
  it('is CC BY 4.0 unless set', () => {
    expect(loadConfig({}).dataLicence).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('takes the URI of another licence', () => {
    const cc0 = 'https://creativecommons.org/publicdomain/zero/1.0/';
    expect(loadConfig({ DATA_LICENCE: cc0 }).dataLicence).toBe(cc0);
  });

  it('refuses a value that is not an http(s) URI, naming the variable', () => {
    for (const value of ['CC BY 4.0', 'ftp://example.org/licence']) {
      expect(() => loadConfig({ DATA_LICENCE: value })).toThrow(ConfigError);
      expect(() => loadConfig({ DATA_LICENCE: value })).toThrow(/DATA_LICENCE/);
    }
  });
});
