import { randomUUID } from 'node:crypto';
import { Role } from '@ogp/common';
import { ANONYMOUS, type Actor } from '@ogp/core';
import { PlanLoader } from '@ogp/domain';
import { AgenciesAdminService } from '@ogp/domain/agencies/agencies-admin.service';
import { CommitmentsAdminService } from '@ogp/domain/commitments/commitments-admin.service';
import { MilestonesAdminService } from '@ogp/domain/milestones/milestones-admin.service';
import { PlansAdminService } from '@ogp/domain/plans/plans-admin.service';
import { ThemesAdminService } from '@ogp/domain/themes/themes-admin.service';
import { buildPlanFile, THEME_KEYS } from '../factories/plan-file.factory';
import { testActor } from '../utils/actors';
import { createTestDatabase, type TestDatabase } from '../utils/database';

const TABLES = ['action_plan', 'agency', 'theme', 'commitment', 'commitment_agency', 'milestone'];

const user = (...roles: Role[]): Actor => testActor(roles, { userId: randomUUID() });

/**
 * The role check lives in the services, not only in the resolvers: another entry point (a CLI, an import
 * worker) that calls a service with a non-administrator is refused the same way, before anything is read.
 */
describe('administration services check the ADMIN role themselves', () => {
  let db: TestDatabase;
  let plans: PlansAdminService;
  let themes: ThemesAdminService;
  let commitments: CommitmentsAdminService;
  let milestones: MilestonesAdminService;
  let agencies: AgenciesAdminService;
  let file: ReturnType<typeof buildPlanFile>;
  let themeId: string;
  let spareThemeId: string;
  let milestoneId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    file = buildPlanFile({
      themes: [
        { key: THEME_KEYS[0], number: 1, title: { en: 'Open data' } },
        { key: THEME_KEYS[1], number: 2, title: { en: 'Better public services' } },
        { key: 'spare', number: 3, title: { en: 'Spare' } },
      ],
    });
    await new PlanLoader(db.dataSource).load(file);
    plans = new PlansAdminService(db.dataSource);
    themes = new ThemesAdminService(db.dataSource);
    commitments = new CommitmentsAdminService(db.dataSource);
    milestones = new MilestonesAdminService(db.dataSource);
    agencies = new AgenciesAdminService(db.dataSource);
    [{ id: themeId }, , { id: spareThemeId }] = await db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM theme ORDER BY number',
    );
    [{ id: milestoneId }] = await db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM milestone ORDER BY position LIMIT 1',
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function fingerprint(): Promise<string[]> {
    const rows: { hash: string }[] = await db.dataSource.query(
      TABLES.map(
        (table) =>
          `SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash FROM ${table} x`,
      ).join(' UNION ALL '),
    );
    return rows.map((row) => row.hash);
  }

  // Valid calls: only the actor can make them fail. The administrator makes each last; archives come last.
  const calls: [string, (actor: Actor) => Promise<unknown>][] = [
    [
      'plans.create',
      (actor) =>
        plans.create(actor, {
          slug: `plan-${randomUUID().slice(0, 8)}`,
          countryCode: 'DK',
          title: { en: 'Plan' },
        }),
    ],
    ['plans.update', (actor) => plans.update(actor, file.plan.slug, { actionPlanNumber: 2 })],
    [
      'themes.create',
      (actor) =>
        themes.create(actor, {
          planSlug: file.plan.slug,
          key: `theme-${randomUUID().slice(0, 8)}`,
          number: Math.floor(Math.random() * 1e6) + 10,
          title: { en: 'Theme' },
        }),
    ],
    ['themes.update', (actor) => themes.update(actor, themeId, { title: { da: 'Tema' } })],
    [
      'commitments.create',
      (actor) =>
        commitments.create(actor, {
          planSlug: file.plan.slug,
          themeKey: THEME_KEYS[0],
          ogpId: `XB${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`,
          number: `9.${Math.floor(Math.random() * 1e6)}`,
          title: { en: 'Commitment' },
          leadAgencySlug: file.agencies[0].key,
        }),
    ],
    [
      'commitments.update',
      (actor) => commitments.update(actor, file.commitments[1].ogpId, { number: '1.8' }),
    ],
    [
      'milestones.create',
      (actor) =>
        milestones.create(actor, {
          commitmentOgpId: file.commitments[1].ogpId,
          title: { en: 'Milestone' },
        }),
    ],
    ['milestones.update', (actor) => milestones.update(actor, milestoneId, { weight: 2 })],
    [
      'agencies.create',
      (actor) =>
        agencies.create(actor, {
          slug: `agency-${randomUUID().slice(0, 8)}`,
          countryCode: 'DK',
          name: { en: 'Agency' },
        }),
    ],
    [
      'agencies.update',
      (actor) => agencies.update(actor, file.agencies[2].key, { abbreviation: 'AB' }),
    ],
    ['milestones.archive', (actor) => milestones.archive(actor, milestoneId)],
    ['commitments.archive', (actor) => commitments.archive(actor, file.commitments[2].ogpId)],
    // The lead of the archived commitment 2.1 leads nothing else.
    ['agencies.archive', (actor) => agencies.archive(actor, file.agencies[2].key)],
    ['themes.archive', (actor) => themes.archive(actor, spareThemeId)],
    ['plans.archive', (actor) => plans.archive(actor, file.plan.slug)],
  ];

  it.each(calls)(
    '%s: UNAUTHENTICATED for anonymous, FORBIDDEN for coordinators and reviewers',
    async (_, call) => {
      const before = await fingerprint();
      await expect(call(ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(call(user(Role.COORDINATOR))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(call(user(Role.REVIEWER))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(call(user(Role.REVIEWER, Role.COORDINATOR))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await fingerprint()).toEqual(before);
      await expect(call(user(Role.ADMIN))).resolves.toBeTruthy();
    },
  );
});
