import { Role } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const MILESTONE = `query { commitment(ogpId: "DK0051") { milestones { id version verification history { id } } } }`;
const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { statusUpdate { id } }
}`;
const VERIFY = `mutation ($input: VerifyMilestoneInput!) {
  verifyMilestone(input: $input) { milestone { verification } verification { verdict statusUpdateId } }
}`;

describe('a verdict names the report it judges', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Record<string, string>;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    admin = await signIn(api.baseUrl, await createTestUser(db.dataSource, { roles: [Role.ADMIN] }));
    reviewer = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
    );
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function milestone() {
    const result = await graphql<{
      commitment: {
        milestones: {
          id: string;
          version: number;
          verification: string;
          history: { id: string }[];
        }[];
      };
    }>(api.baseUrl, MILESTONE, {}, reviewer);
    expect(result.errors).toBeUndefined();
    return result.data!.commitment.milestones[0];
  }

  it('refuses a verdict on a report that is no longer the latest (CONFLICT, nothing recorded), then takes it on the latest', async () => {
    const read = await milestone();
    const seen = read.history[0].id;

    // The agency reports again after the reviewer read the milestone.
    const recorded = await graphql<{ recordMilestoneUpdate: { statusUpdate: { id: string } } }>(
      api.baseUrl,
      RECORD,
      {
        input: {
          milestoneId: read.id,
          expectedVersion: read.version,
          status: 'IN_PROGRESS',
          progressPercent: 90,
        },
      },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    const newer = recorded.data!.recordMilestoneUpdate.statusUpdate.id;

    const stale = await graphql(
      api.baseUrl,
      VERIFY,
      { input: { milestoneId: read.id, statusUpdateId: seen, verdict: 'VERIFIED' } },
      reviewer,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.statusUpdateId',
      latestUpdate: { id: newer, status: 'IN_PROGRESS', progressPercent: 90 },
    });
    expect((await milestone()).verification).toBe('UNVERIFIED');

    const current = await graphql(
      api.baseUrl,
      VERIFY,
      { input: { milestoneId: read.id, statusUpdateId: newer, verdict: 'VERIFIED' } },
      reviewer,
    );
    expect(current.errors).toBeUndefined();
    expect(current.data).toEqual({
      verifyMilestone: {
        milestone: { verification: 'VERIFIED' },
        verification: { verdict: 'VERIFIED', statusUpdateId: newer },
      },
    });
  });

  it('names the field when the id is not one the API gave out', async () => {
    const read = await milestone();
    const answer = await graphql(
      api.baseUrl,
      VERIFY,
      { input: { milestoneId: read.id, statusUpdateId: 'not-an-id', verdict: 'VERIFIED' } },
      reviewer,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.statusUpdateId',
    });
  });
});
