import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';

const TABLES = [
  'action_plan',
  'theme',
  'agency',
  'commitment',
  'commitment_agency',
  'milestone',
  'status_update',
  'assessment',
  'source',
  'migration',
];

/** Rows per table, straight from the database. */
async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ count }] = await db.dataSource.query<{ count: string }[]>(
      `SELECT COUNT(*) AS count FROM ${table}`,
    );
    counts[table] = Number(count);
  }
  return counts;
}

/** What a reader sees: the plans, and every commitment with its milestones. */
async function publicView(api: TestApp) {
  const result = await graphql(
    api.baseUrl,
    `
      {
        actionPlans {
          totalCount
          nodes {
            slug
          }
        }
        commitments(planSlug: "dk-2017-2019", first: 100) {
          totalCount
          nodes {
            id
            ogpId
            milestones {
              id
              status
              version
            }
            progress {
              percent
              coverage
              completion
            }
          }
        }
        dashboard(planSlug: "dk-2017-2019") {
          overall {
            percent
            coverage
            completion
          }
        }
      }
    `,
  );
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error(`No data: ${JSON.stringify(result.errors)}`);
  return result.data;
}

describe('restarting the app on the same database', () => {
  let db: TestDatabase;
  let api: TestApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('keeps the same data and loads nothing twice', async () => {
    api = await startTestApp({ databaseUrl: db.url });
    const before = await publicView(api);
    await api.close();
    api = undefined;
    const countsBefore = await rowCounts(db);

    api = await startTestApp({ databaseUrl: db.url });
    const after = await publicView(api);
    const countsAfter = await rowCounts(db);

    expect(before.actionPlans.totalCount).toBe(1);
    expect(before.commitments.totalCount).toBe(14);
    expect(countsBefore.action_plan).toBe(1);
    expect(countsBefore.commitment).toBe(14);
    expect(countsBefore.milestone).toBeGreaterThan(0);
    expect(countsBefore.status_update).toBeGreaterThan(0);
    expect(countsAfter).toEqual(countsBefore);
    expect(after).toEqual(before);
  });
});
