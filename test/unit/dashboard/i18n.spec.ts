import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', '..', '..', 'apps', 'dashboard', 'src', 'i18n');
const load = (locale: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Record<string, unknown>;

describe('dashboard messages', () => {
  const da = load('da');
  const en = load('en');

  it('has the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('has a non-empty string for every key, with the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(da)) {
      expect([key, typeof da[key], typeof en[key]]).toEqual([key, 'string', 'string']);
      expect((da[key] as string).trim()).not.toBe('');
      expect((en[key] as string).trim()).not.toBe('');
      expect([key, placeholders(en[key] as string)]).toEqual([
        key,
        placeholders(da[key] as string),
      ]);
    }
  });
});
