import { createTestDatabase, type TestDatabase } from '../utils/database';
import { apiData, csvRows, download, loadXlsx, sheetRows } from '../utils/exports';
import { startTestApp, type TestApp } from '../utils/test-app';

const PLAN = 'dk-2017-2019';
const CC0 = 'https://creativecommons.org/publicdomain/zero/1.0/';

describe('a deployment that names another data licence (DATA_LICENCE)', () => {
  let db: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url, env: { DATA_LICENCE: CC0 } });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('states it in the API, on every CSV row, in the XLSX summary and in the JSON file', async () => {
    expect((await apiData(api.baseUrl, '{ dataLicence }')).dataLicence).toBe(CC0);

    const rows = csvRows((await download(api.baseUrl, `/api/plans/${PLAN}/export.csv`)).body);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.Datalicens))).toEqual(new Set([`CC0 1.0 (${CC0})`]));

    const workbook = await loadXlsx(
      (await download(api.baseUrl, `/api/plans/${PLAN}/export.xlsx?lang=en`)).body,
    );
    const summary = sheetRows(workbook.getWorksheet('Summary')!);
    expect(summary).toContainEqual({ Item: 'Data licence', Value: `CC0 1.0 (${CC0})` });

    const file = JSON.parse(
      (await download(api.baseUrl, `/api/plans/${PLAN}/export.json`)).body.toString('utf8'),
    );
    expect(file.export.licence).toBe(CC0);
  });
});
