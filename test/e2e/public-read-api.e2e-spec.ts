import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';

describe('public read API over HTTP (Denmark 2017-2019 seeded)', () => {
  let db: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers the plan with 14 commitments and four themes', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          actionPlan(slug: "dk-2017-2019") {
            commitments {
              totalCount
            }
            themes {
              key
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.actionPlan.commitments.totalCount).toBe(14);
    expect(result.data?.actionPlan.themes.map((t: { key: string }) => t.key)).toEqual([
      'open_data',
      'tailored_data',
      'better_public_sector',
      'global_openness',
    ]);
  });

  it('answers NOT_FOUND naming an unknown slug', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          actionPlan(slug: "xx-1999") {
            slug
          }
        }
      `,
    );
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].message).toContain('xx-1999');
  });
});
