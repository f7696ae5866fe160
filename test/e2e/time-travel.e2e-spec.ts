import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, milestoneFlags, parsePartialDate, Role, type MilestoneFlag } from '@ogp/common';
import type { PlanFile, PlanFileMilestone, PlanFileStatusUpdate } from '@ogp/domain';
import { buildPlanFile, createPlan, historyEntry } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';
import { aggregateByRule, commitmentByRule, type RuleCommitment } from '../utils/written-roll-up';

/*
 * Time travel: `asOf` on actionPlan, commitment, commitments, milestones and dashboard answers as the plan stood
 * at the end of that day, rebuilt from the status updates by effective date, within what the viewer may see.
 */

const DK = 'dk-2017-2019';
const TODAY = new Date().toISOString().slice(0, 10);
const YESTERDAY = addDays(TODAY, -1);

const dkFile = JSON.parse(
  readFileSync(join(__dirname, '../../plans/dk-2017-2019.plan.json'), 'utf8'),
) as PlanFile;

// ---- The roll-up rules of product.md, worked out here from the plan file's facts --------------------------

/** The report that holds at the end of `asOf` (null: now); an undated one counts from its not-later-than day. */
function reportAt(milestone: PlanFileMilestone, asOf: string | null): PlanFileStatusUpdate | null {
  const dated = (milestone.history ?? [])
    .map((update, index) => ({
      update,
      index,
      on: parsePartialDate(update.effectiveDate).end,
    }))
    .filter((entry) => asOf === null || entry.on <= asOf)
    .sort((a, b) => a.on.localeCompare(b.on) || a.index - b.index);
  return dated.at(-1)?.update ?? null;
}

function lastUpdateOn(milestone: PlanFileMilestone, asOf: string | null): string | null {
  const report = reportAt(milestone, asOf);
  if (!report) return null;
  return parsePartialDate(report.effectiveDate).end;
}

function percentOf(report: PlanFileStatusUpdate | null): number | null {
  switch (report?.status) {
    case 'COMPLETED':
      return 100;
    case 'NOT_STARTED':
      return 0;
    case 'IN_PROGRESS':
      return report.progressPercent ?? null;
    default:
      return null;
  }
}

interface Figures {
  percent: number | null;
  coverage: number | null;
  completion: string;
}

/** A commitment's figures as of `asOf`, by the written rule over the reports that held then. */
function commitmentFigures(milestones: PlanFileMilestone[], asOf: string | null): RuleCommitment {
  return commitmentByRule(
    milestones.map((milestone) => {
      const report = reportAt(milestone, asOf);
      return {
        status: report?.status ?? null,
        progressPercent: report ? percentOf(report) : null,
        weight: milestone.weight ?? 1,
      };
    }),
  );
}

const onlyFigures = ({ percent, coverage, completion }: Figures): Figures => ({
  percent,
  coverage,
  completion,
});

function flagsAt(milestone: PlanFileMilestone, asOf: string | null): MilestoneFlag[] {
  const plannedEnd = milestone.plannedEnd ? parsePartialDate(milestone.plannedEnd) : null;
  return milestoneFlags(
    {
      status: (reportAt(milestone, asOf)?.status ?? null) as never,
      plannedEnd: plannedEnd && { start: plannedEnd.start, precision: plannedEnd.precision },
      lastUpdateOn: lastUpdateOn(milestone, asOf),
    },
    asOf ?? TODAY,
  );
}

// ---- Queries -----------------------------------------------------------------------------------------------

const FIGURES = 'percent coverage completion';

const COMMITMENTS = `
  query ($planSlug: String!, $asOf: String) {
    commitments(planSlug: $planSlug, first: 100, asOf: $asOf) {
      nodes {
        ogpId
        progress { ${FIGURES} }
        milestones { title { en } status progressPercent lastUpdateOn flags }
      }
    }
  }
`;

const DASHBOARD = `
  query ($planSlug: String!, $asOf: String) {
    dashboard(planSlug: $planSlug, asOf: $asOf) {
      asOf
      overall { ${FIGURES} commitmentCount reportedCount }
      byTheme { theme { key progress { percent } } progress { ${FIGURES} } }
      statusDistribution { status count }
      timeline { month planned completed completedCumulative }
      undatedCompletions
      overdue { title { en } flags }
      plan { progress { ${FIGURES} } }
    }
  }
`;

type Data = Record<string, any>;

describe('time travel (asOf)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const user = await createTestUser(db.dataSource, { roles: [Role.REVIEWER] });
    reviewer = await signIn(api.baseUrl, user);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function ask(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Data> {
    const result = await graphql(api.baseUrl, query, variables, headers);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  describe("Denmark's historic updates", () => {
    const dkMilestone = async (ogpId: string, index: number, asOf: string | null) => {
      const data = await ask(
        `query ($ogpId: String!, $asOf: String) {
           commitment(ogpId: $ogpId, asOf: $asOf) {
             progress { ${FIGURES} }
             milestones { status progressPercent lastUpdateOn verification actualEnd { end }
               history { status progressPercent } }
           }
         }`,
        { ogpId, asOf },
      );
      return { commitment: data.commitment, milestone: data.commitment.milestones[index] };
    };

    it('shows DK0051 as no data before its first report, then at 50 and 70 percent', async () => {
      const before = await dkMilestone('DK0051', 0, '2018-05-31');
      expect(before.milestone).toMatchObject({
        status: null,
        progressPercent: null,
        lastUpdateOn: null,
        history: [],
      });
      expect(before.commitment.progress).toEqual({
        percent: null,
        coverage: 0,
        completion: 'NO_EVIDENCE',
      });

      const june = await dkMilestone('DK0051', 0, '2018-06-30');
      expect(june.milestone).toMatchObject({
        status: 'IN_PROGRESS',
        progressPercent: 50,
        lastUpdateOn: '2018-06-30',
        history: [{ status: 'IN_PROGRESS', progressPercent: 50 }],
      });
      expect(june.commitment.progress).toEqual({
        percent: 50,
        coverage: 1,
        completion: 'SUBSTANTIAL',
      });

      for (const asOf of ['2018-10-30', '2018-10-31', '2019-12-31', YESTERDAY, TODAY, null]) {
        const { milestone } = await dkMilestone('DK0051', 0, asOf);
        expect({ asOf, status: milestone.status, percent: milestone.progressPercent }).toEqual({
          asOf,
          status: 'IN_PROGRESS',
          percent: asOf === '2018-10-30' ? 50 : 70,
        });
      }
      const late = await dkMilestone('DK0051', 0, '2019-12-31');
      expect(late.milestone.history).toHaveLength(2);
      expect(late.milestone.verification).toBe('UNVERIFIED');
    });

    it("shows DK0058's task force completed from 2017-09-30, not a day earlier", async () => {
      const before = await dkMilestone('DK0058', 0, '2017-09-29');
      expect(before.milestone.status).toBeNull();
      expect(before.milestone.actualEnd).toBeNull();
      const done = await dkMilestone('DK0058', 0, '2017-09-30');
      expect(done.milestone).toMatchObject({
        status: 'COMPLETED',
        progressPercent: 100,
        actualEnd: { end: '2017-09-30' },
      });
    });

    it("counts an update no source dates from the file's not-later-than day, not the load day (DK0055)", async () => {
      const outcome = dkFile.commitments.find((c) => c.ogpId === 'DK0055')!.milestones![0]
        .history![0];
      expect(outcome.effectiveDateQualifier).toBe('NOT_LATER_THAN');
      const day = outcome.effectiveDate;
      expect((await dkMilestone('DK0055', 0, addDays(day, -1))).milestone.status).toBeNull();
      expect((await dkMilestone('DK0055', 0, day)).milestone.status).toBe('COMPLETED');
      expect((await dkMilestone('DK0055', 0, YESTERDAY)).milestone.status).toBe('COMPLETED');
      expect((await dkMilestone('DK0055', 0, null)).milestone.status).toBe('COMPLETED');
    });

    it('answers the plan dashboard at the end of 2017, at the end of 2019 and now with different figures', async () => {
      const at = async (asOf: string | null) =>
        (await ask(DASHBOARD, { planSlug: DK, asOf })).dashboard;
      const end2017 = await at('2017-12-31');
      const end2019 = await at('2019-12-31');
      const now = await at(null);

      // Worked out by hand from the plan file, every commitment counting once and those with no data adding
      // nothing. By 2017 only DK0058 (both milestones done in autumn 2017): 100 / 14 = 7.1. By 2019 also
      // DK0051 (70), DK0053 (100), DK0059 (50: its second milestone in progress with no figure), DK0060 (33.3:
      // one of three done), DK0062 (50: one of two done), and DK0056 and DK0061 reported in progress with no
      // figure: (70 + 100 + 100 + 50 + 33.3 + 50) / 14 = 28.8, 8 of 14 reported. Now DK0052 (launched 2020:
      // 33.3) and the two completions no source dates (DK0055 100, DK0059 to 100) too:
      // (70 + 33.3 + 100 + 100 + 100 + 100 + 33.3 + 50) / 14 = 41.9, 10 of 14 reported.
      expect(end2017.asOf).toBe('2017-12-31');
      expect(end2017.overall).toEqual({
        percent: 7.1,
        coverage: 0.071,
        completion: 'LIMITED',
        commitmentCount: 14,
        reportedCount: 1,
      });
      expect(end2019.overall).toEqual({
        percent: 28.8,
        coverage: 0.571,
        completion: 'LIMITED',
        commitmentCount: 14,
        reportedCount: 8,
      });
      expect(now.asOf).toBe(TODAY);
      expect(now.overall).toEqual({
        percent: 41.9,
        coverage: 0.714,
        completion: 'LIMITED',
        commitmentCount: 14,
        reportedCount: 10,
      });
      // The plan under the dashboard answers as of the same day.
      expect(end2017.plan.progress).toEqual({
        percent: 7.1,
        coverage: 0.071,
        completion: 'LIMITED',
      });

      const statuses = (d: Data) =>
        Object.fromEntries(
          (d.statusDistribution as { status: string | null; count: number }[]).map((s) => [
            s.status ?? 'NO_DATA',
            s.count,
          ]),
        );
      expect(statuses(end2017)).toEqual({
        NO_DATA: 22,
        NOT_STARTED: 0,
        IN_PROGRESS: 0,
        COMPLETED: 2,
        CANCELLED: 0,
      });
      // In progress: DK0051, DK0056 and DK0061 (no figures) and DK0059's second milestone.
      expect(statuses(end2019)).toEqual({
        NO_DATA: 14,
        NOT_STARTED: 0,
        IN_PROGRESS: 4,
        COMPLETED: 6,
        CANCELLED: 0,
      });

      const completedBy = (d: Data) => (d.timeline as { completedCumulative: number }[]).at(-1)!;
      expect(completedBy(end2017).completedCumulative).toBe(2);
      expect(end2017.undatedCompletions).toBe(0);
      expect(end2019.undatedCompletions).toBe(0);
      expect(now.undatedCompletions).toBe(2);
      // The feasibility study for the day-care portal (planned for 2017-10) was overdue at the end of 2017.
      expect(end2017.overdue.map((m: Data) => m.title.en)).toEqual([
        expect.stringMatching(/^Feasibility study/),
      ]);
      expect(end2017.overdue[0].flags).toEqual(['OVERDUE']);
    });

    it.each(['2017-12-31', '2018-06-30', '2018-12-31', '2019-12-31', YESTERDAY, null])(
      'gives every commitment, milestone and roll-up as worked out from the facts, as of %s',
      async (asOf) => {
        const { commitments } = await ask(COMMITMENTS, { planSlug: DK, asOf });
        const byId = new Map<string, Data>(commitments.nodes.map((n: Data) => [n.ogpId, n]));
        const expected = new Map<string, RuleCommitment>();
        for (const commitment of dkFile.commitments) {
          const node = byId.get(commitment.ogpId)!;
          const milestones = commitment.milestones ?? [];
          const figures = commitmentFigures(milestones, asOf);
          expected.set(commitment.ogpId, figures);
          expect({ ogpId: commitment.ogpId, ...node.progress }).toEqual({
            ogpId: commitment.ogpId,
            ...onlyFigures(figures),
          });
          expect(
            node.milestones.map((m: Data) => [
              m.status,
              m.progressPercent,
              m.lastUpdateOn,
              m.flags,
            ]),
          ).toEqual(
            milestones.map((m) => {
              const report = reportAt(m, asOf);
              return [
                report?.status ?? null,
                report ? percentOf(report) : null,
                lastUpdateOn(m, asOf),
                flagsAt(m, asOf),
              ];
            }),
          );
        }

        const { dashboard } = await ask(DASHBOARD, { planSlug: DK, asOf });
        const overall = aggregateByRule([...expected.values()]);
        expect(dashboard.overall).toEqual({
          percent: overall.percent,
          coverage: overall.coverage,
          completion: overall.completion,
          commitmentCount: dkFile.commitments.length,
          reportedCount: overall.reportedCount,
        });
        for (const { theme, progress } of dashboard.byTheme as Data[]) {
          const figures = aggregateByRule(
            dkFile.commitments
              .filter((c) => c.themeKey === theme.key)
              .map((c) => expected.get(c.ogpId)!),
          );
          expect({ theme: theme.key, ...progress }).toEqual({
            theme: theme.key,
            percent: figures.percent,
            coverage: figures.coverage,
            completion: figures.completion,
          });
          expect(theme.progress.percent).toBe(figures.percent);
        }
        const every = dkFile.commitments.flatMap((c) => c.milestones ?? []);
        const overdue = every
          .filter((m) => flagsAt(m, asOf).includes('OVERDUE' as MilestoneFlag))
          .map((m) => m.title.en)
          .sort();
        expect(dashboard.overdue.map((m: Data) => m.title.en).sort()).toEqual(overdue);
        const count = (status: string | null) =>
          every.filter((m) => (reportAt(m, asOf)?.status ?? null) === status).length;
        expect(dashboard.statusDistribution).toEqual(
          [null, 'NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'].map((status) => ({
            status,
            count: count(status),
          })),
        );
      },
    );

    it('answers actionPlan(asOf) with themes, commitments and progress as of that day', async () => {
      const query = `query ($asOf: String) {
        actionPlan(slug: "${DK}", asOf: $asOf) {
          progress { percent reportedCount }
          themes { key progress { percent } commitments { ogpId progress { percent } } }
          commitments(first: 100) { nodes { ogpId progress { percent } } }
          later: commitments(first: 100, asOf: "2019-12-31") { nodes { ogpId progress { percent } } }
        }
      }`;
      const { actionPlan } = await ask(query, { asOf: '2017-12-31' });
      // DK0058 alone, over all 14 commitments.
      expect(actionPlan.progress).toEqual({ percent: 7.1, reportedCount: 1 });
      const reported = (nodes: Data[]) =>
        nodes.filter((n) => n.progress.percent !== null).map((n) => n.ogpId);
      expect(reported(actionPlan.commitments.nodes)).toEqual(['DK0058']);
      expect(reported(actionPlan.themes.flatMap((t: Data) => t.commitments))).toEqual(['DK0058']);
      expect(
        actionPlan.themes.map((t: Data) => [t.key, t.progress.percent]).filter((t: any) => t[1]),
      ).toEqual([['better_public_sector', 33.3]]);
      // Its own asOf wins on ActionPlan.commitments.
      expect(reported(actionPlan.later.nodes)).toEqual([
        'DK0051',
        'DK0053',
        'DK0058',
        'DK0059',
        'DK0060',
        'DK0062',
      ]);
    });
  });

  describe('updates on several effective dates', () => {
    /*
     * C1: MA (weight 1, planned end 2019-06-30): NOT_STARTED 2019-01-10, IN_PROGRESS 30 2019-03-15,
     *       INTERNAL IN_PROGRESS 60 2019-05-20, COMPLETED 2019-08-01 (actual 2019-02-01 to 2019-07-25)
     *     MB (weight 2, planned end 2019-12): IN_PROGRESS 20 2019-04-30
     * C2: MC COMPLETED 2019-04-01 (actual end 2019-04-01)
     * C3: MD IN_PROGRESS 40 2019-05 (i.e. 2019-05-31), then COMPLETED with no date a source gives (the file
     *     says: not later than today)
     */
    let file: PlanFile;
    let slug: string;
    let c1: string;

    beforeAll(async () => {
      file = buildPlanFile({
        commitments: [
          {
            milestones: [
              {
                title: { en: 'MA' },
                plannedEnd: '2019-06-30',
                history: [
                  historyEntry('NOT_STARTED', '2019-01-10', { progressPercent: 0 }),
                  historyEntry('IN_PROGRESS', '2019-03-15', { progressPercent: 30 }),
                  historyEntry('IN_PROGRESS', '2019-05-20', {
                    progressPercent: 60,
                    visibility: 'INTERNAL',
                  }),
                  historyEntry('COMPLETED', '2019-08-01', {
                    progressPercent: 100,
                    actualStart: '2019-02-01',
                    actualEnd: '2019-07-25',
                  }),
                ],
              },
              {
                title: { en: 'MB' },
                plannedEnd: '2019-12',
                weight: 2,
                history: [historyEntry('IN_PROGRESS', '2019-04-30', { progressPercent: 20 })],
              },
            ],
          },
          {
            milestones: [
              {
                title: { en: 'MC' },
                plannedEnd: '2019-06',
                history: [
                  historyEntry('COMPLETED', '2019-04-01', {
                    progressPercent: 100,
                    actualEnd: '2019-04-01',
                  }),
                ],
              },
            ],
          },
          {
            milestones: [
              {
                title: { en: 'MD' },
                plannedEnd: '2020-06',
                history: [
                  historyEntry('IN_PROGRESS', '2019-05', { progressPercent: 40 }),
                  historyEntry('COMPLETED', null, { progressPercent: 100 }),
                ],
              },
            ],
          },
        ],
      });
      await createPlan(db.dataSource, file);
      slug = file.plan.slug;
      c1 = file.commitments[0].ogpId;
    }, 30_000);

    const commitmentAt = async (
      asOf: string | null,
      headers: Record<string, string> = {},
    ): Promise<Data> =>
      (
        await ask(
          `query ($ogpId: String!, $asOf: String) {
             commitment(ogpId: $ogpId, asOf: $asOf) {
               progress { ${FIGURES} }
               milestones {
                 title { en } status progressPercent lastUpdateOn flags verification
                 actualStart { start } actualEnd { end }
                 history { status progressPercent visibility }
                 commitment { progress { percent } }
               }
             }
           }`,
          { ogpId: c1, asOf },
          headers,
        )
      ).commitment;

    const dashboardAt = async (
      asOf: string | null,
      headers: Record<string, string> = {},
    ): Promise<Data> => (await ask(DASHBOARD, { planSlug: slug, asOf }, headers)).dashboard;

    // [asOf, MA status, MA percent, MA flags, MB status, C1 percent, C1 coverage, C1 completion, plan percent,
    //  plan coverage, completed by then]
    const STATES: [
      string | null,
      string | null,
      number | null,
      string[],
      string | null,
      number | null,
      number,
      string,
      number | null,
      number,
      number,
    ][] = [
      ['2019-01-09', null, null, [], null, null, 0, 'NO_EVIDENCE', null, 0, 0],
      ['2019-01-10', 'NOT_STARTED', 0, [], null, 0, 0.333, 'NOT_STARTED', 0, 0.333, 0],
      // MB has no data and adds nothing: C1 = 30 / 3; the plan (10 + nothing + nothing) / 3
      ['2019-03-15', 'IN_PROGRESS', 30, [], null, 10, 0.333, 'LIMITED', 3.3, 0.333, 0],
      // MC completed on 2019-04-01; MB reported on 2019-04-30: C1 = (30 + 2 x 20) / 3; plan (23.3 + 100) / 3
      ['2019-04-30', 'IN_PROGRESS', 30, [], 'IN_PROGRESS', 23.3, 1, 'LIMITED', 41.1, 0.667, 1],
      // The INTERNAL 60 % is not for the public; MD's 40 % holds from 2019-05-31: plan (23.3 + 100 + 40) / 3
      [
        '2019-05-31',
        'IN_PROGRESS',
        30,
        ['DUE_SOON'],
        'IN_PROGRESS',
        23.3,
        1,
        'LIMITED',
        54.4,
        1,
        1,
      ],
      // Past MA's planned end, and 108 days after its last public report.
      [
        '2019-07-01',
        'IN_PROGRESS',
        30,
        ['OVERDUE', 'STALE'],
        'IN_PROGRESS',
        23.3,
        1,
        'LIMITED',
        54.4,
        1,
        1,
      ],
      // C1 = (100 + 2 x 20) / 3 = 46.66, rounded half up; MB has had no update for 93 days.
      ['2019-08-01', 'COMPLETED', 100, [], 'IN_PROGRESS', 46.7, 1, 'LIMITED', 62.2, 1, 2],
      [YESTERDAY, 'COMPLETED', 100, [], 'IN_PROGRESS', 46.7, 1, 'LIMITED', 62.2, 1, 2],
      // MD's undated completion counts from its not-later-than day, today: (46.7 + 100 + 100) / 3
      [TODAY, 'COMPLETED', 100, [], 'IN_PROGRESS', 46.7, 1, 'LIMITED', 82.2, 1, 2],
      [null, 'COMPLETED', 100, [], 'IN_PROGRESS', 46.7, 1, 'LIMITED', 82.2, 1, 2],
    ];

    it.each(STATES)(
      'answers exactly the state of %s for the milestone, its commitment and the dashboard',
      async (
        asOf,
        maStatus,
        maPercent,
        maFlags,
        mbStatus,
        c1Percent,
        c1Coverage,
        c1Completion,
        planPercent,
        planCoverage,
        completed,
      ) => {
        const commitment = await commitmentAt(asOf);
        const [ma, mb] = commitment.milestones as Data[];
        expect({ status: ma.status, percent: ma.progressPercent, flags: ma.flags }).toEqual({
          status: maStatus,
          percent: maPercent,
          flags: maFlags,
        });
        expect(mb.status).toBe(mbStatus);
        expect(commitment.progress).toEqual({
          percent: c1Percent,
          coverage: c1Coverage,
          completion: c1Completion,
        });
        // Nested fields answer as of the same day.
        expect(ma.commitment.progress.percent).toBe(c1Percent);
        const publicHistory = (file.commitments[0].milestones![0].history ?? []).filter(
          (h) =>
            h.visibility !== 'INTERNAL' &&
            (asOf === null || parsePartialDate(h.effectiveDate).end <= asOf),
        );
        expect(ma.history).toEqual(
          publicHistory.reverse().map((h) => ({
            status: h.status,
            progressPercent: h.progressPercent,
            visibility: 'PUBLIC',
          })),
        );
        expect(ma.actualEnd).toEqual(maStatus === 'COMPLETED' ? { end: '2019-07-25' } : null);
        expect(ma.verification).toBe('UNVERIFIED');

        const dashboard = await dashboardAt(asOf);
        expect(dashboard.asOf).toBe(asOf ?? TODAY);
        expect(dashboard.overall).toMatchObject({ percent: planPercent, coverage: planCoverage });
        // The timeline counts dated completions only (MD's has no date a source gives).
        expect(dashboard.timeline.at(-1).completedCumulative).toBe(completed);
        expect(dashboard.undatedCompletions).toBe(asOf === null || asOf === TODAY ? 1 : 0);
        // Today MD is completed; yesterday it was still in progress, after its planned end (2020-06).
        const overdue: Record<string, string[]> = {
          '2019-07-01': ['MA'],
          [YESTERDAY]: ['MB', 'MD'],
          [TODAY]: ['MB'],
          now: ['MB'],
        };
        expect(dashboard.overdue.map((m: Data) => m.title.en)).toEqual(
          overdue[asOf ?? 'now'] ?? [],
        );
      },
    );

    it('derives flags at asOf: DUE_SOON within 30 days of the planned end, OVERDUE after it, STALE after 90 quiet days', async () => {
      const flags = async (asOf: string, headers: Record<string, string> = {}) => {
        const c = await commitmentAt(asOf, headers);
        return { asOf, ma: c.milestones[0].flags, mb: c.milestones[1].flags };
      };
      // MA is due 2019-06-30; its last public report is of 2019-03-15 (the INTERNAL one of 2019-05-20 is not
      // for the public), so it goes STALE for the public after 2019-06-13. MB's only report is of 2019-04-30.
      const expected: [string, string[], string[]][] = [
        ['2019-05-30', [], []],
        ['2019-05-31', ['DUE_SOON'], []],
        ['2019-06-13', ['DUE_SOON'], []],
        ['2019-06-14', ['DUE_SOON', 'STALE'], []],
        ['2019-06-30', ['DUE_SOON', 'STALE'], []],
        ['2019-07-01', ['OVERDUE', 'STALE'], []],
        ['2019-07-29', ['OVERDUE', 'STALE'], []],
        ['2019-07-30', ['OVERDUE', 'STALE'], ['STALE']],
        ['2019-08-01', [], ['STALE']],
        ['2019-12-01', [], ['DUE_SOON', 'STALE']],
        ['2020-01-01', [], ['OVERDUE', 'STALE']],
      ];
      for (const [asOf, ma, mb] of expected) {
        expect(await flags(asOf)).toEqual({ asOf, ma, mb });
      }
      // A reviewer sees the INTERNAL report, so MA is not stale for them.
      expect(await flags('2019-07-01', reviewer)).toEqual({
        asOf: '2019-07-01',
        ma: ['OVERDUE'],
        mb: [],
      });
    });

    it('filters commitments and milestones on progress and flags as of the day', async () => {
      const milestones = async (asOf: string | null, filter: Record<string, unknown>) =>
        (
          await ask(
            `query ($planSlug: String!, $asOf: String, $filter: MilestoneFilter) {
               milestones(planSlug: $planSlug, asOf: $asOf, filter: $filter) {
                 totalCount nodes { title { en } status commitment { progress { percent } } }
               }
             }`,
            { planSlug: slug, asOf, filter },
          )
        ).milestones;
      const overdue = await milestones('2019-07-01', { flag: 'OVERDUE' });
      expect(overdue.nodes.map((m: Data) => m.title.en)).toEqual(['MA']);
      expect(overdue.nodes[0].commitment.progress.percent).toBe(23.3);
      expect(
        (await milestones(null, { flag: 'OVERDUE' })).nodes.map((m: Data) => m.title.en),
      ).toEqual(['MB']);
      const noData = await milestones('2019-04-01', { noData: true });
      expect(noData.nodes.map((m: Data) => m.title.en)).toEqual(['MB', 'MD']);
      const completedThen = await milestones('2019-08-01', { status: 'COMPLETED' });
      expect(completedThen.nodes.map((m: Data) => m.title.en)).toEqual(['MA', 'MC']);

      const commitments = async (asOf: string | null, filter: Record<string, unknown>) =>
        (
          await ask(
            `query ($planSlug: String!, $asOf: String, $filter: CommitmentFilter) {
               commitments(planSlug: $planSlug, asOf: $asOf, filter: $filter) {
                 nodes { ogpId progress { percent } }
               }
             }`,
            { planSlug: slug, asOf, filter },
          )
        ).commitments.nodes.map((c: Data) => [c.ogpId, c.progress.percent]);
      const [, c2, c3] = file.commitments.map((c) => c.ogpId);
      expect(await commitments('2019-03-31', { completion: 'NO_EVIDENCE' })).toEqual([
        [c2, null],
        [c3, null],
      ]);
      expect(await commitments('2019-06-01', { completion: 'LIMITED' })).toEqual([
        [c1, 23.3],
        [c3, 40],
      ]);
      expect(await commitments(null, { completion: 'COMPLETE' })).toEqual([
        [c2, 100],
        [c3, 100],
      ]);
      expect(await commitments('2019-07-01', { flag: 'OVERDUE' })).toEqual([[c1, 23.3]]);
      expect(await commitments('2019-05-31', { status: 'COMPLETED' })).toEqual([[c2, 100]]);
    });

    it('keeps INTERNAL updates hidden from the public as of a date, and shows them to a reviewer', async () => {
      const publicView = await commitmentAt('2019-06-01');
      const staffView = await commitmentAt('2019-06-01', reviewer);
      expect(publicView.milestones[0]).toMatchObject({
        status: 'IN_PROGRESS',
        progressPercent: 30,
      });
      expect(publicView.milestones[0].history.map((h: Data) => h.visibility)).toEqual([
        'PUBLIC',
        'PUBLIC',
      ]);
      expect(publicView.progress.percent).toBe(23.3);
      expect(staffView.milestones[0]).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 60 });
      expect(staffView.milestones[0].lastUpdateOn).toBe('2019-05-20');
      expect(staffView.milestones[0].history.map((h: Data) => h.progressPercent)).toEqual([
        60, 30, 0,
      ]);
      // (60 + 2 x 20) / 3
      expect(staffView.progress.percent).toBe(33.3);
      expect((await dashboardAt('2019-06-01')).overall.percent).toBe(54.4);
      // (33.3 + 100 + 40) / 3 = 57.77, rounded half up
      expect((await dashboardAt('2019-06-01', reviewer)).overall.percent).toBe(57.8);
      // Before the INTERNAL report, both see the same.
      expect((await commitmentAt('2019-05-19', reviewer)).progress.percent).toBe(23.3);
    });

    it('shows dashboard(asOf: yesterday) with the figures from before an update recorded today', async () => {
      const yesterday = await dashboardAt(YESTERDAY);
      const now = await dashboardAt(null);
      expect(yesterday.asOf).toBe(YESTERDAY);
      expect(yesterday.overall.percent).toBe(62.2);
      expect(now.overall.percent).toBe(82.2);
      const statuses = (d: Data) =>
        (d.statusDistribution as Data[]).filter((s) => s.count > 0).map((s) => [s.status, s.count]);
      expect(statuses(yesterday)).toEqual([
        ['IN_PROGRESS', 2],
        ['COMPLETED', 2],
      ]);
      expect(statuses(now)).toEqual([
        ['IN_PROGRESS', 1],
        ['COMPLETED', 3],
      ]);
    });
  });

  describe('updates recorded through recordMilestoneUpdate', () => {
    /*
     * A fresh plan of two commitments: K1 with one milestone (planned end 2019-06-30) that is reported through
     * the API on several effective dates, the last one today; K2 with one milestone completed in 2019-03.
     */
    let file: PlanFile;
    let admin: Record<string, string>;
    let milestoneId: string;
    let k1: string;

    const RECORD = `
      mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { milestone { version } }
      }
    `;

    beforeAll(async () => {
      file = buildPlanFile({
        commitments: [
          { milestones: [{ title: { en: 'Written' }, plannedEnd: '2019-06-30', history: [] }] },
          {
            milestones: [
              {
                title: { en: 'Done early' },
                plannedEnd: '2019-06',
                history: [historyEntry('COMPLETED', '2019-03', { progressPercent: 100 })],
              },
            ],
          },
        ],
      });
      await createPlan(db.dataSource, file);
      k1 = file.commitments[0].ogpId;
      const user = await createTestUser(db.dataSource, { roles: [Role.ADMIN] });
      admin = await signIn(api.baseUrl, user);
      const found = await ask(
        'query ($ogpId: String!) { commitment(ogpId: $ogpId) { milestones { id version } } }',
        { ogpId: k1 },
      );
      milestoneId = found.commitment.milestones[0].id;
      let version = found.commitment.milestones[0].version as number;
      const reports: Record<string, unknown>[] = [
        { status: 'NOT_STARTED', progressPercent: 0, effectiveDate: '2019-02-01' },
        { status: 'IN_PROGRESS', progressPercent: 25, effectiveDate: '2019-04-15' },
        { status: 'IN_PROGRESS', progressPercent: 80, effectiveDate: '2019-09-30' },
        { status: 'COMPLETED', progressPercent: 100, actualEnd: TODAY }, // effective today
      ];
      for (const report of reports) {
        const data = await ask(
          RECORD,
          {
            input: {
              milestoneId,
              expectedVersion: version,
              note: { en: 'Reported in the time-travel test.' },
              evidence: [{ url: 'https://example.org/report', title: 'Report' }],
              ...report,
            },
          },
          admin,
        );
        version = data.recordMilestoneUpdate.milestone.version;
      }
    }, 30_000);

    // [asOf, status, percent, flags, history length, K1 percent, K1 completion, plan percent, plan coverage]
    const STATES: [
      string | null,
      string | null,
      number | null,
      string[],
      number,
      number | null,
      string,
      number | null,
      number,
    ][] = [
      ['2019-01-31', null, null, [], 0, null, 'NO_EVIDENCE', null, 0],
      ['2019-02-01', 'NOT_STARTED', 0, [], 1, 0, 'NOT_STARTED', 0, 0.5],
      // K2 completed by 2019-03-31: (0 + 100) / 2
      ['2019-03-31', 'NOT_STARTED', 0, [], 1, 0, 'NOT_STARTED', 50, 1],
      ['2019-04-15', 'IN_PROGRESS', 25, [], 2, 25, 'LIMITED', 62.5, 1],
      ['2019-06-01', 'IN_PROGRESS', 25, ['DUE_SOON'], 2, 25, 'LIMITED', 62.5, 1],
      ['2019-07-01', 'IN_PROGRESS', 25, ['OVERDUE'], 2, 25, 'LIMITED', 62.5, 1],
      ['2019-09-30', 'IN_PROGRESS', 80, ['OVERDUE'], 3, 80, 'SUBSTANTIAL', 90, 1],
      [YESTERDAY, 'IN_PROGRESS', 80, ['OVERDUE', 'STALE'], 3, 80, 'SUBSTANTIAL', 90, 1],
      [TODAY, 'COMPLETED', 100, [], 4, 100, 'COMPLETE', 100, 1],
      [null, 'COMPLETED', 100, [], 4, 100, 'COMPLETE', 100, 1],
    ];

    it.each(STATES)(
      'answers exactly the state of %s for the recorded milestone, its commitment and the dashboard',
      async (
        asOf,
        status,
        percent,
        flags,
        historyLength,
        k1Percent,
        k1Completion,
        planPercent,
        cov,
      ) => {
        const { commitment } = await ask(
          `query ($ogpId: String!, $asOf: String) {
             commitment(ogpId: $ogpId, asOf: $asOf) {
               progress { percent completion }
               milestones { id status progressPercent flags lastUpdateOn history { progressPercent } }
             }
           }`,
          { ogpId: k1, asOf },
        );
        const [milestone] = commitment.milestones as Data[];
        expect(milestone.id).toBe(milestoneId);
        expect({
          status: milestone.status,
          percent: milestone.progressPercent,
          flags: milestone.flags,
          history: milestone.history.length,
        }).toEqual({ status, percent, flags, history: historyLength });
        expect(commitment.progress).toEqual({ percent: k1Percent, completion: k1Completion });

        const listed = await ask(
          `query ($planSlug: String!, $asOf: String) {
             milestones(planSlug: $planSlug, asOf: $asOf, filter: { commitmentOgpId: "${k1}" }) {
               nodes { status progressPercent commitment { progress { percent } } }
             }
           }`,
          { planSlug: file.plan.slug, asOf },
        );
        expect(listed.milestones.nodes).toEqual([
          { status, progressPercent: percent, commitment: { progress: { percent: k1Percent } } },
        ]);

        const dashboard = (await ask(DASHBOARD, { planSlug: file.plan.slug, asOf })).dashboard;
        expect(dashboard.asOf).toBe(asOf ?? TODAY);
        expect(dashboard.overall).toMatchObject({ percent: planPercent, coverage: cov });
        expect(dashboard.overdue.map((m: Data) => m.title.en)).toEqual(
          flags.includes('OVERDUE') ? ['Written'] : [],
        );
      },
    );

    it('still shows the old figures on dashboard(asOf: yesterday) after an update recorded today', async () => {
      const yesterday = (await ask(DASHBOARD, { planSlug: file.plan.slug, asOf: YESTERDAY }))
        .dashboard;
      const now = (await ask(DASHBOARD, { planSlug: file.plan.slug })).dashboard;
      expect(yesterday.overall.percent).toBe(90);
      expect(now.overall.percent).toBe(100);
      expect(yesterday.timeline.at(-1).completedCumulative).toBe(1);
      expect(now.timeline.at(-1).completedCumulative).toBe(2);
    });
  });

  describe('the asOf argument', () => {
    const TOMORROW = addDays(TODAY, 1);
    const QUERIES = [
      `query ($asOf: String) { actionPlan(slug: "${DK}", asOf: $asOf) { slug } }`,
      `query ($asOf: String) { actionPlan(slug: "${DK}") { commitments(asOf: $asOf) { totalCount } } }`,
      'query ($asOf: String) { commitment(ogpId: "DK0051", asOf: $asOf) { ogpId } }',
      `query ($asOf: String) { commitments(planSlug: "${DK}", asOf: $asOf) { totalCount } }`,
      `query ($asOf: String) { milestones(planSlug: "${DK}", asOf: $asOf) { totalCount } }`,
      `query ($asOf: String) { dashboard(planSlug: "${DK}", asOf: $asOf) { asOf } }`,
    ];

    it.each([
      '2019-02-30',
      '2019-1-01',
      '20190101',
      'yesterday',
      '',
      '2019-01-01T00:00:00Z',
      '0000-01-01',
      'garbage',
      '2018-13-40',
      TOMORROW,
    ])('refuses %j with BAD_USER_INPUT naming asOf, everywhere it is taken', async (asOf) => {
      for (const query of QUERIES) {
        const result = await graphql(api.baseUrl, query, { asOf });
        expect({ query, code: result.errors?.[0].extensions?.code }).toEqual({
          query,
          code: 'BAD_USER_INPUT',
        });
        expect(result.errors?.[0].extensions?.field).toBe('asOf');
        expect(result.errors?.[0].message).toMatch(/^asOf: /);
      }
    });

    it('takes today and any past day', async () => {
      for (const asOf of [TODAY, '1999-01-01', '2016-02-29']) {
        for (const query of QUERIES) {
          const result = await graphql(api.baseUrl, query, { asOf });
          expect({ query, asOf, errors: result.errors }).toEqual({
            query,
            asOf,
            errors: undefined,
          });
        }
      }
    });
  });
});
