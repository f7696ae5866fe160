import { Role, Visibility } from '@ogp/common';
import { ANONYMOUS, type Actor } from '@ogp/core';
import { RequestLoaders, type PlanFile } from '@ogp/domain';
import { buildPlanFile, createPlan, historyEntry } from '../factories/plan-file.factory';
import { testActor } from '../utils/actors';
import { createTestDatabase, type TestDatabase } from '../utils/database';

/*
 * The per-request loaders behind every nested field answer only what the viewer may read: nothing of a plan
 * they may not see (so no nested field leads into it), and INTERNAL history only for those allowed.
 */

const TODAY = new Date().toISOString().slice(0, 10);

const user = (roles: Role[], agencyIds: string[] = []): Actor =>
  testActor(roles, { agencyIds, displayName: 'Test viewer' });

describe('request loaders for each viewer', () => {
  let db: TestDatabase;
  // lead: leads a commitment of both plans; other: supports one of the unpublished plan; third: leads an
  // archived commitment of the unpublished plan.
  const keys: [string, string, string] = ['loader-lead', 'loader-other', 'loader-third'];
  const ids = {
    published: '',
    unpublished: '',
    unpublishedTheme: '',
    unpublishedCommitment: '',
    unpublishedMilestone: '',
    publishedMilestone: '',
    publishedCommitment: '',
  };
  const viewers: Record<string, Actor> = {};

  const published: PlanFile = buildPlanFile({
    agencyKeys: keys,
    commitments: [
      {
        ogpId: 'LV0001',
        leadAgency: keys[0],
        milestones: [
          {
            title: { en: 'Mixed history' },
            plannedEnd: '2019-06',
            history: [
              historyEntry('IN_PROGRESS', '2019-01-15', { progressPercent: 40 }),
              historyEntry('IN_PROGRESS', '2019-02-15', {
                progressPercent: 60,
                visibility: 'INTERNAL',
              }),
              historyEntry('IN_PROGRESS', '2019-03-15', { progressPercent: 70 }),
              historyEntry('COMPLETED', '2019-04-15', {
                progressPercent: 100,
                visibility: 'INTERNAL',
              }),
            ],
          },
        ],
      },
    ],
  });
  const unpublished: PlanFile = buildPlanFile({
    agencyKeys: keys,
    plan: { published: false },
    commitments: [
      {
        ogpId: 'LV0002',
        leadAgency: keys[0],
        supportingAgencies: [keys[1]],
        milestones: [
          {
            title: { en: 'Unpublished work' },
            plannedEnd: '2019-06',
            history: [historyEntry('COMPLETED', '2019-05-01', { progressPercent: 100 })],
          },
        ],
      },
      { ogpId: 'LV0003', leadAgency: keys[2] },
    ],
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    ids.published = (await createPlan(db.dataSource, published)).planId;
    ids.unpublished = (await createPlan(db.dataSource, unpublished)).planId;
    const one = async (sql: string, values: unknown[]) =>
      (await db.dataSource.query<{ id: string }[]>(sql, values))[0].id;
    ids.unpublishedTheme = await one(
      'SELECT id FROM theme WHERE action_plan_id = $1 ORDER BY number LIMIT 1',
      [ids.unpublished],
    );
    ids.unpublishedCommitment = await one('SELECT id FROM commitment WHERE ogp_id = $1', [
      'LV0002',
    ]);
    ids.publishedCommitment = await one('SELECT id FROM commitment WHERE ogp_id = $1', ['LV0001']);
    ids.unpublishedMilestone = await one('SELECT id FROM milestone WHERE commitment_id = $1', [
      ids.unpublishedCommitment,
    ]);
    ids.publishedMilestone = await one('SELECT id FROM milestone WHERE commitment_id = $1', [
      ids.publishedCommitment,
    ]);
    await db.dataSource.query("UPDATE commitment SET archived_at = now() WHERE ogp_id = 'LV0003'");
    const agency = async (key: string) => one('SELECT id FROM agency WHERE slug = $1', [key]);
    Object.assign(viewers, {
      anonymous: ANONYMOUS,
      leadCoordinator: user([Role.COORDINATOR], [await agency(keys[0])]),
      supportingCoordinator: user([Role.COORDINATOR], [await agency(keys[1])]),
      archivedLeadCoordinator: user([Role.COORDINATOR], [await agency(keys[2])]),
      reviewer: user([Role.REVIEWER]),
      admin: user([Role.ADMIN]),
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const loadersFor = (viewer: string) => new RequestLoaders(db.dataSource, TODAY, viewers[viewer]);

  /** Everything the loaders answer about the unpublished plan, for `viewer`. */
  async function unpublishedAs(viewer: string) {
    const loaders = loadersFor(viewer);
    const [plan, themes, theme, commitments, commitment, milestones, history, progress] =
      await Promise.all([
        loaders.planById.load(ids.unpublished),
        loaders.themesByPlanId.load(ids.unpublished),
        loaders.themeById.load(ids.unpublishedTheme),
        loaders.commitmentsByThemeId.load(ids.unpublishedTheme),
        loaders.commitmentById.load(ids.unpublishedCommitment),
        loaders.milestonesByCommitmentId.load(ids.unpublishedCommitment),
        loaders.historyByMilestoneId.load(ids.unpublishedMilestone),
        loaders.planProgress.load(ids.unpublished),
      ]);
    return {
      plan: plan?.slug ?? null,
      themes: themes.length,
      theme: theme?.key ?? null,
      commitments: commitments.map((c) => c.ogpId),
      commitment: commitment?.ogpId ?? null,
      milestones: milestones.map((m) => m.status),
      history: history.length,
      progress: progress?.percent ?? null,
    };
  }

  const nothing = {
    plan: null,
    themes: 0,
    theme: null,
    commitments: [],
    commitment: null,
    milestones: [],
    history: 0,
    progress: null,
  };

  it.each(['anonymous', 'supportingCoordinator', 'archivedLeadCoordinator'])(
    'answer %s nothing of an unpublished plan: no plan, theme, commitment, milestone, history or progress',
    async (viewer) => {
      expect(await unpublishedAs(viewer)).toEqual(nothing);
    },
  );

  it.each(['leadCoordinator', 'reviewer', 'admin'])(
    'answer %s the unpublished plan and everything in it',
    async (viewer) => {
      expect(await unpublishedAs(viewer)).toEqual({
        plan: unpublished.plan.slug,
        themes: 2,
        theme: 'open-data',
        commitments: ['LV0002'],
        commitment: 'LV0002',
        milestones: ['COMPLETED'],
        history: 1,
        progress: 100,
      });
    },
  );

  it('answer everyone the published plan', async () => {
    for (const viewer of Object.keys(viewers)) {
      const loaders = loadersFor(viewer);
      expect({ viewer, slug: (await loaders.planById.load(ids.published))?.slug }).toEqual({
        viewer,
        slug: published.plan.slug,
      });
      expect((await loaders.commitmentById.load(ids.publishedCommitment))?.ogpId).toBe('LV0001');
    }
  });

  it('give the public and other agencies only the PUBLIC history, newest first', async () => {
    for (const viewer of ['anonymous', 'supportingCoordinator', 'archivedLeadCoordinator']) {
      const history = await loadersFor(viewer).historyByMilestoneId.load(ids.publishedMilestone);
      expect({
        viewer,
        history: history.map((u) => [u.visibility, u.progressPercent, u.effectiveDate.end]),
      }).toEqual({
        viewer,
        history: [
          [Visibility.PUBLIC, 70, '2019-03-15'],
          [Visibility.PUBLIC, 40, '2019-01-15'],
        ],
      });
      const [milestone] = await loadersFor(viewer).milestonesByCommitmentId.load(
        ids.publishedCommitment,
      );
      expect([milestone.status, milestone.progressPercent, milestone.lastUpdateOn]).toEqual([
        'IN_PROGRESS',
        70,
        '2019-03-15',
      ]);
    }
  });

  it('give the lead agency, reviewers and administrators the INTERNAL history too', async () => {
    for (const viewer of ['leadCoordinator', 'reviewer', 'admin']) {
      const history = await loadersFor(viewer).historyByMilestoneId.load(ids.publishedMilestone);
      expect({
        viewer,
        history: history.map((u) => [u.visibility, u.progressPercent]),
      }).toEqual({
        viewer,
        history: [
          [Visibility.INTERNAL, 100],
          [Visibility.PUBLIC, 70],
          [Visibility.INTERNAL, 60],
          [Visibility.PUBLIC, 40],
        ],
      });
      const [milestone] = await loadersFor(viewer).milestonesByCommitmentId.load(
        ids.publishedCommitment,
      );
      expect(milestone.status).toBe('COMPLETED');
    }
  });

  it('keep the commitment progress of the published plan to what the viewer may see', async () => {
    const percent = async (viewer: string) =>
      (await loadersFor(viewer).commitmentProgress.load(ids.publishedCommitment))?.percent;
    expect(await percent('anonymous')).toBe(70);
    expect(await percent('supportingCoordinator')).toBe(70);
    expect(await percent('leadCoordinator')).toBe(100);
    expect(await percent('reviewer')).toBe(100);
  });
});
