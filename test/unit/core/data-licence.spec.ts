import { ConfigError, loadConfig } from '@ogp/core';

describe('DATA_LICENCE', () => {
  it('is CC BY 4.0 unless set', () => {
    expect(loadConfig({}).dataLicence).toBe('CC BY 4.0');
    expect(loadConfig({ DATA_LICENCE: '  ' }).dataLicence).toBe('CC BY 4.0');
  });

  it('takes the licence a deployment names', () => {
    expect(loadConfig({ DATA_LICENCE: 'CC0 1.0' }).dataLicence).toBe('CC0 1.0');
  });

  it('refuses a value that cannot stand on one line of an export, naming the variable', () => {
    expect(() => loadConfig({ DATA_LICENCE: 'CC BY 4.0\nsecond line' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_LICENCE: 'x'.repeat(201) })).toThrow(/DATA_LICENCE/);
  });
});
