import { csvField, csvFileName, toCsv } from '../../../apps/dashboard/src/components/csv';

describe('a table as CSV', () => {
  it('writes RFC 4180: commas between fields, CRLF after every line, led by a UTF-8 byte order mark', () => {
    expect(
      toCsv([
        ['Tema', 'Fuldført'],
        ['Åbne data', '3'],
      ]),
    ).toBe('\uFEFFTema,Fuldført\r\nÅbne data,3\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('66,7 %')).toBe('"66,7 %"');
    expect(csvField('the "Open" plan')).toBe('"the ""Open"" plan"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain words')).toBe('plain words');
    expect(csvField('')).toBe('');
  });

  it.each(['=1+1', '+45 1234', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises %j, which a spreadsheet would run as a formula, with a leading quote',
    (cell) => {
      const field = csvField(cell);
      // Quoted or not, the text a spreadsheet reads starts with ' and keeps the cell whole.
      const read = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
      expect(read).toBe(`'${cell}`);
    },
  );

  it('leaves cells that only contain those signs further on as they are', () => {
    expect(csvField('1 - 2')).toBe('1 - 2');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('2018 – 2019')).toBe('2018 – 2019');
  });

  it('neutralises a formula that also needs quoting', () => {
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it('names the file after the caption, Danish letters spelled out', () => {
    expect(csvFileName('Forpligtelser pr. fuldførelsesniveau og tema')).toBe(
      'forpligtelser-pr-fuldfoerelsesniveau-og-tema.csv',
    );
    expect(csvFileName('Åbne data: æbler & ål')).toBe('aabne-data-aebler-aal.csv');
    expect(csvFileName('Progress by lead agency')).toBe('progress-by-lead-agency.csv');
    expect(csvFileName('  ')).toBe('table.csv');
  });
});
