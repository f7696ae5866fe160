import { PlanLoader } from '@ogp/domain';
import { buildPlanFile } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';

/*
 * The data versions public answers are cached under: a write to anything in a plan raises that plan's version
 * (and no other plan's) in its own transaction; a write to what plans share raises the global version; a write
 * rolled back raises nothing.
 */
describe('data versions', () => {
  let db: TestDatabase;
  let planId: string;
  let otherId: string;

  const versionOf = async (id: string) =>
    Number(
      (await db.dataSource.query('SELECT data_version FROM action_plan WHERE id = $1', [id]))[0]
        .data_version,
    );
  const globalVersion = async () =>
    Number((await db.dataSource.query('SELECT version FROM data_version'))[0].version);

  beforeAll(async () => {
    db = await createTestDatabase();
    const loader = new PlanLoader(db.dataSource);
    await loader.load(buildPlanFile({ plan: { slug: 'versions-one' } }));
    await loader.load(buildPlanFile({ plan: { slug: 'versions-two' } }));
    const ids = await db.dataSource.query<{ id: string }[]>(
      `SELECT id FROM action_plan WHERE slug IN ('versions-one', 'versions-two') ORDER BY slug`,
    );
    [planId, otherId] = ids.map((row) => row.id);
  });

  afterAll(async () => {
    await db?.drop();
  });

  // A write that changes nothing still counts: the version only has to change when data may have.
  const IN_PLAN: [string, string][] = [
    ['the plan itself', 'UPDATE action_plan SET slug = slug WHERE id = $1'],
    ['a theme', 'UPDATE theme SET key = key WHERE action_plan_id = $1'],
    ['a commitment', 'UPDATE commitment SET number = number WHERE action_plan_id = $1'],
    [
      'a milestone',
      `UPDATE milestone SET position = position
       WHERE commitment_id IN (SELECT id FROM commitment WHERE action_plan_id = $1)`,
    ],
    [
      "a commitment's agencies",
      `UPDATE commitment_agency SET agency_id = agency_id
       WHERE commitment_id IN (SELECT id FROM commitment WHERE action_plan_id = $1)`,
    ],
  ];

  it.each(IN_PLAN)(
    "a write to %s raises that plan's version in its transaction, and no other plan's",
    async (_what, sql) => {
      const [mine, other, global] = [
        await versionOf(planId),
        await versionOf(otherId),
        await globalVersion(),
      ];
      await db.dataSource.transaction(async (manager) => {
        await manager.query(sql, [planId]);
        const seen = await manager.query('SELECT data_version FROM action_plan WHERE id = $1', [
          planId,
        ]);
        expect(Number(seen[0].data_version)).toBeGreaterThan(mine);
      });
      expect(await versionOf(planId)).toBeGreaterThan(mine);
      expect(await versionOf(otherId)).toBe(other);
      expect(await globalVersion()).toBe(global);
    },
  );

  it('a write rolled back raises nothing', async () => {
    const mine = await versionOf(planId);
    await expect(
      db.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE theme SET key = key WHERE action_plan_id = $1', [planId]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await versionOf(planId)).toBe(mine);
  });

  it.each([
    ['an agency', 'UPDATE agency SET slug = slug'],
    ['a source', 'UPDATE source SET url = url'],
    ['an account', 'UPDATE app_user SET display_name = display_name'],
  ])('a write to %s raises the global version', async (_what, sql) => {
    const global = await globalVersion();
    await db.dataSource.query(sql);
    expect(await globalVersion()).toBe(global + 1);
  });

  it('a new plan raises the global version', async () => {
    const global = await globalVersion();
    await new PlanLoader(db.dataSource).load(buildPlanFile({ plan: { slug: 'versions-three' } }));
    expect(await globalVersion()).toBeGreaterThan(global);
  });
});
