import { PlanLoader } from '@ogp/domain';
import jsonld from 'jsonld';
import { buildPlanFile } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';

/*
 * The DCAT-AP catalogue of the open data, read back with a JSON-LD processor: expanded (no network: the context
 * is written out), one dataset per published plan, one distribution per file the tracker serves for it.
 */

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const LICENCE = 'https://creativecommons.org/publicdomain/zero/1.0/';
const FILES = [
  'export.csv',
  'export.irm.csv',
  'export.xlsx',
  'export.json',
  'export.pdf',
  'export.docx',
  'feed.atom',
];

type Node = Record<string, any>;
const ids = (node: Node, property: string): string[] =>
  (node[property] ?? []).map((value: Node) => value['@id'] as string);
const values = (node: Node, property: string): unknown[] =>
  (node[property] ?? []).map((value: Node) => value['@value']);

describe('GET /api/catalog.jsonld', () => {
  let db: TestDatabase;
  let api: TestApp;
  let catalog: Node;
  let datasets: Node[];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url, env: { DATA_LICENCE: LICENCE } });
    const loader = new PlanLoader(db.dataSource);
    await loader.load(buildPlanFile({ plan: { slug: 'catalogued', title: { en: 'Catalogued' } } }));
    await loader.load(
      buildPlanFile({ plan: { slug: 'not-catalogued', title: { en: 'Draft' }, published: false } }),
    );
    const response = await fetch(`${api.baseUrl}/api/catalog.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    // The processor throws on anything that is not JSON-LD, and would fetch a remote context (there is none).
    const expanded = (await jsonld.expand((await response.json()) as object)) as Node[];
    expect(expanded).toHaveLength(1);
    catalog = expanded[0];
    datasets = catalog[`${DCAT}dataset`] as Node[];
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('is a dcat:Catalog with a title and description in both languages, a publisher and the licence', () => {
    expect(catalog['@type']).toEqual([`${DCAT}Catalog`]);
    expect(catalog['@id']).toBe(`${api.baseUrl}/api/catalog.jsonld`);
    const titleLanguages = catalog[`${DCT}title`].map((t: Node) => t['@language']);
    expect(titleLanguages.sort()).toEqual(['da', 'en']);
    expect(catalog[`${DCT}description`]).toHaveLength(2);
    expect(catalog[`${DCT}publisher`][0][`${FOAF}name`].length).toBeGreaterThan(0);
    expect(ids(catalog, `${DCT}license`)).toEqual([LICENCE]);
  });

  it('has one dataset per published plan, as the public API lists them', async () => {
    const { data } = await graphql(api.baseUrl, 'query { actionPlans { nodes { slug } } }');
    const published = data!.actionPlans.nodes.map((p: { slug: string }) => p.slug).sort();
    expect(published).toEqual(['catalogued', 'dk-2017-2019']);
    expect(datasets.map((d) => values(d, `${DCT}identifier`)[0]).sort()).toEqual(published);
    for (const dataset of datasets) expect(dataset['@type']).toEqual([`${DCAT}Dataset`]);
  });

  it("describes Denmark's plan: its government, period, languages, licence and last change", async () => {
    const denmark = datasets.find((d) => values(d, `${DCT}identifier`)[0] === 'dk-2017-2019')!;
    const titles = values(denmark, `${DCT}title`);
    expect(titles).toContain('Open Government Partnership National Action Plan 2017-2019');
    const publisher = denmark[`${DCT}publisher`][0];
    expect(values(publisher, `${FOAF}name`)).toContain('Digitaliseringsstyrelsen');
    const period = denmark[`${DCT}temporal`][0];
    expect(period[`${DCAT}startDate`]).toEqual([{ '@value': '2017-01-01', '@type': `${XSD}date` }]);
    expect(period[`${DCAT}endDate`]).toEqual([{ '@value': '2019-12-31', '@type': `${XSD}date` }]);
    expect(ids(denmark, `${DCT}language`)).toEqual([
      'http://publications.europa.eu/resource/authority/language/DAN',
      'http://publications.europa.eu/resource/authority/language/ENG',
    ]);
    expect(ids(denmark, `${DCT}license`)).toEqual([LICENCE]);
    expect(ids(denmark, `${DCAT}landingPage`)).toEqual([`${api.baseUrl}/plans/dk-2017-2019`]);
    // Last changed when its latest public update was recorded.
    const [{ latest }]: { latest: Date }[] = await db.dataSource.query(
      `SELECT MAX(su.recorded_at) AS latest FROM status_update su
       JOIN action_plan p ON p.id = su.action_plan_id WHERE p.slug = 'dk-2017-2019'`,
    );
    const modified = denmark[`${DCT}modified`][0];
    expect(modified['@type']).toBe(`${XSD}dateTime`);
    expect(new Date(modified['@value'] as string).getTime()).toBeGreaterThanOrEqual(
      new Date(latest).getTime(),
    );
  });

  it('offers every export and the feed of each plan as a distribution with its media type', async () => {
    for (const dataset of datasets) {
      const slug = values(dataset, `${DCT}identifier`)[0] as string;
      const distributions = dataset[`${DCAT}distribution`] as Node[];
      expect(distributions.map((d) => ids(d, `${DCAT}downloadURL`)[0])).toEqual(
        FILES.map((file) => `${api.baseUrl}/api/plans/${slug}/${file}`),
      );
      for (const distribution of distributions) {
        expect(distribution['@type']).toEqual([`${DCAT}Distribution`]);
        expect(ids(distribution, `${DCAT}mediaType`)[0]).toMatch(
          /^http:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[a-z0-9.+-]+$/,
        );
        expect(ids(distribution, `${DCT}license`)).toEqual([LICENCE]);
        expect(values(distribution, `${DCT}title`)).toHaveLength(2);
      }
      const feed = distributions.at(-1)!;
      expect(ids(feed, `${DCAT}mediaType`)).toEqual([
        'http://www.iana.org/assignments/media-types/application/atom+xml',
      ]);
      const response = await fetch(ids(feed, `${DCAT}downloadURL`)[0]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    }
  });
});
