import { createHash, randomBytes } from 'node:crypto';
import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

/*
 * Public reads over GET, cached: an anonymous answer carries a strong ETag made of the data versions, answers 304
 * while nothing was written, and changes as soon as a write commits; a signed-in caller's answers are private and
 * never cross with the anonymous ones, in either order.
 */

const PLAN = 'dk-2017-2019';
const DASHBOARD = `query ($planSlug: String!) {
  dashboard(planSlug: $planSlug) { plan { title { da en } } overall { percent coverage completion } }
}`;
const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { milestone { id version progressPercent } }
}`;
const MILESTONES = `query ($ogpId: String!) {
  commitment(ogpId: $ogpId) { milestones { id version status progressPercent } }
}`;

interface GetAnswer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

/** A GraphQL GET as a browser's fetch sends it (with the header Apollo asks of a GET against CSRF). */
async function get(
  baseUrl: string,
  params: { query?: string; variables?: Record<string, unknown>; hash?: string },
  headers: Record<string, string> = {},
): Promise<GetAnswer> {
  const search = new URLSearchParams();
  if (params.query) search.set('query', params.query);
  search.set('variables', JSON.stringify(params.variables ?? {}));
  if (params.hash) {
    search.set(
      'extensions',
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: params.hash } }),
    );
  }
  const response = await fetch(`${baseUrl}/graphql?${search.toString()}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as GetAnswer['body']) : null,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('cached public reads over GET', () => {
  let db: TestDatabase;
  let api: TestApp;
  const viewers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const make = async (roles: Role[], agencySlugs: string[] = []) =>
      signIn(api.baseUrl, await createTestUser(db.dataSource, { roles, agencySlugs }));
    viewers.anonymous = {};
    viewers.leadCoordinator = await make([Role.COORDINATOR], ['digitaliseringsstyrelsen']);
    viewers.otherCoordinator = await make([Role.COORDINATOR], ['finansministeriet']);
    viewers.reviewer = await make([Role.REVIEWER]);
    viewers.administrator = await make([Role.ADMIN]);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function record(ogpId: string, input: Record<string, unknown>) {
    const before = await graphql(api.baseUrl, MILESTONES, { ogpId }, viewers.leadCoordinator);
    const [milestone] = before.data!.commitment.milestones;
    const result = await graphql(
      api.baseUrl,
      RECORD,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: milestone.status ?? 'IN_PROGRESS',
          ...input,
        },
      },
      viewers.leadCoordinator,
    );
    expect(result.errors).toBeUndefined();
    return milestone as { id: string; progressPercent: number | null };
  }

  it('answers an anonymous GET with a strong ETag, 304 to If-None-Match, and a new answer after a write', async () => {
    const variables = { planSlug: PLAN };
    const first = await get(api.baseUrl, { query: DASHBOARD, variables });
    expect(first.status).toBe(200);
    expect(first.body?.errors).toBeUndefined();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('vary')).toMatch(/cookie/i);

    const again = await get(
      api.baseUrl,
      { query: DASHBOARD, variables },
      { 'if-none-match': etag! },
    );
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    // The same again without If-None-Match: the same answer, from the cache.
    const kept = await get(api.baseUrl, { query: DASHBOARD, variables });
    expect(kept.headers.get('x-cache')).toBe('hit');
    expect(kept.body).toEqual(first.body);
    // Kept gzipped too, for clients that take gzip (fetch does, and decodes it), and as is for the others.
    expect(kept.headers.get('content-encoding')).toBe('gzip');
    const plain = await get(
      api.baseUrl,
      { query: DASHBOARD, variables },
      { 'accept-encoding': 'identity' },
    );
    expect(plain.headers.get('x-cache')).toBe('hit');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body).toEqual(first.body);

    // A coordinator reports a milestone of DK0051 done; the very next GET has the new figure.
    await record('DK0051', {
      status: 'COMPLETED',
      progressPercent: 100,
      actualEnd: '2019-06',
      evidence: [{ url: 'https://digst.dk/nyheder/test-data-report', title: 'Report (test data)' }],
    });
    const after = await get(
      api.baseUrl,
      { query: DASHBOARD, variables },
      { 'if-none-match': etag! },
    );
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const truth = await graphql(api.baseUrl, DASHBOARD, variables);
    expect(after.body?.data).toEqual(truth.data);
    expect(after.body?.data.dashboard.overall.percent).toBeGreaterThan(
      first.body?.data.dashboard.overall.percent,
    );
  });

  describe('an INTERNAL update', () => {
    let internalPercent: number;
    let publicPercent: number | null;
    beforeAll(async () => {
      const milestone = await record('DK0056', { progressPercent: 95, visibility: 'INTERNAL' });
      publicPercent = milestone.progressPercent;
      internalPercent = 95;
      expect(publicPercent).not.toBe(internalPercent);
    });

    const SEES = {
      anonymous: false,
      otherCoordinator: false,
      leadCoordinator: true,
      reviewer: true,
      administrator: true,
    };

    it.each(Object.entries(SEES))(
      'is seen by %s: %s, whichever of the anonymous and the signed-in GET comes first',
      async (viewer, sees) => {
        // A query of its own per case and order, so each starts with nothing cached.
        for (const signedInFirst of [false, true]) {
          const query = `query ($ogpId: String!) { commitment(ogpId: $ogpId) {
            milestones { id progressPercent } } } # ${viewer} ${String(signedInFirst)}`;
          const ask = (headers: Record<string, string>) =>
            get(api.baseUrl, { query, variables: { ogpId: 'DK0056' } }, headers);
          const answers = signedInFirst
            ? [await ask(viewers[viewer]), await ask({})]
            : [await ask({}), await ask(viewers[viewer])].reverse();
          const [theirs, anonymous] = answers;
          const percent = (answer: GetAnswer) =>
            (answer.body?.data.commitment.milestones[0].progressPercent as number) ?? null;
          expect(percent(anonymous)).toBe(publicPercent);
          expect(percent(theirs)).toBe(sees ? internalPercent : publicPercent);
          expect(anonymous.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
          if (viewer !== 'anonymous') {
            expect(theirs.headers.get('cache-control')).toBe('private, no-store');
            expect(theirs.headers.get('x-cache')).toBeNull();
            // The anonymous answer's ETag, sent with a cookie, is not taken for theirs.
            const revalidated = await get(
              api.baseUrl,
              { query, variables: { ogpId: 'DK0056' } },
              { ...viewers[viewer], 'if-none-match': anonymous.headers.get('etag')! },
            );
            expect(revalidated.status).toBe(200);
            expect(percent(revalidated)).toBe(sees ? internalPercent : publicPercent);
          }
        }
      },
    );
  });

  it('answers an unknown persisted query with PERSISTED_QUERY_NOT_FOUND, and by its hash once registered', async () => {
    const query = `query ($planSlug: String!) { dashboard(planSlug: $planSlug) { overall { percent } } } # ${randomBytes(4).toString('hex')}`;
    const hash = sha256(query);
    const variables = { planSlug: PLAN };
    const unknown = await get(api.baseUrl, { hash, variables });
    expect(unknown.body?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // No strong ETag of the cache (Express's weak one of the body at most): nothing to revalidate.
    expect(unknown.headers.get('etag') ?? '').not.toMatch(/^"/);
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const registered = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    });
    expect(registered.status).toBe(200);
    expect(registered.headers.get('cache-control')).toBe('no-store');

    const known = await get(api.baseUrl, { hash, variables });
    expect(known.status).toBe(200);
    expect(known.body?.errors).toBeUndefined();
    expect(known.body?.data.dashboard.overall.percent).toEqual(expect.any(Number));
    expect(known.headers.get('etag')).toBeTruthy();
  });

  it('refuses a mutation over GET, and a GET a browser could send cross-site', async () => {
    const mutation = await get(api.baseUrl, { query: 'mutation { logout }' });
    expect(mutation.status).toBe(405);
    expect(mutation.body?.errors?.[0]?.message).toMatch(/GET/);

    const search = new URLSearchParams({ query: '{ dataLicence }' });
    const simple = await fetch(`${api.baseUrl}/graphql?${search.toString()}`);
    expect(simple.status).toBe(400);
    expect(simple.headers.get('etag') ?? '').not.toMatch(/^"/);
  });
});
