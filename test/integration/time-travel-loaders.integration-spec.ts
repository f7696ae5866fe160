import { Role } from '@ogp/common';
import type { Actor } from '@ogp/core';
import { RequestLoaders } from '@ogp/domain';
import { buildPlanFile, createPlan, historyEntry } from '../factories/plan-file.factory';
import { testActor } from '../utils/actors';
import { createTestDatabase, type TestDatabase } from '../utils/database';

/*
 * The request's loaders as of a date: one set per date and request (so each edge stays one batched query),
 * and everything they return carries that date, so nested fields read the same day. A verdict shows as of a
 * date only when it is known to have held then.
 */

const TODAY = new Date().toISOString().slice(0, 10);

const reviewer: Actor = testActor([Role.REVIEWER], { displayName: 'Test reviewer' });

describe('request loaders as of a date', () => {
  let db: TestDatabase;
  let planId: string;
  let commitmentId: string;
  let milestoneId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const file = buildPlanFile({
      commitments: [
        {
          milestones: [
            {
              title: { en: 'Verified later' },
              plannedEnd: '2019-06',
              history: [
                historyEntry('IN_PROGRESS', '2019-02-01', {
                  progressPercent: 40,
                  actualStart: '2019-01-20',
                }),
                historyEntry('IN_PROGRESS', '2019-04-01', { progressPercent: 70 }),
                historyEntry('COMPLETED', '2019-05-01', { progressPercent: 100 }),
              ],
            },
          ],
        },
      ],
    });
    await createPlan(db.dataSource, file);
    const [row] = await db.dataSource.query<
      { plan_id: string; commitment_id: string; milestone_id: string }[]
    >(
      `SELECT c.action_plan_id AS plan_id, c.id AS commitment_id, m.id AS milestone_id
       FROM commitment c JOIN milestone m ON m.commitment_id = c.id WHERE c.ogp_id = $1`,
      [file.commitments[0].ogpId],
    );
    ({ plan_id: planId, commitment_id: commitmentId, milestone_id: milestoneId } = row);
    // A reviewer verified the completion on 2019-06-15 (the milestone row carries the latest verdict).
    await db.dataSource.query(
      `UPDATE milestone SET verification = 'VERIFIED', updated_at = '2019-06-15T12:00:00Z' WHERE id = $1`,
      [milestoneId],
    );
  }, 30_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('makes one set of loaders per date and request, and the current ones for no date', () => {
    const loaders = new RequestLoaders(db.dataSource, TODAY, reviewer);
    const earlier = loaders.at('2019-03-01');
    expect(loaders.at(null)).toBe(loaders);
    expect(loaders.at(undefined)).toBe(loaders);
    expect(loaders.at('2019-03-01')).toBe(earlier);
    expect(earlier.at('2019-03-01')).toBe(earlier);
    expect(earlier.at(null)).toBe(loaders);
    expect(earlier.at('2019-07-01')).toBe(loaders.at('2019-07-01'));
    expect([earlier.asOf, earlier.on, loaders.asOf, loaders.on]).toEqual([
      '2019-03-01',
      '2019-03-01',
      null,
      TODAY,
    ]);
    // Another request starts afresh.
    expect(new RequestLoaders(db.dataSource, TODAY, reviewer).at('2019-03-01')).not.toBe(earlier);
  });

  it('answers and stamps everything as of its date', async () => {
    const loaders = new RequestLoaders(db.dataSource, TODAY, reviewer).at('2019-03-01');
    const [plan, commitment, [milestone], history, progress] = await Promise.all([
      loaders.planById.load(planId),
      loaders.commitmentById.load(commitmentId),
      loaders.milestonesByCommitmentId.load(commitmentId),
      loaders.historyByMilestoneId.load(milestoneId),
      loaders.commitmentProgress.load(commitmentId),
    ]);
    expect([plan?.asOf, commitment?.asOf, milestone.asOf]).toEqual([
      '2019-03-01',
      '2019-03-01',
      '2019-03-01',
    ]);
    expect([milestone.status, milestone.progressPercent, milestone.lastUpdateOn]).toEqual([
      'IN_PROGRESS',
      40,
      '2019-02-01',
    ]);
    expect(milestone.flags).toEqual([]);
    expect(history.map((h) => h.progressPercent)).toEqual([40]);
    expect(progress?.percent).toBe(40);
    const themes = await loaders.themesByPlanId.load(planId);
    expect(themes.every((theme) => theme.asOf === '2019-03-01')).toBe(true);
  });

  it('keeps the actual start a report gave while later reports give none', async () => {
    const loaders = new RequestLoaders(db.dataSource, TODAY, reviewer).at('2019-04-15');
    const [milestone] = await loaders.milestonesByCommitmentId.load(commitmentId);
    expect([milestone.status, milestone.progressPercent]).toEqual(['IN_PROGRESS', 70]);
    expect(milestone.actualStart).toMatchObject({ start: '2019-01-20', precision: 'DAY' });
    const before = await new RequestLoaders(db.dataSource, TODAY, reviewer)
      .at('2019-01-31')
      .milestonesByCommitmentId.load(commitmentId);
    expect(before[0].actualStart).toBeNull();
  });

  it('shows a verdict as of a date only from the day it was given', async () => {
    const verdict = async (asOf: string | null) => {
      const loaders = new RequestLoaders(db.dataSource, TODAY, reviewer).at(asOf);
      const [milestone] = await loaders.milestonesByCommitmentId.load(commitmentId);
      return { asOf, status: milestone.status, verification: milestone.verification };
    };
    // Before the verdict: the completion already holds, its verification did not yet.
    expect(await verdict('2019-06-14')).toEqual({
      asOf: '2019-06-14',
      status: 'COMPLETED',
      verification: 'UNVERIFIED',
    });
    expect(await verdict('2019-06-15')).toEqual({
      asOf: '2019-06-15',
      status: 'COMPLETED',
      verification: 'VERIFIED',
    });
    expect(await verdict(null)).toEqual({
      asOf: null,
      status: 'COMPLETED',
      verification: 'VERIFIED',
    });
    // As of a day when an earlier report was the latest, the verdict (about the completion) does not apply.
    expect(await verdict('2019-04-30')).toEqual({
      asOf: '2019-04-30',
      status: 'IN_PROGRESS',
      verification: 'UNVERIFIED',
    });
  });
});
