import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', '..', '..', 'apps', 'dashboard', 'src', 'i18n');
const areas = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const load = (area: string, locale: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, area, `${locale}.json`), 'utf8')) as Record<string, unknown>;
const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();

describe('dashboard messages', () => {
  it('are loaded by the translator from every area folder', () => {
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    expect(areas.length).toBeGreaterThan(1);
    for (const area of areas) {
      expect([area, index.includes(`./${area}/da.json`)]).toEqual([area, true]);
      expect([area, index.includes(`./${area}/en.json`)]).toEqual([area, true]);
    }
  });

  describe.each(areas)('area %s', (area) => {
    const da = load(area, 'da');
    const en = load(area, 'en');

    it('has the same keys in Danish and English', () => {
      expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    });

    it('has a non-empty string for every key, with the same placeholders in both languages', () => {
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

  it('has no key in two areas (a later area would silently replace an earlier one)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const area of areas) {
      for (const key of Object.keys(load(area, 'da'))) {
        if (owner.has(key)) clashes.push(`${key} in ${owner.get(key)} and ${area}`);
        owner.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });
});
