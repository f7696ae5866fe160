import { Role } from '@ogp/common';
import { PlanLoader, type PlanFile, type PlanFileStatusUpdate } from '@ogp/domain';
import { buildPlanFile, historyEntry } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

/*
 * Who sees what, over HTTP: unpublished plans only for reviewers, administrators and coordinators of an
 * agency that leads one of their commitments; INTERNAL status updates only for reviewers, administrators and
 * coordinators of the commitment's lead agency. For everyone else they do not exist, in any list, count or
 * figure.
 */

const LEAD = 'visibility-lead';
const OTHER = 'visibility-other';
const THIRD = 'visibility-third';
const VISIBLE = 'visibility-published';
const HIDDEN = 'visibility-unpublished';
const DENMARK = 'dk-2017-2019';

const internal = (
  status: PlanFileStatusUpdate['status'],
  effectiveDate: string | null,
  extra: Partial<PlanFileStatusUpdate> = {},
) => historyEntry(status, effectiveDate, { ...extra, visibility: 'INTERNAL' });

/*
 * VE0001 (open-data, led by LEAD, supported by OTHER)
 *   "Only internal"          INTERNAL COMPLETED 2019-03-15 (actual end 2019-03-10)
 *   "Internal after public"  PUBLIC IN_PROGRESS 40 2019-01-15, then INTERNAL COMPLETED 2019-04-20 (2019-04-18)
 *   "Public only"            PUBLIC NOT_STARTED 2018-11-01
 *   "Undated internal"       INTERNAL COMPLETED, no date a source gives
 *   public: (40 + 0) / 2 = 20.0 %, coverage 2 of 4, LIMITED; lead: (100 + 100 + 0 + 100) / 4 = 75.0 %, SUBSTANTIAL
 * VE0002 (public-services, led by OTHER)
 *   "Other agency's"         INTERNAL IN_PROGRESS 50 2019-05-01
 *   "Done in public"         PUBLIC COMPLETED 2019-03 (actual end 2019-03-05)
 *   public: 100.0 %, coverage 1 of 2, COMPLETE; OTHER: (50 + 100) / 2 = 75.0 %, SUBSTANTIAL
 */
const visiblePlan: PlanFile = buildPlanFile({
  agencyKeys: [LEAD, OTHER, THIRD],
  plan: { slug: VISIBLE, title: { en: 'Published plan with internal notes' } },
  commitments: [
    {
      ogpId: 'VE0001',
      number: '1.1',
      themeKey: 'open-data',
      leadAgency: LEAD,
      supportingAgencies: [OTHER],
      milestones: [
        {
          title: { en: 'Only internal' },
          plannedEnd: '2019-03',
          history: [
            internal('COMPLETED', '2019-03-15', { progressPercent: 100, actualEnd: '2019-03-10' }),
          ],
        },
        {
          title: { en: 'Internal after public' },
          plannedEnd: '2019-06',
          history: [
            historyEntry('IN_PROGRESS', '2019-01-15', { progressPercent: 40 }),
            internal('COMPLETED', '2019-04-20', { progressPercent: 100, actualEnd: '2019-04-18' }),
          ],
        },
        {
          title: { en: 'Public only' },
          plannedEnd: '2019-12',
          history: [historyEntry('NOT_STARTED', '2018-11-01', { progressPercent: 0 })],
        },
        {
          title: { en: 'Undated internal' },
          plannedEnd: '2019-12',
          history: [internal('COMPLETED', null, { progressPercent: 100 })],
        },
      ],
    },
    {
      ogpId: 'VE0002',
      number: '2.1',
      themeKey: 'public-services',
      leadAgency: OTHER,
      milestones: [
        {
          title: { en: "Other agency's" },
          plannedEnd: '2019-06',
          history: [internal('IN_PROGRESS', '2019-05-01', { progressPercent: 50 })],
        },
        {
          title: { en: 'Done in public' },
          plannedEnd: '2019-03',
          history: [
            historyEntry('COMPLETED', '2019-03', { progressPercent: 100, actualEnd: '2019-03-05' }),
          ],
        },
      ],
    },
  ],
});

/** Unpublished: LEAD leads its only commitment, OTHER only supports it. */
const hiddenPlan: PlanFile = buildPlanFile({
  agencyKeys: [LEAD, OTHER, THIRD],
  plan: { slug: HIDDEN, title: { en: 'Unpublished plan' }, published: false },
  commitments: [
    {
      ogpId: 'VE0003',
      number: '1.1',
      themeKey: 'open-data',
      leadAgency: LEAD,
      supportingAgencies: [OTHER],
      milestones: [
        {
          title: { en: 'Hidden work' },
          plannedEnd: '2019-06',
          history: [historyEntry('IN_PROGRESS', '2019-02-01', { progressPercent: 10 })],
        },
      ],
    },
  ],
});

type Viewer = 'anonymous' | 'leadCoordinator' | 'otherCoordinator' | 'reviewer' | 'admin';
const VIEWERS: Viewer[] = ['anonymous', 'leadCoordinator', 'otherCoordinator', 'reviewer', 'admin'];
const OUTSIDERS: Viewer[] = ['anonymous', 'otherCoordinator'];
const INSIDERS: Viewer[] = ['leadCoordinator', 'reviewer', 'admin'];
const STAFF: Viewer[] = ['reviewer', 'admin'];

describe('visibility of unpublished plans and INTERNAL updates over HTTP', () => {
  let db: TestDatabase;
  let api: TestApp;
  const headers: Record<Viewer, Record<string, string>> = {
    anonymous: {},
    leadCoordinator: {},
    otherCoordinator: {},
    reviewer: {},
    admin: {},
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const loader = new PlanLoader(db.dataSource);
    await loader.load(visiblePlan);
    await loader.load(hiddenPlan);
    const make = async (roles: Role[], agencySlugs: string[] = []) =>
      signIn(api.baseUrl, await createTestUser(db.dataSource, { roles, agencySlugs }));
    headers.leadCoordinator = await make([Role.COORDINATOR], [LEAD]);
    headers.otherCoordinator = await make([Role.COORDINATOR], [OTHER]);
    headers.reviewer = await make([Role.REVIEWER]);
    headers.admin = await make([Role.ADMIN]);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** The data of a query that must succeed for `viewer`. */
  async function ask<T = any>(
    viewer: Viewer,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await graphql<T>(api.baseUrl, query, variables, headers[viewer]);
    expect({ viewer, errors: result.errors }).toEqual({ viewer, errors: undefined });
    return result.data!;
  }

  /** What a client can observe of an answer, with `value` written as VALUE. */
  function observable(result: GraphqlResponse, value: string) {
    return JSON.parse(
      JSON.stringify({
        status: result.status,
        data: result.data,
        errors: result.errors,
      }).replaceAll(value, 'VALUE'),
    ) as unknown;
  }

  describe('unpublished plans', () => {
    const PLANS = '{ actionPlans(first: 10) { totalCount nodes { slug } } }';

    it.each([
      ['anonymous', [DENMARK, VISIBLE]],
      ['otherCoordinator', [DENMARK, VISIBLE]],
      ['leadCoordinator', [DENMARK, VISIBLE, HIDDEN]],
      ['reviewer', [DENMARK, VISIBLE, HIDDEN]],
      ['admin', [DENMARK, VISIBLE, HIDDEN]],
    ] as [Viewer, string[]][])('actionPlans lists to %s exactly %j', async (viewer, slugs) => {
      const data = await ask(viewer, PLANS);
      expect(data.actionPlans.nodes.map((p: { slug: string }) => p.slug).sort()).toEqual(slugs);
      expect(data.actionPlans.totalCount).toBe(slugs.length);
      // The count is of the whole list, not of the page.
      const firstOnly = await ask(viewer, '{ actionPlans(first: 1) { totalCount } }');
      expect(firstOnly.actionPlans.totalCount).toBe(slugs.length);
    });

    const BY_SLUG = [
      'query ($slug: String!) { actionPlan(slug: $slug) { slug } }',
      'query ($slug: String!) { commitments(planSlug: $slug) { totalCount nodes { ogpId } } }',
      'query ($slug: String!) { milestones(planSlug: $slug) { totalCount nodes { id } } }',
      'query ($slug: String!) { agencies(planSlug: $slug) { totalCount nodes { slug } } }',
      'query ($slug: String!) { dashboard(planSlug: $slug) { asOf overall { percent } } }',
      'query ($slug: String!) { commitments(planSlug: $slug, filter: { themeKey: "nope" }) { totalCount } }',
    ];

    it.each(OUTSIDERS)(
      'answers %s NOT_FOUND for it in every query, exactly as for a slug nobody uses',
      async (viewer) => {
        for (const query of BY_SLUG) {
          const hidden = await graphql(api.baseUrl, query, { slug: HIDDEN }, headers[viewer]);
          const unknown = await graphql(
            api.baseUrl,
            query,
            { slug: 'visibility-nonexistent' },
            headers[viewer],
          );
          expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
          expect({ query, answer: observable(hidden, HIDDEN) }).toEqual({
            query,
            answer: observable(unknown, 'visibility-nonexistent'),
          });
        }
      },
    );

    it.each(OUTSIDERS)(
      'answers %s NOT_FOUND for a commitment of it, exactly as for an unknown OGP id',
      async (viewer) => {
        const query =
          'query ($ogpId: String!) { commitment(ogpId: $ogpId) { ogpId title { en } } }';
        const hidden = await graphql(api.baseUrl, query, { ogpId: 'VE0003' }, headers[viewer]);
        const unknown = await graphql(api.baseUrl, query, { ogpId: 'VE9999' }, headers[viewer]);
        expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect(observable(hidden, 'VE0003')).toEqual(observable(unknown, 'VE9999'));
      },
    );

    it.each(INSIDERS)(
      'shows %s the plan, its commitments, milestones, agencies and dashboard',
      async (viewer) => {
        const data = await ask(
          viewer,
          `query ($slug: String!) {
          actionPlan(slug: $slug) { slug progress { percent } themes { key commitments { ogpId } } }
          commitments(planSlug: $slug) {
            totalCount
            nodes { ogpId actionPlan { slug } milestones { status progressPercent commitment { ogpId } } }
          }
          milestones(planSlug: $slug) { totalCount nodes { title { en } commitment { actionPlan { slug } } } }
          agencies(planSlug: $slug) { totalCount nodes { slug } }
          dashboard(planSlug: $slug) { plan { slug } overall { percent } }
          commitment(ogpId: "VE0003") { ogpId actionPlan { slug } }
        }`,
          { slug: HIDDEN },
        );
        expect(data.actionPlan.slug).toBe(HIDDEN);
        expect(data.actionPlan.progress.percent).toBe(10);
        expect(data.actionPlan.themes[0]).toEqual({
          key: 'open-data',
          commitments: [{ ogpId: 'VE0003' }],
        });
        expect(data.commitments).toEqual({
          totalCount: 1,
          nodes: [
            {
              ogpId: 'VE0003',
              actionPlan: { slug: HIDDEN },
              milestones: [
                { status: 'IN_PROGRESS', progressPercent: 10, commitment: { ogpId: 'VE0003' } },
              ],
            },
          ],
        });
        expect(data.milestones).toEqual({
          totalCount: 1,
          nodes: [{ title: { en: 'Hidden work' }, commitment: { actionPlan: { slug: HIDDEN } } }],
        });
        expect(data.agencies.nodes.map((a: { slug: string }) => a.slug).sort()).toEqual([
          LEAD,
          OTHER,
        ]);
        expect(data.agencies.totalCount).toBe(2);
        expect(data.dashboard).toEqual({ plan: { slug: HIDDEN }, overall: { percent: 10 } });
        expect(data.commitment).toEqual({ ogpId: 'VE0003', actionPlan: { slug: HIDDEN } });
      },
    );

    it('keeps nested fields of the published plan inside it for everyone', async () => {
      for (const viewer of VIEWERS) {
        const data = await ask(
          viewer,
          `{ milestones(planSlug: "${VISIBLE}") { nodes { commitment { ogpId actionPlan { slug } } } }
             dashboard(planSlug: "${VISIBLE}") { plan { slug } overdue { commitment { actionPlan { slug } } } } }`,
        );
        const slugs = new Set<string>([
          ...data.milestones.nodes.map((m: any) => m.commitment.actionPlan.slug),
          data.dashboard.plan.slug,
          ...data.dashboard.overdue.map((m: any) => m.commitment.actionPlan.slug),
        ]);
        expect({ viewer, slugs: [...slugs] }).toEqual({ viewer, slugs: [VISIBLE] });
      }
    });
  });

  describe('INTERNAL status updates', () => {
    const COMMITMENT = `query ($ogpId: String!) {
      commitment(ogpId: $ogpId) {
        progress { percent coverage completion }
        progressFormula(locale: en)
        milestones {
          title { en }
          status
          progressPercent
          lastUpdateOn
          actualEnd { end }
          flags
          verification
          history { visibility status progressPercent }
        }
      }
    }`;

    /** The commitment's milestones as `viewer` sees them, by English title. */
    async function commitmentAs(viewer: Viewer, ogpId: string) {
      const { commitment } = await ask(viewer, COMMITMENT, { ogpId });
      return {
        progress: commitment.progress,
        formula: commitment.progressFormula as string,
        milestones: Object.fromEntries(
          commitment.milestones.map((m: { title: { en: string } }) => [m.title.en, m]),
        ) as Record<string, any>,
      };
    }

    it.each(['anonymous', 'otherCoordinator'] as Viewer[])(
      'shows %s a milestone whose only update is INTERNAL COMPLETED as no data, with no history',
      async (viewer) => {
        const { milestones } = await commitmentAs(viewer, 'VE0001');
        expect(milestones['Only internal']).toEqual({
          title: { en: 'Only internal' },
          status: null,
          progressPercent: null,
          lastUpdateOn: null,
          actualEnd: null,
          flags: ['OVERDUE'],
          verification: 'UNVERIFIED',
          history: [],
        });
        expect(milestones['Undated internal']).toMatchObject({ status: null, history: [] });
      },
    );

    it.each(INSIDERS)('shows %s the INTERNAL completion and its history', async (viewer) => {
      const { milestones } = await commitmentAs(viewer, 'VE0001');
      expect(milestones['Only internal']).toEqual({
        title: { en: 'Only internal' },
        status: 'COMPLETED',
        progressPercent: 100,
        lastUpdateOn: '2019-03-15',
        actualEnd: { end: '2019-03-10' },
        flags: [],
        verification: 'UNVERIFIED',
        history: [{ visibility: 'INTERNAL', status: 'COMPLETED', progressPercent: 100 }],
      });
    });

    it('leaves the public the PUBLIC state when an INTERNAL update follows it', async () => {
      for (const viewer of OUTSIDERS) {
        const { milestones } = await commitmentAs(viewer, 'VE0001');
        expect({ viewer, milestone: milestones['Internal after public'] }).toEqual({
          viewer,
          milestone: {
            title: { en: 'Internal after public' },
            status: 'IN_PROGRESS',
            progressPercent: 40,
            lastUpdateOn: '2019-01-15',
            actualEnd: null,
            flags: ['OVERDUE', 'STALE'],
            verification: 'UNVERIFIED',
            history: [{ visibility: 'PUBLIC', status: 'IN_PROGRESS', progressPercent: 40 }],
          },
        });
      }
      for (const viewer of INSIDERS) {
        const { milestones } = await commitmentAs(viewer, 'VE0001');
        expect({ viewer, milestone: milestones['Internal after public'] }).toMatchObject({
          viewer,
          milestone: {
            status: 'COMPLETED',
            lastUpdateOn: '2019-04-20',
            actualEnd: { end: '2019-04-18' },
            flags: [],
            history: [
              { visibility: 'INTERNAL', status: 'COMPLETED' },
              { visibility: 'PUBLIC', status: 'IN_PROGRESS' },
            ],
          },
        });
      }
    });

    it('computes commitment progress and its formula from the updates the viewer may see', async () => {
      const OUTSIDE_FORMULA =
        '(1 × 40 + 1 × 0) / 4 = 10.0 %; reported: weight 2 of 4; mean of what was reported: the same sum / 2 = 20.0 %';
      const INSIDE_FORMULA =
        '(1 × 100 + 1 × 100 + 1 × 0 + 1 × 100) / 4 = 75.0 %; reported: weight 4 of 4; mean of what was reported: the same sum / 4 = 75.0 %';
      const expected: Record<Viewer, [string, unknown, unknown, string]> = {
        // VE0001: (40 + 0) / 4 for outsiders (the two they may not see add nothing), (100 + 100 + 0 + 100) / 4
        // for insiders. VE0002: only "Done in public", 100 / 2, for all but OTHER's coordinator and staff.
        anonymous: [
          'VE0001',
          { percent: 10, coverage: 0.5, completion: 'LIMITED' },
          { percent: 50, coverage: 0.5, completion: 'SUBSTANTIAL' },
          OUTSIDE_FORMULA,
        ],
        otherCoordinator: [
          'VE0001',
          { percent: 10, coverage: 0.5, completion: 'LIMITED' },
          { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
          OUTSIDE_FORMULA,
        ],
        leadCoordinator: [
          'VE0001',
          { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
          { percent: 50, coverage: 0.5, completion: 'SUBSTANTIAL' },
          INSIDE_FORMULA,
        ],
        reviewer: [
          'VE0001',
          { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
          { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
          INSIDE_FORMULA,
        ],
        admin: [
          'VE0001',
          { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
          { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
          INSIDE_FORMULA,
        ],
      };
      for (const viewer of VIEWERS) {
        const [ogpId, first, second, formula] = expected[viewer];
        const one = await commitmentAs(viewer, ogpId);
        const two = await commitmentAs(viewer, 'VE0002');
        expect({ viewer, first: one.progress, second: two.progress, formula: one.formula }).toEqual(
          { viewer, first, second, formula },
        );
      }
    });

    it('rolls up the plan and its themes from those commitments', async () => {
      const query = `{ actionPlan(slug: "${VISIBLE}") {
        progress { percent coverage completion commitmentCount reportedCount }
        themes { key progress { percent completion } }
      } }`;
      const expected: Record<Viewer, unknown> = {
        // (10 + 50) / 2
        anonymous: [{ percent: 30, coverage: 1, completion: 'LIMITED' }, 10, 50],
        // (10 + 75) / 2
        otherCoordinator: [{ percent: 42.5, coverage: 1, completion: 'LIMITED' }, 10, 75],
        // (75 + 50) / 2
        leadCoordinator: [{ percent: 62.5, coverage: 1, completion: 'SUBSTANTIAL' }, 75, 50],
        reviewer: [{ percent: 75, coverage: 1, completion: 'SUBSTANTIAL' }, 75, 75],
        admin: [{ percent: 75, coverage: 1, completion: 'SUBSTANTIAL' }, 75, 75],
      };
      for (const viewer of VIEWERS) {
        const { actionPlan } = await ask(viewer, query);
        const { commitmentCount, reportedCount, ...figures } = actionPlan.progress;
        expect([commitmentCount, reportedCount]).toEqual([2, 2]);
        const themes = Object.fromEntries(
          actionPlan.themes.map((t: any) => [t.key, t.progress.percent]),
        );
        expect({ viewer, got: [figures, themes['open-data'], themes['public-services']] }).toEqual({
          viewer,
          got: expected[viewer],
        });
      }
    });

    it('filters commitments by status, completion and flag on the state the viewer sees', async () => {
      const query = `query ($filter: CommitmentFilter) {
        commitments(planSlug: "${VISIBLE}", filter: $filter) { totalCount nodes { ogpId } }
      }`;
      const ogpIds = async (viewer: Viewer, filter: Record<string, string>) => {
        const { commitments } = await ask(viewer, query, { filter });
        expect(commitments.totalCount).toBe(commitments.nodes.length);
        return commitments.nodes.map((c: { ogpId: string }) => c.ogpId);
      };
      const cases: [Record<string, string>, Record<Viewer, string[]>][] = [
        [
          { status: 'COMPLETED' },
          {
            anonymous: ['VE0002'],
            otherCoordinator: ['VE0002'],
            leadCoordinator: ['VE0001', 'VE0002'],
            reviewer: ['VE0001', 'VE0002'],
            admin: ['VE0001', 'VE0002'],
          },
        ],
        [
          { completion: 'LIMITED' },
          {
            anonymous: ['VE0001'],
            otherCoordinator: ['VE0001'],
            leadCoordinator: [],
            reviewer: [],
            admin: [],
          },
        ],
        [
          { completion: 'SUBSTANTIAL' },
          {
            anonymous: ['VE0002'],
            otherCoordinator: ['VE0002'],
            leadCoordinator: ['VE0001', 'VE0002'],
            reviewer: ['VE0001', 'VE0002'],
            admin: ['VE0001', 'VE0002'],
          },
        ],
        [
          { flag: 'STALE' },
          {
            anonymous: ['VE0001'],
            otherCoordinator: ['VE0001', 'VE0002'],
            leadCoordinator: [],
            reviewer: ['VE0002'],
            admin: ['VE0002'],
          },
        ],
      ];
      for (const [filter, byViewer] of cases) {
        for (const viewer of VIEWERS) {
          expect({ filter, viewer, ogpIds: await ogpIds(viewer, filter) }).toEqual({
            filter,
            viewer,
            ogpIds: byViewer[viewer],
          });
        }
      }
    });

    it('filters and counts milestones on the state the viewer sees', async () => {
      const query = `query ($filter: MilestoneFilter) {
        milestones(planSlug: "${VISIBLE}", filter: $filter, first: 2) {
          totalCount
          nodes { title { en } }
        }
      }`;
      const total = async (viewer: Viewer, filter: Record<string, unknown>) =>
        (await ask(viewer, query, { filter })).milestones.totalCount as number;
      const cases: [Record<string, unknown>, Record<Viewer, number>][] = [
        // Only "Done in public" for outsiders; the three INTERNAL completions too for insiders.
        [
          { status: 'COMPLETED' },
          { anonymous: 1, otherCoordinator: 1, leadCoordinator: 4, reviewer: 4, admin: 4 },
        ],
        // Never reported, as far as the viewer knows.
        [
          { noData: true },
          { anonymous: 3, otherCoordinator: 2, leadCoordinator: 1, reviewer: 0, admin: 0 },
        ],
        [
          { noData: false },
          { anonymous: 3, otherCoordinator: 4, leadCoordinator: 5, reviewer: 6, admin: 6 },
        ],
        // Past their planned end and not completed: every one but "Done in public" for the public.
        [
          { flag: 'OVERDUE' },
          { anonymous: 5, otherCoordinator: 5, leadCoordinator: 2, reviewer: 2, admin: 2 },
        ],
        [
          { status: 'IN_PROGRESS', commitmentOgpId: 'VE0002' },
          { anonymous: 0, otherCoordinator: 1, leadCoordinator: 0, reviewer: 1, admin: 1 },
        ],
      ];
      for (const [filter, byViewer] of cases) {
        for (const viewer of VIEWERS) {
          expect({ filter, viewer, total: await total(viewer, filter) }).toEqual({
            filter,
            viewer,
            total: byViewer[viewer],
          });
        }
      }
    });

    it('builds every dashboard figure from the updates the viewer may see', async () => {
      const query = `{ dashboard(planSlug: "${VISIBLE}", locale: en) {
        overall { percent coverage completion }
        byTheme { theme { key } progress { percent } }
        byAgency { agency { slug } progress { percent completion } }
        statusDistribution { status count }
        timeline { month completed completedCumulative }
        undatedCompletions
        overdue { title { en } status }
      } }`;
      const dashboardOf = async (viewer: Viewer) => {
        const { dashboard } = await ask(viewer, query);
        return {
          overall: dashboard.overall,
          byTheme: dashboard.byTheme.map((t: any) => [t.theme.key, t.progress.percent]),
          byAgency: dashboard.byAgency.map((a: any) => [a.agency.slug, a.progress.percent]),
          statuses: Object.fromEntries(
            dashboard.statusDistribution.map((s: any) => [s.status ?? 'NO_DATA', s.count]),
          ),
          completedByMonth: dashboard.timeline
            .filter((p: any) => p.completed > 0)
            .map((p: any) => [p.month, p.completed]),
          completedInAll: dashboard.timeline.at(-1).completedCumulative,
          undated: dashboard.undatedCompletions,
          overdue: dashboard.overdue.map((m: any) => m.title.en).sort(),
        };
      };
      expect(await dashboardOf('anonymous')).toEqual({
        overall: { percent: 30, coverage: 1, completion: 'LIMITED' },
        byTheme: [
          ['open-data', 10],
          ['public-services', 50],
        ],
        byAgency: [
          [OTHER, 50],
          [LEAD, 10],
        ],
        statuses: { NO_DATA: 3, NOT_STARTED: 1, IN_PROGRESS: 1, COMPLETED: 1, CANCELLED: 0 },
        completedByMonth: [['2019-03', 1]],
        completedInAll: 1,
        undated: 0,
        overdue: [
          'Internal after public',
          'Only internal',
          "Other agency's",
          'Public only',
          'Undated internal',
        ],
      });
      expect(await dashboardOf('leadCoordinator')).toEqual({
        overall: { percent: 62.5, coverage: 1, completion: 'SUBSTANTIAL' },
        byTheme: [
          ['open-data', 75],
          ['public-services', 50],
        ],
        byAgency: [
          [OTHER, 50],
          [LEAD, 75],
        ],
        statuses: { NO_DATA: 1, NOT_STARTED: 1, IN_PROGRESS: 0, COMPLETED: 4, CANCELLED: 0 },
        completedByMonth: [
          ['2019-03', 2],
          ['2019-04', 1],
        ],
        completedInAll: 3,
        undated: 1,
        overdue: ["Other agency's", 'Public only'],
      });
      for (const viewer of STAFF) {
        expect({ viewer, dashboard: await dashboardOf(viewer) }).toEqual({
          viewer,
          dashboard: {
            overall: { percent: 75, coverage: 1, completion: 'SUBSTANTIAL' },
            byTheme: [
              ['open-data', 75],
              ['public-services', 75],
            ],
            byAgency: [
              [OTHER, 75],
              [LEAD, 75],
            ],
            statuses: { NO_DATA: 0, NOT_STARTED: 1, IN_PROGRESS: 1, COMPLETED: 4, CANCELLED: 0 },
            completedByMonth: [
              ['2019-03', 2],
              ['2019-04', 1],
            ],
            completedInAll: 3,
            undated: 1,
            overdue: ["Other agency's", 'Public only'],
          },
        });
      }
    });
  });

  it("shows everyone the same figures of Denmark's plan, which has no INTERNAL updates", async () => {
    const query = `{ dashboard(planSlug: "${DENMARK}", locale: en) {
      overall { percent coverage completion commitmentCount reportedCount }
      byTheme { progress { percent coverage } }
      byAgency { agency { slug } progress { percent } }
      statusDistribution { status count }
      timeline { month planned completed }
      undatedCompletions
      overdue { id status flags }
    }
    commitments(planSlug: "${DENMARK}", first: 100) {
      totalCount
      nodes { ogpId progress { percent } milestones { status progressPercent lastUpdateOn flags history { sequence } } }
    } }`;
    const publicView = await ask('anonymous', query);
    expect(publicView.commitments.totalCount).toBe(14);
    for (const viewer of VIEWERS.slice(1)) {
      expect({ viewer, data: await ask(viewer, query) }).toEqual({ viewer, data: publicView });
    }
  });
});
