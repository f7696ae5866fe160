import {
  aggregateProgress,
  commitmentProgress,
  Completion,
  MilestoneStatus,
  type AggregateProgress,
  type Progress,
  type WeightedMilestoneInput,
} from '@ogp/common';
import { ProgressQueries, type PlanFile, type PlanFileMilestone } from '@ogp/domain';
import {
  buildMilestone,
  buildPlanFile,
  createPlan,
  generatePlanFile,
  GENERATED_WEIGHTS,
} from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';

/** What a milestone of a plan file shows once loaded: its last history entry (entries are oldest first). */
function currentState(milestone: PlanFileMilestone): WeightedMilestoneInput {
  const latest = milestone.history?.[milestone.history.length - 1];
  return {
    status: (latest?.status ?? null) as MilestoneStatus | null,
    progressPercent: latest?.progressPercent ?? null,
    weight: milestone.weight ?? 1,
  };
}

/** Progress as ProgressQueries returns it for an aggregate, from the TypeScript result. */
function asQueried(progress: AggregateProgress) {
  return {
    ...figuresOf(progress),
    commitmentCount: progress.commitmentCount,
    reportedCount: progress.reportedCount,
    completionCounts: Object.values(Completion).map((completion) => ({
      completion,
      count: progress.completionCounts[completion],
    })),
  };
}

/** The figures a commitment's Progress shows (the weights behind them are not part of it). */
const figuresOf = (p: Progress) => ({
  percent: p.percent,
  reportedPercent: p.reportedPercent,
  coverage: p.coverage,
  milestoneCoverage: p.milestoneCoverage,
  completion: p.completion,
  milestoneCount: p.milestoneCount,
  reportedMilestoneCount: p.reportedMilestoneCount,
});

/** Group values by key, in first-seen order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

interface LoadedPlan {
  planId: string;
  file: PlanFile;
  commitmentIds: Map<string, string>; // ogpId -> id
  themeIds: Map<string, string>; // key -> id
  agencyIds: Map<string, string>; // slug -> id
}

async function load(db: TestDatabase, file: PlanFile): Promise<LoadedPlan> {
  const { planId } = await createPlan(db.dataSource, file);
  const commitments: { ogp_id: string; id: string }[] = await db.dataSource.query(
    'SELECT ogp_id, id FROM commitment WHERE action_plan_id = $1',
    [planId],
  );
  const themes: { key: string; id: string }[] = await db.dataSource.query(
    'SELECT key, id FROM theme WHERE action_plan_id = $1',
    [planId],
  );
  const agencies: { slug: string; id: string }[] = await db.dataSource.query(
    'SELECT slug, id FROM agency WHERE slug = ANY($1)',
    [file.agencies.map((a) => a.key)],
  );
  return {
    planId,
    file,
    commitmentIds: new Map(commitments.map((c) => [c.ogp_id, c.id])),
    themeIds: new Map(themes.map((t) => [t.key, t.id])),
    agencyIds: new Map(agencies.map((a) => [a.slug, a.id])),
  };
}

describe('progress figures computed in SQL', () => {
  let db: TestDatabase;
  let queries: ProgressQueries;

  beforeAll(async () => {
    db = await createTestDatabase();
    queries = new ProgressQueries(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('equal the TypeScript roll-up of @ogp/common on 30 generated plans', () => {
    const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
    const plans = new Map<number, LoadedPlan>();
    let byPlan: Map<string, Progress>;
    let byTheme: Map<string, Progress>;
    let byAgency: Map<string, Progress>;

    beforeAll(async () => {
      for (const seed of seeds) {
        plans.set(seed, await load(db, generatePlanFile(seed, 3 + (seed % 10))));
      }
      const planIds = [...plans.values()].map((p) => p.planId);
      byPlan = await queries.aggregate('plan', planIds);
      byTheme = await queries.aggregate('theme', planIds);
      byAgency = await queries.aggregate('agency', planIds);
    });

    it('covers every milestone state, every weight and the empty and all-cancelled commitments', async () => {
      const planIds = [...plans.values()].map((p) => p.planId);
      const [row]: Record<string, string>[] = await db.dataSource.query(
        `WITH m AS (
           SELECT m.* FROM milestone m JOIN commitment c ON c.id = m.commitment_id
           WHERE c.action_plan_id = ANY($1)
         ),
         c AS (
           SELECT c.id,
             (SELECT COUNT(*) FROM milestone m WHERE m.commitment_id = c.id) AS total,
             (SELECT COUNT(*) FROM milestone m WHERE m.commitment_id = c.id AND m.status = 'CANCELLED')
               AS cancelled
           FROM commitment c WHERE c.action_plan_id = ANY($1)
         )
         SELECT
           (SELECT COUNT(*) FROM m WHERE status IS NULL) AS never_reported,
           (SELECT COUNT(*) FROM m WHERE status = 'NOT_STARTED') AS not_started,
           (SELECT COUNT(*) FROM m WHERE status = 'IN_PROGRESS' AND progress_percent IS NOT NULL)
             AS in_progress_with_percent,
           (SELECT COUNT(*) FROM m WHERE status = 'IN_PROGRESS' AND progress_percent IS NULL)
             AS in_progress_without_percent,
           (SELECT COUNT(*) FROM m WHERE status = 'COMPLETED') AS completed,
           (SELECT COUNT(*) FROM m WHERE status = 'CANCELLED') AS cancelled,
           (SELECT COUNT(*) FROM c WHERE total = 0) AS without_milestones,
           (SELECT COUNT(*) FROM c WHERE total > 0 AND total = cancelled) AS all_cancelled,
           (SELECT array_agg(DISTINCT weight::float8 ORDER BY weight::float8) FROM m)::text AS weights,
           (SELECT COUNT(*) FROM action_plan WHERE id = ANY($1) AND is_synthetic) AS synthetic`,
        [planIds],
      );
      const { weights, ...counts } = row;
      for (const [what, count] of Object.entries(counts)) {
        expect({ what, atLeastOne: Number(count) > 0 }).toEqual({ what, atLeastOne: true });
      }
      expect(Number(counts.synthetic)).toBe(30);
      expect(weights).toBe(`{${GENERATED_WEIGHTS.join(',')}}`);
    });

    it.each(seeds)(
      'seed %i: every commitment shows the percent, coverage and completion of commitmentProgress',
      async (seed) => {
        const plan = plans.get(seed)!;
        const actual = await queries.forCommitments([...plan.commitmentIds.values()]);
        expect(actual.size).toBe(plan.file.commitments.length);
        for (const commitment of plan.file.commitments) {
          const expected = commitmentProgress((commitment.milestones ?? []).map(currentState));
          const got = actual.get(plan.commitmentIds.get(commitment.ogpId)!)!;
          expect({ ogpId: commitment.ogpId, ...figuresOf(got) }).toEqual({
            ogpId: commitment.ogpId,
            ...figuresOf(expected),
          });
        }
      },
    );

    it.each(seeds)(
      'seed %i: every theme, lead agency and the plan show the figures of aggregateProgress',
      async (seed) => {
        const plan = plans.get(seed)!;
        const progress = new Map(
          plan.file.commitments.map((c) => [
            c.ogpId,
            commitmentProgress((c.milestones ?? []).map(currentState)),
          ]),
        );
        const expectGroup = (
          actual: Map<string, Progress>,
          id: string,
          label: string,
          ogpIds: string[],
        ) => {
          const expected = asQueried(aggregateProgress(ogpIds.map((o) => progress.get(o)!)));
          expect({ group: label, ...actual.get(id) }).toEqual({ group: label, ...expected });
        };

        const allOgpIds = plan.file.commitments.map((c) => c.ogpId);
        expectGroup(byPlan, plan.planId, 'plan', allOgpIds);

        const byThemeKey = groupBy(plan.file.commitments, (c) => c.themeKey);
        for (const theme of plan.file.themes) {
          const ogpIds = (byThemeKey.get(theme.key) ?? []).map((c) => c.ogpId);
          if (ogpIds.length === 0) {
            expect(byTheme.has(plan.themeIds.get(theme.key)!)).toBe(false);
          } else {
            expectGroup(byTheme, plan.themeIds.get(theme.key)!, `theme ${theme.key}`, ogpIds);
          }
        }

        const byLead = groupBy(plan.file.commitments, (c) => c.leadAgency);
        for (const agency of plan.file.agencies) {
          const ogpIds = (byLead.get(agency.key) ?? []).map((c) => c.ogpId);
          if (ogpIds.length === 0) {
            expect(byAgency.has(plan.agencyIds.get(agency.key)!)).toBe(false);
          } else {
            expectGroup(byAgency, plan.agencyIds.get(agency.key)!, `agency ${agency.key}`, ogpIds);
          }
        }
      },
    );
  });

  describe('worked examples', () => {
    // Each expectation shows its arithmetic.
    let plan: LoadedPlan;
    let edges: LoadedPlan;
    let nearly: LoadedPlan;
    const agencyKeys: [string, string, string] = [
      'worked-ministry',
      'worked-agency',
      'worked-board',
    ];

    beforeAll(async () => {
      plan = await load(
        db,
        buildPlanFile({
          agencyKeys,
          commitments: [
            {
              ogpId: 'WK0001',
              themeKey: 'open-data',
              leadAgency: agencyKeys[0],
              milestones: [
                buildMilestone({ status: 'COMPLETED', weight: 1 }),
                buildMilestone({ status: 'IN_PROGRESS', percent: 40, weight: 2 }),
                buildMilestone({ status: 'CANCELLED', weight: 1 }),
                buildMilestone({ weight: 1 }),
              ],
            },
            {
              ogpId: 'WK0002',
              themeKey: 'open-data',
              leadAgency: agencyKeys[1],
              milestones: [
                buildMilestone({ weight: 1 }),
                buildMilestone({ weight: 2 }),
                buildMilestone({ status: 'IN_PROGRESS', percent: null, weight: 1 }),
              ],
            },
            {
              ogpId: 'WK0003',
              themeKey: 'public-services',
              leadAgency: agencyKeys[1],
              milestones: [
                buildMilestone({ status: 'COMPLETED' }),
                buildMilestone({ status: 'COMPLETED' }),
                buildMilestone({ status: 'NOT_STARTED', percent: 0 }),
              ],
            },
            {
              ogpId: 'WK0004',
              themeKey: 'public-services',
              leadAgency: agencyKeys[0],
              milestones: [buildMilestone({ status: 'NOT_STARTED', percent: 0 })],
            },
          ],
        }),
      );
      edges = await load(
        db,
        buildPlanFile({
          commitments: [
            {
              ogpId: 'WK0005',
              milestones: [
                buildMilestone({ status: 'IN_PROGRESS', percent: 1, weight: 1 }),
                buildMilestone({ status: 'NOT_STARTED', weight: 19 }),
              ],
            },
            { ogpId: 'WK0006', milestones: [] },
            {
              ogpId: 'WK0007',
              milestones: [
                buildMilestone({ status: 'CANCELLED' }),
                buildMilestone({ status: 'CANCELLED' }),
              ],
            },
            {
              ogpId: 'WK0008',
              milestones: [
                buildMilestone({ status: 'COMPLETED', weight: 0.5 }),
                buildMilestone({ status: 'IN_PROGRESS', percent: 99, weight: 3 }),
              ],
            },
          ],
        }),
      );
      nearly = await load(
        db,
        buildPlanFile({
          commitments: [
            {
              ogpId: 'WK0009',
              milestones: [
                buildMilestone({ status: 'IN_PROGRESS', percent: 99, weight: 1 }),
                buildMilestone({ status: 'COMPLETED', weight: 19 }),
              ],
            },
            {
              ogpId: 'WK0010',
              milestones: [
                buildMilestone({ status: 'COMPLETED' }),
                buildMilestone({ status: 'COMPLETED' }),
              ],
            },
          ],
        }),
      );
    });

    const commitment = async (loaded: LoadedPlan, ogpId: string) => {
      const id = loaded.commitmentIds.get(ogpId)!;
      return figuresOf((await queries.forCommitments([id])).get(id)!);
    };
    const counts = (levels: Partial<Record<Completion, number>>) =>
      Object.values(Completion).map((completion) => ({
        completion,
        count: levels[completion] ?? 0,
      }));

    it('weights 1, 2, 1, 1 with COMPLETED, IN_PROGRESS 40, CANCELLED and never reported: 45.0 %, 60.0 % of what was reported', async () => {
      // (1 x 100 + 2 x 40) / 4 = 45: the cancelled one is left out, the unreported one adds nothing but counts
      // in the weight; the reported ones average 180 / 3 = 60; coverage 3 of 4.
      expect(await commitment(plan, 'WK0001')).toEqual({
        percent: 45,
        reportedPercent: 60,
        coverage: 0.75,
        milestoneCoverage: 0.75,
        completion: Completion.LIMITED,
        milestoneCount: 3,
        reportedMilestoneCount: 2,
      });
    });

    it('an in-progress report without a percent is reported, adds nothing, and makes the commitment LIMITED', async () => {
      expect(await commitment(plan, 'WK0002')).toEqual({
        percent: null,
        reportedPercent: null,
        coverage: 0.25,
        milestoneCoverage: 0.25,
        completion: Completion.LIMITED,
        milestoneCount: 3,
        reportedMilestoneCount: 1,
      });
    });

    it('rounds half up to one decimal: two of three completed is 66.7 %', async () => {
      expect(await commitment(plan, 'WK0003')).toMatchObject({
        percent: 66.7,
        coverage: 1,
        completion: Completion.SUBSTANTIAL,
      });
    });

    it('a commitment whose milestones are all not started is at 0.0 %, NOT_STARTED', async () => {
      expect(await commitment(plan, 'WK0004')).toMatchObject({
        percent: 0,
        coverage: 1,
        completion: Completion.NOT_STARTED,
      });
    });

    it('rounds 0.05 % half up to 0.1 %, LIMITED', async () => {
      // (1 x 1 + 19 x 0) / 20 = 0.05
      expect(await commitment(edges, 'WK0005')).toMatchObject({
        percent: 0.1,
        coverage: 1,
        completion: Completion.LIMITED,
      });
    });

    it('a commitment without milestones, or with all of them cancelled, has no data and no coverage', async () => {
      for (const ogpId of ['WK0006', 'WK0007']) {
        expect({ ogpId, ...(await commitment(edges, ogpId)) }).toEqual({
          ogpId,
          percent: null,
          reportedPercent: null,
          coverage: null,
          milestoneCoverage: null,
          completion: Completion.NO_EVIDENCE,
          milestoneCount: 0,
          reportedMilestoneCount: 0,
        });
      }
    });

    it('weights 0.5 and 3 with COMPLETED and IN_PROGRESS 99 give 99.1 %, not COMPLETE', async () => {
      // (0.5 x 100 + 3 x 99) / 3.5 = 99.142...
      expect(await commitment(edges, 'WK0008')).toMatchObject({
        percent: 99.1,
        coverage: 1,
        completion: Completion.SUBSTANTIAL,
      });
    });

    it('is COMPLETE only when every milestone is completed, even where 99.95 % shows as 100.0', async () => {
      // (1 x 99 + 19 x 100) / 20 = 99.95
      expect(await commitment(nearly, 'WK0009')).toMatchObject({
        percent: 100,
        completion: Completion.SUBSTANTIAL,
      });
      expect(await commitment(nearly, 'WK0010')).toMatchObject({
        percent: 100,
        completion: Completion.COMPLETE,
      });
      const plans = await queries.aggregate('plan', [nearly.planId]);
      expect(plans.get(nearly.planId)).toMatchObject({
        percent: 100,
        completion: Completion.SUBSTANTIAL,
        completionCounts: counts({ SUBSTANTIAL: 1, COMPLETE: 1 }),
      });
    });

    it('a theme sums its commitments over all of them, each counted once, and rounds half up', async () => {
      const themes = await queries.aggregate('theme', [plan.planId]);
      // open-data: (45.0 + nothing) / 2 = 22.5; both reported; milestones: weight 3 + 1 of 4 + 4.
      expect(themes.get(plan.themeIds.get('open-data')!)).toEqual({
        percent: 22.5,
        reportedPercent: 45,
        coverage: 1,
        milestoneCoverage: 0.5,
        completion: Completion.LIMITED,
        milestoneCount: 6,
        reportedMilestoneCount: 3,
        commitmentCount: 2,
        reportedCount: 2,
        completionCounts: counts({ LIMITED: 2 }),
      });
      // public-services: (66.7 + 0.0) / 2 = 33.35, shown 33.4.
      expect(themes.get(plan.themeIds.get('public-services')!)).toEqual({
        percent: 33.4,
        reportedPercent: 33.4,
        coverage: 1,
        milestoneCoverage: 1,
        completion: Completion.LIMITED,
        milestoneCount: 4,
        reportedMilestoneCount: 4,
        commitmentCount: 2,
        reportedCount: 2,
        completionCounts: counts({ NOT_STARTED: 1, SUBSTANTIAL: 1 }),
      });
    });

    it('an agency sums the commitments it leads; one that leads none is not listed', async () => {
      const agencies = await queries.aggregate('agency', [plan.planId]);
      // worked-ministry leads WK0001 (45.0) and WK0004 (0.0): 22.5; milestones weight 3 + 1 of 4 + 1.
      expect(agencies.get(plan.agencyIds.get(agencyKeys[0])!)).toEqual({
        percent: 22.5,
        reportedPercent: 22.5,
        coverage: 1,
        milestoneCoverage: 0.8,
        completion: Completion.LIMITED,
        milestoneCount: 4,
        reportedMilestoneCount: 3,
        commitmentCount: 2,
        reportedCount: 2,
        completionCounts: counts({ NOT_STARTED: 1, LIMITED: 1 }),
      });
      // worked-agency leads WK0002 (reported, no percent) and WK0003 (66.7): 33.35 -> 33.4; weight 4 of 7.
      expect(agencies.get(plan.agencyIds.get(agencyKeys[1])!)).toEqual({
        percent: 33.4,
        reportedPercent: 66.7,
        coverage: 1,
        milestoneCoverage: 0.571,
        completion: Completion.LIMITED,
        milestoneCount: 6,
        reportedMilestoneCount: 4,
        commitmentCount: 2,
        reportedCount: 2,
        completionCounts: counts({ LIMITED: 1, SUBSTANTIAL: 1 }),
      });
      expect(agencies.has(plan.agencyIds.get(agencyKeys[2])!)).toBe(false);
      expect(agencies.size).toBe(2);
    });

    it('a plan sums its commitments over all of them: one with no data adds nothing', async () => {
      const plans = await queries.aggregate('plan', [plan.planId, edges.planId]);
      // (45.0 + 66.7 + 0.0) / 4 = 27.925 -> 27.9; the reported mean 111.7 / 3 = 37.2; 4 of 4 reported.
      expect(plans.get(plan.planId)).toEqual({
        percent: 27.9,
        reportedPercent: 37.2,
        coverage: 1,
        milestoneCoverage: 0.667,
        completion: Completion.LIMITED,
        milestoneCount: 10,
        reportedMilestoneCount: 7,
        commitmentCount: 4,
        reportedCount: 4,
        completionCounts: counts({ NOT_STARTED: 1, LIMITED: 2, SUBSTANTIAL: 1 }),
      });
      // (0.1 + 99.1) / 4 = 24.8, where the old rule (mean of the reported, 49.6) flattered; 2 of 4 reported.
      expect(plans.get(edges.planId)).toEqual({
        percent: 24.8,
        reportedPercent: 49.6,
        coverage: 0.5,
        milestoneCoverage: 1,
        completion: Completion.LIMITED,
        milestoneCount: 4,
        reportedMilestoneCount: 4,
        commitmentCount: 4,
        reportedCount: 2,
        completionCounts: counts({ NO_EVIDENCE: 2, LIMITED: 1, SUBSTANTIAL: 1 }),
      });
    });

    it('the worked examples agree with the TypeScript roll-up too', async () => {
      for (const loaded of [plan, edges, nearly]) {
        const actual = await queries.forCommitments([...loaded.commitmentIds.values()]);
        for (const c of loaded.file.commitments) {
          expect({
            ogpId: c.ogpId,
            ...figuresOf(actual.get(loaded.commitmentIds.get(c.ogpId)!)!),
          }).toEqual({
            ogpId: c.ogpId,
            ...figuresOf(commitmentProgress((c.milestones ?? []).map(currentState))),
          });
        }
        const progress = loaded.file.commitments.map((c) =>
          commitmentProgress((c.milestones ?? []).map(currentState)),
        );
        const plans = await queries.aggregate('plan', [loaded.planId]);
        expect(plans.get(loaded.planId)).toEqual(asQueried(aggregateProgress(progress)));
      }
    });
  });

  describe('status distribution and timeline of the standard test plan', () => {
    let planId: string;

    beforeAll(async () => {
      planId = (await createPlan(db.dataSource, buildPlanFile())).planId;
    });

    it('counts milestones per status, with the never-reported ones as "no data"', async () => {
      expect(await queries.statusDistribution(planId)).toEqual([
        { status: null, count: 1 },
        { status: MilestoneStatus.NOT_STARTED, count: 1 },
        { status: MilestoneStatus.IN_PROGRESS, count: 2 },
        { status: MilestoneStatus.COMPLETED, count: 2 },
        { status: MilestoneStatus.CANCELLED, count: 1 },
      ]);
    });

    it('runs month by month over the plan period, its cumulative counts ending at the totals', async () => {
      const timeline = await queries.timeline(planId);
      expect(timeline).toHaveLength(24);
      expect(timeline[0].month).toBe('2018-07');
      expect(timeline[timeline.length - 1].month).toBe('2020-06');
      const busy = timeline.filter((p) => p.planned > 0 || p.completed > 0);
      expect(busy.map(({ month, planned, completed }) => ({ month, planned, completed }))).toEqual([
        { month: '2018-12', planned: 2, completed: 0 },
        // completions count in the month of their actual end, not of the report
        { month: '2019-01', planned: 0, completed: 1 },
        { month: '2019-02', planned: 0, completed: 1 },
        { month: '2019-03', planned: 1, completed: 0 },
        { month: '2019-06', planned: 2, completed: 0 },
        { month: '2019-09', planned: 1, completed: 0 },
        { month: '2019-12', planned: 1, completed: 0 },
      ]);
      let planned = 0;
      let completed = 0;
      for (const point of timeline) {
        planned += point.planned;
        completed += point.completed;
        expect(point).toMatchObject({ plannedCumulative: planned, completedCumulative: completed });
      }
      expect(timeline[timeline.length - 1]).toMatchObject({
        plannedCumulative: 7,
        completedCumulative: 2,
      });
    });
  });
});
