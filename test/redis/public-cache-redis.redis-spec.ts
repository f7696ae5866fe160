import { createHash, randomBytes } from 'node:crypto';
import { Role } from '@ogp/common';
import Redis from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

/*
 * Two API processes on one database and one Redis: an anonymous answer computed by one is served by the other
 * from Redis, with the same ETag; after a write through either, both answer anew.
 */

function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is unset: the redis project needs a Redis server');
  return url;
}

const prefix = `ogp-test-${randomBytes(6).toString('hex')}:`;
const QUERY = `query ($ogpId: String!) { commitment(ogpId: $ogpId) {
  progress { percent } milestones { id version status progressPercent } } }`;

async function get(api: TestApp, headers: Record<string, string> = {}) {
  const search = new URLSearchParams({ query: QUERY, variables: '{"ogpId":"DK0051"}' });
  const response = await fetch(`${api.baseUrl}/graphql?${search.toString()}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cache: response.headers.get('x-cache'),
    body: text ? (JSON.parse(text) as { data: any }) : null,
  };
}

describe('cached public answers shared between API processes through Redis', () => {
  let db: TestDatabase;
  let apiA: TestApp;
  let apiB: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    const env = { REDIS_URL: redisUrl(), REDIS_CHANNEL_PREFIX: prefix };
    apiA = await startTestApp({ databaseUrl: db.url, env });
    apiB = await startTestApp({ databaseUrl: db.url, env });
    redis = new Redis(redisUrl());
  }, 60_000);

  afterAll(async () => {
    const keys = await redis?.keys(`${prefix}*`);
    if (keys?.length) await redis.del(...keys);
    await redis?.quit();
    await apiA?.close();
    await apiB?.close();
    await db?.drop();
  });

  it('knows a persisted query registered with one process in the other', async () => {
    const query = `{ dataLicence } # ${randomBytes(4).toString('hex')}`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const byHash = async (api: TestApp) => {
      const search = new URLSearchParams({ extensions });
      const response = await fetch(`${api.baseUrl}/graphql?${search.toString()}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions: unknown }[] };
    };
    expect((await byHash(apiB)).errors?.[0]?.extensions).toMatchObject({
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
    const registered = await fetch(`${apiA.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: JSON.parse(extensions) as unknown }),
    });
    expect(registered.status).toBe(200);
    const known = await byHash(apiB);
    expect(known.errors).toBeUndefined();
    expect(known.data).toEqual({ dataLicence: expect.any(String) });
  });

  it("serves one process's answer from the other, and neither serves it after a write", async () => {
    const first = await get(apiA);
    expect(first.cache).toBe('miss');
    // The answer is kept in Redis under the key its ETag names.
    expect(await redis.exists(`${prefix}answers:${first.etag!.slice(1, -1)}`)).toBe(1);
    const fromB = await get(apiB);
    expect(fromB.cache).toBe('hit');
    expect(fromB.etag).toBe(first.etag);
    expect(fromB.body).toEqual(first.body);
    expect((await get(apiB, { 'if-none-match': first.etag! })).status).toBe(304);

    // A coordinator of the lead agency records an update through A.
    const coordinator = await signIn(
      apiA.baseUrl,
      await createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
    );
    const [milestone] = first.body!.data.commitment.milestones;
    const recorded = await graphql(
      apiA.baseUrl,
      `
        mutation ($input: RecordMilestoneUpdateInput!) {
          recordMilestoneUpdate(input: $input) {
            milestone {
              version
            }
          }
        }
      `,
      {
        input: {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          status: milestone.status ?? 'IN_PROGRESS',
          progressPercent: 90,
        },
      },
      coordinator,
    );
    expect(recorded.errors).toBeUndefined();

    const afterB = await get(apiB, { 'if-none-match': first.etag! });
    expect(afterB.status).toBe(200);
    expect(afterB.cache).toBe('miss');
    expect(afterB.etag).not.toBe(first.etag);
    expect(afterB.body!.data.commitment.milestones[0].progressPercent).toBe(90);
    const afterA = await get(apiA);
    expect(afterA.cache).toBe('hit');
    expect(afterA.etag).toBe(afterB.etag);
  });
});
