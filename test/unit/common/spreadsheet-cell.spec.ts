import { neutraliseCell, neutraliseOptionalCell } from '@ogp/common';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('puts an apostrophe before %j, so a spreadsheet shows it as text', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each([
    ['Afsluttet i 2019'],
    ['2018-H1'],
    ['a = b'],
    ['x-y'],
    ['mail@example.org'],
    [' =1+1'],
    [''],
    ["'already quoted"],
  ])('leaves %j as it is: no formula can start there', (text) => {
    expect(neutraliseCell(text)).toBe(text);
  });

  it('keeps Danish letters and the rest of the text untouched', () => {
    expect(neutraliseCell('=Æble, øl og å')).toBe("'=Æble, øl og å");
  });

  it('makes an absent text the empty cell', () => {
    expect(neutraliseOptionalCell(null)).toBe('');
    expect(neutraliseOptionalCell(undefined)).toBe('');
    expect(neutraliseOptionalCell('@x')).toBe("'@x");
  });
});
