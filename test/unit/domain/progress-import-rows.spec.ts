import { MilestoneStatus, Visibility } from '@ogp/common';
import ExcelJS from 'exceljs';
import { parseSheet, readImportFile } from '@ogp/domain/progress-imports';

const ID = '3f1c9a52-8d0e-4b7a-9c61-2e5f0a7b8c9d';

describe('progress import: reading rows', () => {
  it('reads a Danish semicolon CSV with a byte order mark, labels for status, and skips untouched rows', async () => {
    const csv =
      '\uFEFFOGP-id;Milepæl nr.;Milepæl-id;Forventet version;Ny status;Ny procent;Note (dansk);Synlighed\r\n' +
      `DK0051;1;${ID};3;I gang;45 %;"Første; linje\nanden linje";Intern\r\n` +
      'DK0052;2;;0;;;;\r\n' +
      ';;;;;;;\r\n';
    const sheet = parseSheet(await readImportFile(Buffer.from(csv, 'utf8'), 'csv'));
    expect(sheet.problems).toEqual([]);
    expect(sheet.columns.locale).toBe('da');
    expect(sheet.skipped).toBe(1);
    expect(sheet.rows).toEqual([
      {
        row: 2,
        milestoneId: ID,
        ogpId: 'DK0051',
        milestoneNumber: 1,
        keyColumn: 'milestoneId',
        expectedVersion: 3,
        update: {
          status: MilestoneStatus.IN_PROGRESS,
          progressPercent: 45,
          effectiveDate: null,
          actualStart: null,
          actualEnd: null,
          note: { da: 'Første; linje\nanden linje' },
          evidence: null,
          visibility: Visibility.INTERNAL,
        },
      },
    ]);
  });

  it('reads a Latin-1 CSV, as a spreadsheet saves Danish text', async () => {
    const csv = `Milepæl-id;Forventet version;Ny status;Note (dansk)\n${ID};0;I gang;Første skridt på vej\n`;
    const sheet = parseSheet(await readImportFile(Buffer.from(csv, 'latin1'), 'csv'));
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows[0].update?.note).toEqual({ da: 'Første skridt på vej' });
  });

  it('names every problem with its row and the column as the file writes it', async () => {
    const csv =
      'OGP ID,Milestone no.,Expected version,New status,New percent,Visibility,Evidence URLs,Evidence titles\n' +
      'DK0051,1,x,DONE,4.5,SECRET,,\n' +
      ',,2,COMPLETED,,,https://a.example https://b.example,"Three titles\nfor two\naddresses"\n';
    const sheet = parseSheet(await readImportFile(Buffer.from(csv, 'utf8'), 'csv'));
    expect(sheet.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([
      [2, 'Expected version', 'progress.versionWholeNumber'],
      [2, 'New status', 'progress.unknownStatus'],
      [2, 'New percent', 'progressImport.wholeNumber'],
      [2, 'Visibility', 'progressImport.visibility'],
      [3, 'OGP ID', 'progressImport.keyRequired'],
      [3, 'Evidence titles', 'progressImport.evidenceTitles'],
    ]);
    expect(sheet.rows.every((row) => row.update === null)).toBe(true);
    expect(sheet.problems.at(-1)!.params).toEqual({ titles: 3, urls: 2 });
  });

  it('refuses a header row without the milestone keys, the version or the status', async () => {
    const sheet = parseSheet(
      await readImportFile(Buffer.from('Milestone,New percent\nx,5\n', 'utf8'), 'csv'),
    );
    expect(sheet.rows).toEqual([]);
    expect(sheet.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([
      [1, null, 'progressImport.keyColumns'],
      [1, 'Expected version', 'progressImport.missingColumn'],
      [1, 'New status', 'progressImport.missingColumn'],
    ]);
  });

  it('reads XLSX cells as written: dates as days, formulas as their text, links as their address', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Progress');
    sheet.addRow([
      'Milestone id',
      'Expected version',
      'New status',
      'Actual end',
      'Note (English)',
      'Evidence URLs',
      'Evidence titles',
    ]);
    sheet.addRow([
      ID,
      0,
      'COMPLETED',
      new Date('2019-03-15T00:00:00Z'),
      { formula: 'HYPERLINK("http://x","y")', result: 'y' },
      { text: 'report', hyperlink: 'https://example.org/report' },
      'The report',
    ]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const parsed = parseSheet(await readImportFile(body, 'xlsx'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0].update).toMatchObject({
      status: MilestoneStatus.COMPLETED,
      actualEnd: '2019-03-15',
      note: { en: '=HYPERLINK("http://x","y")' },
      evidence: [{ url: 'https://example.org/report', title: 'The report' }],
    });
  });

  it('says a file that is not of its format cannot be read', async () => {
    await expect(readImportFile(Buffer.from('not a workbook'), 'xlsx')).rejects.toMatchObject({
      reason: { key: 'progressImport.unreadable', params: { format: 'XLSX' } },
    });
  });
});
