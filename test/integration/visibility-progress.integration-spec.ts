import {
  aggregateProgress,
  commitmentProgress,
  Completion,
  MilestoneStatus,
  Role,
  Verification,
  type Progress,
  type WeightedMilestoneInput,
} from '@ogp/common';
import { ANONYMOUS, type Actor } from '@ogp/core';
import {
  milestonesWithState,
  milestoneStateSql,
  ProgressQueries,
  readMilestones,
  type PlanFile,
  type PlanFileStatusUpdate,
} from '@ogp/domain';
import { ReadScope } from '../../libs/domain/src/shared/read-scope';
import { VerificationVerdict } from '../../libs/domain/src/verifications/verification.model';
import { VerificationsService } from '../../libs/domain/src/verifications/verifications.service';
import {
  buildPlanFile,
  createPlan,
  generatePlanFile,
  historyEntry,
} from '../factories/plan-file.factory';
import { testActor } from '../utils/actors';
import { createTestDatabase, type TestDatabase } from '../utils/database';

/*
 * The milestone state and every figure built on it, as each kind of viewer may see them. INTERNAL status
 * updates count only for reviewers, administrators and coordinators of the commitment's lead agency.
 */

const TODAY = new Date().toISOString().slice(0, 10);

const user = (roles: Role[], agencyIds: string[] = []): Actor =>
  testActor(roles, { agencyIds, displayName: 'Test viewer' });

const internal = (
  status: PlanFileStatusUpdate['status'],
  effectiveDate: string | null,
  extra: Partial<PlanFileStatusUpdate> = {},
) => historyEntry(status, effectiveDate, { ...extra, visibility: 'INTERNAL' });

const onlyFigures = ({ percent, coverage, completion }: Progress) => ({
  percent,
  coverage,
  completion,
});

/** Every figure a Progress shows (the weights behind a commitment's are not part of it). */
const figuresOf = (p: Progress) => ({
  percent: p.percent,
  reportedPercent: p.reportedPercent,
  coverage: p.coverage,
  milestoneCoverage: p.milestoneCoverage,
  completion: p.completion,
  milestoneCount: p.milestoneCount,
  reportedMilestoneCount: p.reportedMilestoneCount,
});

const counts = (levels: Partial<Record<Completion, number>>) =>
  Object.values(Completion).map((completion) => ({ completion, count: levels[completion] ?? 0 }));

describe('progress as each viewer may see it', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('a worked example with INTERNAL updates', () => {
    // Agencies: lead (leads VS0001), other (leads VS0002 and VS0003, supports VS0001), third (leads nothing).
    const keys: [string, string, string] = ['vis-lead', 'vis-other', 'vis-third'];
    const file: PlanFile = buildPlanFile({
      agencyKeys: keys,
      commitments: [
        {
          ogpId: 'VS0001',
          themeKey: 'open-data',
          leadAgency: keys[0],
          supportingAgencies: [keys[1]],
          milestones: [
            // M1: its only report is INTERNAL
            {
              title: { en: 'M1' },
              plannedEnd: '2019-03',
              history: [
                internal('COMPLETED', '2019-03-15', {
                  progressPercent: 100,
                  actualEnd: '2019-03-10',
                }),
              ],
            },
            // M2: public in progress, then an INTERNAL completion
            {
              title: { en: 'M2' },
              plannedEnd: '2019-06',
              history: [
                historyEntry('IN_PROGRESS', '2019-01-15', { progressPercent: 40 }),
                internal('COMPLETED', '2019-04-20', {
                  progressPercent: 100,
                  actualEnd: '2019-04-18',
                }),
              ],
            },
            // M3: an INTERNAL report followed by a public one
            {
              title: { en: 'M3' },
              plannedEnd: '2019-09',
              history: [
                internal('NOT_STARTED', '2018-10', { progressPercent: 0 }),
                historyEntry('IN_PROGRESS', '2019-02-01', { progressPercent: 20 }),
              ],
            },
            // M4: public only
            {
              title: { en: 'M4' },
              plannedEnd: '2019-12',
              history: [historyEntry('NOT_STARTED', '2018-11-01', { progressPercent: 0 })],
            },
            // M8: an INTERNAL completion no source dates
            {
              title: { en: 'M8' },
              plannedEnd: '2019-12',
              history: [internal('COMPLETED', null, { progressPercent: 100 })],
            },
          ],
        },
        {
          ogpId: 'VS0002',
          themeKey: 'open-data',
          leadAgency: keys[1],
          supportingAgencies: [keys[0]],
          milestones: [
            // M5: only INTERNAL, of the other agency
            {
              title: { en: 'M5' },
              plannedEnd: '2019-06',
              history: [internal('IN_PROGRESS', '2019-05-01', { progressPercent: 50 })],
            },
          ],
        },
        {
          ogpId: 'VS0003',
          themeKey: 'public-services',
          leadAgency: keys[1],
          milestones: [
            // M6: public completion
            {
              title: { en: 'M6' },
              plannedEnd: '2019-03',
              history: [
                historyEntry('COMPLETED', '2019-03', {
                  progressPercent: 100,
                  actualEnd: '2019-03-05',
                }),
              ],
            },
            // M7: recorded later, but INTERNAL and effective earlier: the public update stays the latest
            {
              title: { en: 'M7' },
              plannedEnd: '2019-06',
              history: [
                historyEntry('IN_PROGRESS', '2019-06-01', { progressPercent: 30 }),
                internal('CANCELLED', '2019-02'),
              ],
            },
          ],
        },
      ],
    });

    let planId: string;
    const milestoneIds = new Map<string, string>(); // title -> id
    const commitmentIds = new Map<string, string>(); // ogpId -> id
    const themeIds = new Map<string, string>(); // key -> id
    const agencyIds = new Map<string, string>(); // key -> id
    const viewers: Record<string, Actor> = {};

    beforeAll(async () => {
      planId = (await createPlan(db.dataSource, file)).planId;
      const milestones: { title_en: string; id: string }[] = await db.dataSource.query(
        `SELECT m.title_en, m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id
         WHERE c.action_plan_id = $1`,
        [planId],
      );
      for (const m of milestones) milestoneIds.set(m.title_en, m.id);
      const commitments: { ogp_id: string; id: string }[] = await db.dataSource.query(
        'SELECT ogp_id, id FROM commitment WHERE action_plan_id = $1',
        [planId],
      );
      for (const c of commitments) commitmentIds.set(c.ogp_id, c.id);
      const themes: { key: string; id: string }[] = await db.dataSource.query(
        'SELECT key, id FROM theme WHERE action_plan_id = $1',
        [planId],
      );
      for (const t of themes) themeIds.set(t.key, t.id);
      const agencies: { slug: string; id: string }[] = await db.dataSource.query(
        'SELECT slug, id FROM agency WHERE slug = ANY($1)',
        [keys],
      );
      for (const a of agencies) agencyIds.set(a.slug, a.id);
      // A reviewer disputed M2's latest (INTERNAL) report and verified M4's and M7's (public) ones.
      const verdicts = new VerificationsService(db.dataSource);
      const reviewer = testActor([Role.REVIEWER]);
      await verdicts.verify(reviewer, {
        milestoneId: milestoneIds.get('M2')!,
        verdict: VerificationVerdict.DISPUTED,
        note: { en: 'Not yet complete (test data)' },
      });
      for (const title of ['M4', 'M7']) {
        await verdicts.verify(reviewer, {
          milestoneId: milestoneIds.get(title)!,
          verdict: VerificationVerdict.VERIFIED,
        });
      }
      Object.assign(viewers, {
        anonymous: ANONYMOUS,
        leadCoordinator: user([Role.COORDINATOR], [agencyIds.get(keys[0])!]),
        otherCoordinator: user([Role.COORDINATOR], [agencyIds.get(keys[1])!]),
        thirdCoordinator: user([Role.COORDINATOR], [agencyIds.get(keys[2])!]),
        reviewer: user([Role.REVIEWER]),
        admin: user([Role.ADMIN]),
        // Agencies no longer count once the coordinator role is gone.
        formerCoordinator: user([], [agencyIds.get(keys[0])!]),
      });
    });

    const queriesFor = (viewer: string) =>
      new ProgressQueries(db.dataSource, ReadScope.of(viewers[viewer]));

    /** Each milestone of the plan as `viewer` sees it, by title. */
    async function milestonesAs(viewer: string) {
      const list = await readMilestones(
        milestonesWithState(
          db.dataSource,
          ReadScope.of(viewers[viewer]),
          'c.action_plan_id = :planId',
          {
            planId,
          },
        ).orderBy('m.title_en', 'ASC'),
        TODAY,
      );
      return Object.fromEntries(list.map((m) => [m.title.en!, m]));
    }

    it('shows the public a milestone whose only report is INTERNAL as never reported', async () => {
      for (const viewer of ['anonymous', 'thirdCoordinator', 'formerCoordinator']) {
        const m1 = (await milestonesAs(viewer)).M1;
        expect({ viewer, status: m1.status, percent: m1.progressPercent }).toEqual({
          viewer,
          status: null,
          percent: null,
        });
        expect(m1.actualEnd).toBeNull();
        expect(m1.lastUpdateOn).toBeNull();
        // Planned to end in March 2019 and, for all the public knows, not done.
        expect(m1.flags).toEqual(['OVERDUE']);
      }
    });

    it('shows the lead agency, reviewers and administrators its INTERNAL completion', async () => {
      for (const viewer of ['leadCoordinator', 'reviewer', 'admin']) {
        const m1 = (await milestonesAs(viewer)).M1;
        expect({ viewer, status: m1.status, percent: m1.progressPercent }).toEqual({
          viewer,
          status: MilestoneStatus.COMPLETED,
          percent: 100,
        });
        expect(m1.actualEnd?.end).toBe('2019-03-10');
        expect(m1.lastUpdateOn).toBe('2019-03-15');
        expect(m1.flags).toEqual([]);
      }
    });

    it('a coordinator of a supporting agency sees the public state', async () => {
      const m1 = (await milestonesAs('otherCoordinator')).M1;
      expect(m1.status).toBeNull();
    });

    it('leaves the public the PUBLIC state when an INTERNAL update follows it', async () => {
      const m2 = (await milestonesAs('anonymous')).M2;
      expect({
        status: m2.status,
        percent: m2.progressPercent,
        lastUpdateOn: m2.lastUpdateOn,
        actualEnd: m2.actualEnd,
        flags: m2.flags,
      }).toEqual({
        status: MilestoneStatus.IN_PROGRESS,
        percent: 40,
        lastUpdateOn: '2019-01-15',
        actualEnd: null,
        // Past its planned end, and no public report for over 90 days.
        flags: ['OVERDUE', 'STALE'],
      });
      const staff = (await milestonesAs('leadCoordinator')).M2;
      expect({
        status: staff.status,
        lastUpdateOn: staff.lastUpdateOn,
        flags: staff.flags,
      }).toEqual({ status: MilestoneStatus.COMPLETED, lastUpdateOn: '2019-04-20', flags: [] });
    });

    it('shows a verdict only on the report it was given on', async () => {
      // M2's verdict is on its INTERNAL report: the public's state (the older public report) is unverified.
      expect((await milestonesAs('anonymous')).M2.verification).toBe(Verification.UNVERIFIED);
      expect((await milestonesAs('leadCoordinator')).M2.verification).toBe(Verification.DISPUTED);
      // M7's INTERNAL update is older than its public one, whose verdict everyone sees; M4 has no INTERNAL one.
      for (const viewer of ['anonymous', 'leadCoordinator', 'otherCoordinator']) {
        const seen = await milestonesAs(viewer);
        expect({ viewer, m4: seen.M4.verification, m7: seen.M7.verification }).toEqual({
          viewer,
          m4: Verification.VERIFIED,
          m7: Verification.VERIFIED,
        });
      }
    });

    it('orders updates by effective date, then sequence, whatever their visibility', async () => {
      for (const viewer of ['anonymous', 'otherCoordinator', 'reviewer']) {
        const { M3, M7 } = await milestonesAs(viewer);
        expect({
          viewer,
          m3: [M3.status, M3.progressPercent],
          m7: [M7.status, M7.progressPercent],
        }).toEqual({
          viewer,
          m3: [MilestoneStatus.IN_PROGRESS, 20],
          m7: [MilestoneStatus.IN_PROGRESS, 30],
        });
      }
    });

    it("hides another agency's INTERNAL update from the lead coordinator, and shows it to that agency's", async () => {
      expect((await milestonesAs('leadCoordinator')).M5.status).toBeNull();
      const m5 = (await milestonesAs('otherCoordinator')).M5;
      expect([m5.status, m5.progressPercent]).toEqual([MilestoneStatus.IN_PROGRESS, 50]);
    });

    it('computes each commitment from the milestones the viewer may see', async () => {
      const progress = async (viewer: string) => {
        const map = await queriesFor(viewer).forCommitments([...commitmentIds.values()]);
        return Object.fromEntries(
          [...commitmentIds].map(([ogpId, id]) => [ogpId, onlyFigures(map.get(id)!)]),
        );
      };
      expect(await progress('anonymous')).toEqual({
        // M2 40, M3 20, M4 0; M1 and M8 never reported, adding nothing: (40 + 20 + 0) / 5 = 12.0,
        // coverage 3 of 5
        VS0001: { percent: 12, coverage: 0.6, completion: Completion.LIMITED },
        VS0002: { percent: null, coverage: 0, completion: Completion.NO_EVIDENCE },
        // M6 100, M7 30: 65.0
        VS0003: { percent: 65, coverage: 1, completion: Completion.SUBSTANTIAL },
      });
      expect(await progress('leadCoordinator')).toEqual({
        // (100 + 100 + 20 + 0 + 100) / 5 = 64.0
        VS0001: { percent: 64, coverage: 1, completion: Completion.SUBSTANTIAL },
        VS0002: { percent: null, coverage: 0, completion: Completion.NO_EVIDENCE },
        VS0003: { percent: 65, coverage: 1, completion: Completion.SUBSTANTIAL },
      });
      expect(await progress('otherCoordinator')).toEqual({
        VS0001: { percent: 12, coverage: 0.6, completion: Completion.LIMITED },
        VS0002: { percent: 50, coverage: 1, completion: Completion.SUBSTANTIAL },
        VS0003: { percent: 65, coverage: 1, completion: Completion.SUBSTANTIAL },
      });
      for (const viewer of ['reviewer', 'admin']) {
        expect(await progress(viewer)).toEqual({
          VS0001: { percent: 64, coverage: 1, completion: Completion.SUBSTANTIAL },
          VS0002: { percent: 50, coverage: 1, completion: Completion.SUBSTANTIAL },
          VS0003: { percent: 65, coverage: 1, completion: Completion.SUBSTANTIAL },
        });
      }
    });

    it('rolls up themes, lead agencies and the plan from those commitments', async () => {
      const publicQueries = queriesFor('anonymous');
      const staffQueries = queriesFor('reviewer');
      const openData = themeIds.get('open-data')!;

      // open-data: VS0001 12.0 and VS0002 no data, for the public: 12 / 2 = 6.0; 64.0 and 50.0 for staff.
      expect((await publicQueries.aggregate('theme', [planId])).get(openData)).toEqual({
        percent: 6,
        reportedPercent: 12,
        coverage: 0.5,
        milestoneCoverage: 0.5,
        completion: Completion.LIMITED,
        milestoneCount: 6,
        reportedMilestoneCount: 3,
        commitmentCount: 2,
        reportedCount: 1,
        completionCounts: counts({ NO_EVIDENCE: 1, LIMITED: 1 }),
      });
      expect((await staffQueries.aggregate('theme', [planId])).get(openData)).toEqual({
        percent: 57,
        reportedPercent: 57,
        coverage: 1,
        milestoneCoverage: 1,
        completion: Completion.SUBSTANTIAL,
        milestoneCount: 6,
        reportedMilestoneCount: 6,
        commitmentCount: 2,
        reportedCount: 2,
        completionCounts: counts({ SUBSTANTIAL: 2 }),
      });

      // The other agency leads VS0002 and VS0003: 65 / 2 = 32.5 for the public, (50 + 65) / 2 = 57.5 for staff.
      const other = agencyIds.get(keys[1])!;
      expect(onlyFigures((await publicQueries.aggregate('agency', [planId])).get(other)!)).toEqual({
        percent: 32.5,
        coverage: 0.5,
        completion: Completion.LIMITED,
      });
      expect(onlyFigures((await staffQueries.aggregate('agency', [planId])).get(other)!)).toEqual({
        percent: 57.5,
        coverage: 1,
        completion: Completion.SUBSTANTIAL,
      });

      // The plan, each commitment counting once and one with no data adding nothing: (12 + 65) / 3 = 25.66
      // for the public; (64 + 50 + 65) / 3 = 59.66 for staff; (64 + 65) / 3 = 43.0 for the lead agency's
      // coordinator; (12 + 50 + 65) / 3 = 42.33 for the other's.
      const plan = async (viewer: string) =>
        onlyFigures((await queriesFor(viewer).aggregate('plan', [planId])).get(planId)!);
      expect(await plan('anonymous')).toEqual({
        percent: 25.7,
        coverage: 0.667,
        completion: Completion.LIMITED,
      });
      expect(await plan('admin')).toEqual({
        percent: 59.7,
        coverage: 1,
        completion: Completion.SUBSTANTIAL,
      });
      expect(await plan('leadCoordinator')).toEqual({
        percent: 43,
        coverage: 0.667,
        completion: Completion.LIMITED,
      });
      expect(await plan('otherCoordinator')).toEqual({
        percent: 42.3,
        coverage: 1,
        completion: Completion.LIMITED,
      });
    });

    it('counts milestones per status as the viewer sees them', async () => {
      const distribution = async (viewer: string) =>
        Object.fromEntries(
          (await queriesFor(viewer).statusDistribution(planId)).map((s) => [
            s.status ?? 'NO_DATA',
            s.count,
          ]),
        );
      expect(await distribution('anonymous')).toEqual({
        NO_DATA: 3, // M1, M5, M8
        NOT_STARTED: 1, // M4
        IN_PROGRESS: 3, // M2, M3, M7
        COMPLETED: 1, // M6
        CANCELLED: 0,
      });
      expect(await distribution('leadCoordinator')).toEqual({
        NO_DATA: 1, // M5
        NOT_STARTED: 1,
        IN_PROGRESS: 2, // M3, M7
        COMPLETED: 4, // M1, M2, M6, M8
        CANCELLED: 0,
      });
      expect(await distribution('reviewer')).toEqual({
        NO_DATA: 0,
        NOT_STARTED: 1,
        IN_PROGRESS: 3,
        COMPLETED: 4,
        CANCELLED: 0,
      });
    });

    it('places only completions the viewer may see on the timeline, and counts undated ones likewise', async () => {
      const completed = async (viewer: string) =>
        (await queriesFor(viewer).timeline(planId))
          .filter((p) => p.completed > 0)
          .map(({ month, completed: count }) => ({ month, count }));
      expect(await completed('anonymous')).toEqual([{ month: '2019-03', count: 1 }]); // M6
      expect(await completed('leadCoordinator')).toEqual([
        { month: '2019-03', count: 2 }, // M1 (actual end 2019-03-10), M6
        { month: '2019-04', count: 1 }, // M2 (actual end 2019-04-18)
      ]);
      // M8's INTERNAL completion has no date a source gives.
      expect(await queriesFor('anonymous').undatedCompletions(planId)).toBe(0);
      expect(await queriesFor('otherCoordinator').undatedCompletions(planId)).toBe(0);
      expect(await queriesFor('leadCoordinator').undatedCompletions(planId)).toBe(1);
      expect(await queriesFor('admin').undatedCompletions(planId)).toBe(1);
    });

    it('can answer as of an effective date, from the updates dated by then', async () => {
      const asOf = async (viewer: string, date: string) => {
        const driver = db.dataSource.driver;
        const scope = ReadScope.of(viewers[viewer]);
        const [sql, values] = driver.escapeQueryWithParameters(
          `SELECT m.title_en, s.status, s.progress_percent, s.last_update_on, s.verification
           FROM (${milestoneStateSql(scope, 'c.action_plan_id = :planId', { asOf: ':asOf' })}) s
           JOIN milestone m ON m.id = s.milestone_id`,
          { ...scope.parameters, planId, asOf: date },
        );
        const rows: {
          title_en: string;
          status: string | null;
          progress_percent: number | null;
          last_update_on: string | null;
          verification: string;
        }[] = await db.dataSource.query(sql, values);
        return Object.fromEntries(rows.map((r) => [r.title_en, r]));
      };
      const staff = await asOf('reviewer', '2019-03-31');
      // M2 was completed (INTERNAL) only on 2019-04-20; M7's public report dates from June, its INTERNAL
      // cancellation from February; M6's "2019-03" report holds by the end of March.
      expect([staff.M2.status, staff.M2.progress_percent]).toEqual(['IN_PROGRESS', 40]);
      expect(staff.M2.verification).toBe('UNVERIFIED');
      expect([staff.M7.status, staff.M7.last_update_on]).toEqual(['CANCELLED', '2019-02-28']);
      expect(staff.M6.status).toBe('COMPLETED');
      expect(staff.M8.status).toBeNull();
      const publicView = await asOf('anonymous', '2019-03-31');
      expect(publicView.M7.status).toBeNull();
      expect(publicView.M1.status).toBeNull();
      // As of today, the state is the current one.
      const now = await asOf('reviewer', TODAY);
      expect([now.M2.status, now.M7.status, now.M8.status]).toEqual([
        'COMPLETED',
        'IN_PROGRESS',
        'COMPLETED',
      ]);
    });
  });

  describe('equal the TypeScript roll-up over the updates each viewer may see, on generated plans', () => {
    const seeds = Array.from({ length: 12 }, (_, i) => 100 + i);
    const loaded = new Map<
      number,
      { planId: string; file: PlanFile; ids: Map<string, string>; agencyIds: Map<string, string> }
    >();

    /** A generated plan with about a third of its history INTERNAL. */
    function withInternalUpdates(seed: number): PlanFile {
      const file = generatePlanFile(seed, 4 + (seed % 9));
      file.commitments.forEach((commitment, c) =>
        (commitment.milestones ?? []).forEach((milestone, m) =>
          (milestone.history ?? []).forEach((entry, u) => {
            if ((seed + c + m + u) % 3 === 0) entry.visibility = 'INTERNAL';
          }),
        ),
      );
      return file;
    }

    beforeAll(async () => {
      for (const seed of seeds) {
        const file = withInternalUpdates(seed);
        const { planId } = await createPlan(db.dataSource, file);
        const commitments: { ogp_id: string; id: string }[] = await db.dataSource.query(
          'SELECT ogp_id, id FROM commitment WHERE action_plan_id = $1',
          [planId],
        );
        const agencies: { slug: string; id: string }[] = await db.dataSource.query(
          'SELECT slug, id FROM agency WHERE slug = ANY($1)',
          [file.agencies.map((a) => a.key)],
        );
        loaded.set(seed, {
          planId,
          file,
          ids: new Map(commitments.map((c) => [c.ogp_id, c.id])),
          agencyIds: new Map(agencies.map((a) => [a.slug, a.id])),
        });
      }
    });

    it('has INTERNAL updates that change what the public sees', async () => {
      const [row]: { internal: string; hidden_latest: string }[] = await db.dataSource.query(
        `SELECT COUNT(*) FILTER (WHERE su.visibility = 'INTERNAL') AS internal,
           COUNT(*) FILTER (WHERE su.visibility = 'INTERNAL' AND NOT EXISTS (
             SELECT 1 FROM status_update later WHERE later.milestone_id = su.milestone_id
               AND (later.effective_date, later.sequence) > (su.effective_date, su.sequence))) AS hidden_latest
         FROM status_update su WHERE su.action_plan_id = ANY($1)`,
        [[...loaded.values()].map((p) => p.planId)],
      );
      expect(Number(row.internal)).toBeGreaterThan(20);
      expect(Number(row.hidden_latest)).toBeGreaterThan(10);
    });

    it.each(seeds)(
      'seed %i: commitments, themes, lead agencies and the plan, for the public, a coordinator and staff',
      async (seed) => {
        const plan = loaded.get(seed)!;
        const agencyKeys = plan.file.agencies.map((a) => a.key);
        const viewers: [string, Actor, (leadKey: string) => boolean][] = [
          ['public', ANONYMOUS, () => false],
          [
            `coordinator of ${agencyKeys[0]}`,
            user([Role.COORDINATOR], [plan.agencyIds.get(agencyKeys[0])!]),
            (lead) => lead === agencyKeys[0],
          ],
          ['reviewer', user([Role.REVIEWER]), () => true],
        ];
        for (const [label, actor, seesInternal] of viewers) {
          // The generator's effective dates rise through each history, so the latest visible update is the
          // last visible entry.
          const stateOf = (
            lead: string,
            milestone: NonNullable<PlanFile['commitments'][number]['milestones']>[number],
          ): WeightedMilestoneInput => {
            const visible = (milestone.history ?? []).filter(
              (entry) => entry.visibility !== 'INTERNAL' || seesInternal(lead),
            );
            const latest = visible[visible.length - 1];
            return {
              status: (latest?.status ?? null) as MilestoneStatus | null,
              progressPercent: latest?.progressPercent ?? null,
              weight: milestone.weight ?? 1,
            };
          };
          const expected = new Map(
            plan.file.commitments.map((c) => [
              c.ogpId,
              commitmentProgress((c.milestones ?? []).map((m) => stateOf(c.leadAgency, m))),
            ]),
          );
          const queries = new ProgressQueries(db.dataSource, ReadScope.of(actor));
          const actual = await queries.forCommitments([...plan.ids.values()]);
          for (const c of plan.file.commitments) {
            expect({
              label,
              ogpId: c.ogpId,
              ...figuresOf(actual.get(plan.ids.get(c.ogpId)!)!),
            }).toEqual({ label, ogpId: c.ogpId, ...figuresOf(expected.get(c.ogpId)!) });
          }
          const aggregateOf = (ogpIds: string[]) => {
            const result = aggregateProgress(ogpIds.map((o) => expected.get(o)!));
            return {
              ...figuresOf(result),
              commitmentCount: result.commitmentCount,
              reportedCount: result.reportedCount,
              completionCounts: counts(result.completionCounts),
            };
          };
          const byPlan = await queries.aggregate('plan', [plan.planId]);
          expect({ label, ...byPlan.get(plan.planId) }).toEqual({
            label,
            ...aggregateOf(plan.file.commitments.map((c) => c.ogpId)),
          });
          const byAgency = await queries.aggregate('agency', [plan.planId]);
          for (const key of agencyKeys) {
            const led = plan.file.commitments.filter((c) => c.leadAgency === key);
            if (led.length === 0) continue;
            expect({ label, key, ...byAgency.get(plan.agencyIds.get(key)!) }).toEqual({
              label,
              key,
              ...aggregateOf(led.map((c) => c.ogpId)),
            });
          }
        }
      },
    );
  });
});
