import { getIntrospectionQuery } from 'graphql';
import type { Client } from 'graphql-ws';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { LiveResults, graphqlWsClient } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';

/**
 * `levels` fragments, each spreading the next one twice: 2^levels paths through a document of a few hundred
 * bytes. The last one selects `leaf` on `type`.
 */
function doubledFragments(operation: string, type: string, leaf: string, levels = 21): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on ${type} { ${leaf} }`
      : `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }`,
  );
  return `${operation} { ...F0 } ${fragments.join(' ')}`;
}

const QUERY = doubledFragments('query', 'Query', '__typename');
const SUBSCRIPTION = doubledFragments(
  'subscription',
  'Subscription',
  'planActivity(planSlug: "dk-2017-2019") { sequence }',
);

// Round trips over loopback on a busy machine: generous next to the 10 ms of server time the check may take,
// and far below the seconds the old check blocked the server for (4.5 s for this document).
const REFUSED_WITHIN_MS = 500;

describe('depth limit: fragments nested to blow up the check are refused at once', () => {
  let db: TestDatabase;
  let api: TestApp;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url, env: { SEED_PLAN_FILE: 'none' } });
    await graphql(api.baseUrl, '{ __typename }'); // the first request's one-off costs are not the check's
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await api?.close();
    await db?.drop();
  }, 60_000);

  it('over HTTP: refused as a validation failure naming the problem, quickly', async () => {
    const started = performance.now();
    const result = await graphql(api.baseUrl, QUERY);
    const elapsed = performance.now() - started;
    expect(result.status).toBe(400);
    expect(result.data).toBeNull();
    // What the depth limit answered before (Apollo reports validation rules' errors as GRAPHQL_VALIDATION_FAILED).
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      result.errors?.[0].extensions?.code,
    );
    expect(result.errors?.[0].message).toMatch(/Fragments are nested deeper than the limit of 12/);
    expect(elapsed).toBeLessThan(REFUSED_WITHIN_MS);
  }, 30_000);

  it('over the websocket: the subscription is refused with GRAPHQL_VALIDATION_FAILED, quickly', async () => {
    const client = graphqlWsClient(api.baseUrl);
    clients.push(client);
    const started = performance.now();
    const live = new LiveResults(client, SUBSCRIPTION);
    await live.waitForEnd(30_000);
    const elapsed = performance.now() - started;
    const errors = live.error as { message: string; extensions?: Record<string, unknown> }[];
    expect(Array.isArray(errors)).toBe(true);
    expect(errors.map((error) => error.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(errors.map((error) => error.message)).toContainEqual(
      expect.stringMatching(/Fragments are nested deeper than the limit of 12/),
    );
    expect(elapsed).toBeLessThan(REFUSED_WITHIN_MS);
  }, 30_000);

  it('keeps /healthz answering while 20 such documents arrive at once', async () => {
    // Each one different, so that no cache of checked documents spares the server the check.
    const attacks = Array.from({ length: 20 }, (_, i) =>
      graphql(api.baseUrl, doubledFragments(`query Attack${i}`, 'Query', '__typename')),
    );
    let settled = false;
    const all = Promise.all(attacks).finally(() => (settled = true));
    // Ask /healthz again and again while the documents are being answered; the slowest answer counts.
    const waits: number[] = [];
    do {
      const started = performance.now();
      const health = await fetch(`${api.baseUrl}/healthz`);
      waits.push(performance.now() - started);
      expect(health.status).toBe(200);
    } while (!settled);
    // The bound: /healthz answers in well under a second (it waited 4.2 s behind one document).
    expect(Math.max(...waits)).toBeLessThan(1000);
    for (const result of await all) {
      expect(result.errors?.[0].message).toMatch(/Fragments are nested deeper/);
    }
  }, 120_000);

  it('still answers a query with a fragment within the limits', async () => {
    const result = await graphql(
      api.baseUrl,
      'query { ...Top } fragment Top on Query { ...Inner } fragment Inner on Query { __typename }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  describe('introspection, which tools send as graphql-js builds it', () => {
    it.each([
      ['getIntrospectionQuery()', getIntrospectionQuery()],
      [
        'getIntrospectionQuery({ descriptions, specifiedByUrl, inputValueDeprecation })',
        getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          inputValueDeprecation: true,
        }),
      ],
    ])('%s is answered with the schema', async (_name, query) => {
      const result = await graphql<{ __schema: { queryType: { name: string }; types: unknown[] } }>(
        api.baseUrl,
        query,
      );
      expect(result.errors).toBeUndefined();
      expect(result.status).toBe(200);
      expect(result.data?.__schema.queryType.name).toBe('Query');
      expect(result.data?.__schema.types.length).toBeGreaterThan(10);
    });

    it('a deep query of normal fields is still refused, alone or beside introspection', async () => {
      // actionPlans, then commitments / actionPlan in turn: 13 levels of selection sets, one past the limit of 12.
      let selection = 'slug';
      for (let i = 0; i < 6; i++) selection = `commitments { actionPlan { ${selection} } }`;
      const deep = `actionPlans { ${selection} }`;
      for (const query of [`{ ${deep} }`, `{ __schema { queryType { name } } ${deep} }`]) {
        const result = await graphql(api.baseUrl, query);
        expect(result.status).toBe(400);
        expect(result.errors?.[0].message).toMatch(/Query is nested deeper than the limit of 12/);
      }
    });
  });
});
