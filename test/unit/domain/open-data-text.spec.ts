import { DatePrecision } from '@ogp/common';
import { XMLValidator } from 'fast-xml-parser';
import { html, partialDateOfEnd, pick, xml } from '@ogp/domain/open-data/open-data.text';

describe('open data text', () => {
  it('writes the partial date of the period an effective date ends', () => {
    expect(partialDateOfEnd('2018-10-24', DatePrecision.DAY)).toBe('2018-10-24');
    expect(partialDateOfEnd('2018-10-31', DatePrecision.MONTH)).toBe('2018-10');
    expect(partialDateOfEnd('2018-09-30', DatePrecision.QUARTER)).toBe('2018-Q3');
    expect(partialDateOfEnd('2018-06-30', DatePrecision.HALF_YEAR)).toBe('2018-H1');
    expect(partialDateOfEnd('2020-12-31', DatePrecision.YEAR)).toBe('2020');
  });

  it('keeps any note a valid XML document: markup escaped, characters XML cannot hold dropped', () => {
    const note = 'R&D <b>"done"</b> \u0001\u000b it\'s æøå \u{1F600}';
    const document = `<summary title="${xml(note)}">${xml(note)}</summary>`;
    expect(XMLValidator.validate(document)).toBe(true);
    expect(xml(note)).toBe('R&amp;D &lt;b&gt;&quot;done&quot;&lt;/b&gt;  it&apos;s æøå \u{1F600}');
    expect(html("it's")).toBe('it&#39;s');
  });

  it("takes the reader's language, else the other one, saying which", () => {
    expect(pick({ da: 'Delmål', en: 'Milestone' }, 'en')).toEqual({
      value: 'Milestone',
      lang: 'en',
    });
    expect(pick({ da: 'Delmål', en: null }, 'en')).toEqual({ value: 'Delmål', lang: 'da' });
    expect(pick({ da: ' ', en: null }, 'da')).toBeNull();
  });
});
