import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PlanFileInvalidException,
  PlanLoader,
  type PlanFile,
  type PlanLoadProgress,
} from '@ogp/domain';
import { auditHash } from '@ogp/domain/status-updates/audit-hash';
import { buildPlanFile, createPlan } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { rowCounts } from './support/row-counts';

const DENMARK: PlanFile = JSON.parse(
  readFileSync(join(__dirname, '../../plans/dk-2017-2019.plan.json'), 'utf8'),
) as PlanFile;

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The refusal a load ends in; fails the test when the load succeeds or fails some other way. */
async function refusal(load: Promise<unknown>): Promise<PlanFileInvalidException> {
  try {
    await load;
  } catch (error) {
    if (error instanceof PlanFileInvalidException) return error;
    throw error;
  }
  throw new Error('the plan file was loaded, but it should have been refused');
}

describe('loading a plan file', () => {
  let db: TestDatabase;
  let loader: PlanLoader;

  beforeAll(async () => {
    db = await createTestDatabase();
    loader = new PlanLoader(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe("Denmark's 2017-2019 plan (plans/dk-2017-2019.plan.json)", () => {
    let planId: string;
    let dayBefore: string;
    let dayAfter: string;

    beforeAll(async () => {
      dayBefore = utcToday();
      planId = (await loader.load(DENMARK)).planId;
      dayAfter = utcToday();
    });

    it('stores the 14 commitments DK0050 to DK0063 in plan order, in four themes', async () => {
      const commitments: { ogp_id: string }[] = await db.dataSource.query(
        'SELECT ogp_id FROM commitment WHERE action_plan_id = $1 ORDER BY position',
        [planId],
      );
      expect(commitments.map((c) => c.ogp_id)).toEqual(
        Array.from({ length: 14 }, (_, i) => `DK00${50 + i}`),
      );
      const themes: { key: string }[] = await db.dataSource.query(
        'SELECT key FROM theme WHERE action_plan_id = $1 ORDER BY number',
        [planId],
      );
      expect(themes.map((t) => t.key)).toEqual([
        'open_data',
        'tailored_data',
        'better_public_sector',
        'global_openness',
      ]);
    });

    it('stores every milestone, status update and assessment in the file', async () => {
      const milestones = DENMARK.commitments.flatMap((c) => c.milestones ?? []);
      const inFile = {
        milestones: milestones.length,
        statusUpdates: milestones.flatMap((m) => m.history ?? []).length,
        assessments: DENMARK.commitments.flatMap((c) => c.assessments ?? []).length,
      };
      expect(inFile).toEqual({ milestones: 24, statusUpdates: 14, assessments: 28 });
      const [stored]: { milestones: string; status_updates: string; assessments: string }[] =
        await db.dataSource.query(
          `SELECT
             (SELECT COUNT(*) FROM milestone m JOIN commitment c ON c.id = m.commitment_id
               WHERE c.action_plan_id = $1) AS milestones,
             (SELECT COUNT(*) FROM status_update WHERE action_plan_id = $1) AS status_updates,
             (SELECT COUNT(*) FROM assessment WHERE action_plan_id = $1) AS assessments`,
          [planId],
        );
      expect({
        milestones: Number(stored.milestones),
        statusUpdates: Number(stored.status_updates),
        assessments: Number(stored.assessments),
      }).toEqual(inFile);
    });

    it('analyses the tables it filled once loaded, so the planner counts the new rows at once', async () => {
      const tables: { relname: string; reltuples: number; rows: number }[] =
        await db.dataSource.query(
          `SELECT relname, reltuples,
             (xpath('/row/n/text()', query_to_xml(format('SELECT COUNT(*) AS n FROM %I', relname), false, true, '')))[1]::text::int AS rows
           FROM pg_class WHERE relname IN ('commitment', 'milestone', 'status_update', 'assessment')
           ORDER BY relname`,
        );
      expect(tables).toHaveLength(4);
      for (const table of tables) {
        expect({ table: table.relname, estimate: table.reltuples }).toEqual({
          table: table.relname,
          estimate: table.rows,
        });
      }
    });

    it('gives each commitment exactly one lead agency, the one the file names', async () => {
      const rows: { ogp_id: string; leads: string[]; supporting: string }[] =
        await db.dataSource.query(
          `SELECT c.ogp_id,
             array_agg(a.slug) FILTER (WHERE ca.role = 'LEAD') AS leads,
             COUNT(*) FILTER (WHERE ca.role = 'SUPPORTING') AS supporting
           FROM commitment c
           JOIN commitment_agency ca ON ca.commitment_id = c.id
           JOIN agency a ON a.id = ca.agency_id
           WHERE c.action_plan_id = $1
           GROUP BY c.ogp_id ORDER BY c.ogp_id`,
          [planId],
        );
      expect(
        rows.map((row) => ({
          ogpId: row.ogp_id,
          leads: row.leads,
          supporting: Number(row.supporting),
        })),
      ).toEqual(
        DENMARK.commitments.map((c) => ({
          ogpId: c.ogpId,
          leads: [c.leadAgency],
          supporting: (c.supportingAgencies ?? []).length,
        })),
      );
    });

    it('shows each milestone in the state of its latest report by effective date', async () => {
      const rows: {
        ogp_id: string;
        position: number;
        status: string | null;
        progress_percent: number | null;
        last_update_on: string | null;
        latest_status: string | null;
        latest_percent: number | null;
        latest_date: string | null;
      }[] = await db.dataSource.query(
        `SELECT c.ogp_id, m.position, m.status::text, m.progress_percent, m.last_update_on::text,
           l.status::text AS latest_status, l.progress_percent AS latest_percent,
           l.effective_date::text AS latest_date
         FROM milestone m
         JOIN commitment c ON c.id = m.commitment_id
         LEFT JOIN LATERAL (
           SELECT * FROM status_update su WHERE su.milestone_id = m.id
           ORDER BY su.effective_date DESC, su.sequence DESC LIMIT 1
         ) l ON true
         WHERE c.action_plan_id = $1
         ORDER BY c.position, m.position`,
        [planId],
      );
      expect(rows).toHaveLength(24);
      for (const row of rows) {
        expect({
          milestone: `${row.ogp_id} #${row.position}`,
          status: row.status,
          percent: row.progress_percent,
          lastUpdateOn: row.last_update_on,
        }).toEqual({
          milestone: `${row.ogp_id} #${row.position}`,
          status: row.latest_status,
          percent: row.latest_percent,
          lastUpdateOn: row.latest_date,
        });
      }
      const state = (ogpId: string, position: number) => {
        const row = rows.find((r) => r.ogp_id === ogpId && r.position === position)!;
        return { status: row.status, percent: row.progress_percent };
      };
      // Reported at 50 % in 2018-06, then at 70 % in 2018-10.
      expect(state('DK0051', 1)).toEqual({ status: 'IN_PROGRESS', percent: 70 });
      // Never reported: no data, not NOT_STARTED and not 0 %.
      expect(state('DK0052', 1)).toEqual({ status: null, percent: null });
      expect(state('DK0052', 2)).toEqual({ status: null, percent: null });
      expect(state('DK0052', 3)).toEqual({ status: 'COMPLETED', percent: 100 });
      // In progress (no figure) in 2018-10, then completed on an unknown date: the undated report is the later one.
      expect(state('DK0059', 2)).toEqual({ status: 'COMPLETED', percent: 100 });
      expect(state('DK0056', 1)).toEqual({ status: 'IN_PROGRESS', percent: null });
    });

    it("stores an outcome no source dates on the file's not-later-than day, marked as of unknown exact date", async () => {
      const undatedInFile = DENMARK.commitments
        .flatMap((c) => c.milestones ?? [])
        .flatMap((m) => m.history ?? [])
        .filter((entry) => entry.effectiveDateQualifier === 'NOT_LATER_THAN');
      expect(undatedInFile.length).toBeGreaterThan(0);
      const rows: {
        ogp_id: string;
        effective_date: string;
        effective_date_known: boolean;
      }[] = await db.dataSource.query(
        `SELECT c.ogp_id, su.effective_date::text, su.effective_date_known
         FROM status_update su
         JOIN milestone m ON m.id = su.milestone_id
         JOIN commitment c ON c.id = m.commitment_id
         WHERE su.action_plan_id = $1 AND NOT su.effective_date_known`,
        [planId],
      );
      expect(rows).toHaveLength(undatedInFile.length);
      expect(rows.map((r) => r.ogp_id).sort()).toEqual(['DK0055', 'DK0059']);
      // The day the file gives, never the day of loading.
      expect(rows.map((r) => r.effective_date).sort()).toEqual(
        undatedInFile.map((entry) => entry.effectiveDate).sort(),
      );
      for (const row of rows) expect([dayBefore, dayAfter]).not.toContain(row.effective_date);
      const [known]: { count: string }[] = await db.dataSource.query(
        'SELECT COUNT(*) AS count FROM status_update WHERE action_plan_id = $1 AND effective_date_known',
        [planId],
      );
      expect(Number(known.count)).toBe(14 - undatedInFile.length);
    });

    it('chains every history row by hash, and the plan keeps the head of the chain', async () => {
      const updates: Record<string, any>[] = await db.dataSource.query(
        `SELECT id, action_plan_id, milestone_id, sequence, status::text, progress_percent,
           effective_date::text, effective_date_precision::text, effective_date_known,
           actual_start::text, actual_start_precision::text, actual_end::text, actual_end_precision::text,
           note_da, note_en, evidence, visibility::text, origin::text, recorded_at, recorded_by_id,
           recorded_by_name, previous_hash, hash
         FROM status_update WHERE action_plan_id = $1`,
        [planId],
      );
      const assessments: Record<string, any>[] = await db.dataSource.query(
        `SELECT id, action_plan_id, commitment_id, sequence, stage::text, assessor::text,
           assessed_on::text, assessed_on_precision::text, source_url, source_title, verifiable,
           specificity::text, relevant_ogp_values::text[], potential_impact::text, completion::text,
           did_it_open_government::text, starred::text, potentially_starred, note_da, note_en,
           origin::text, recorded_at, recorded_by_id, recorded_by_name, previous_hash, hash
         FROM assessment WHERE action_plan_id = $1`,
        [planId],
      );
      const chain = [
        ...updates.map((r) => ({
          kind: 'status_update' as const,
          sequence: r.sequence as number,
          stored: r.hash as string,
          previousHash: r.previous_hash as string | null,
          row: {
            id: r.id,
            actionPlanId: r.action_plan_id,
            milestoneId: r.milestone_id,
            sequence: r.sequence,
            status: r.status,
            progressPercent: r.progress_percent,
            effectiveDate: r.effective_date,
            effectiveDatePrecision: r.effective_date_precision,
            effectiveDateKnown: r.effective_date_known,
            actualStart: r.actual_start,
            actualStartPrecision: r.actual_start_precision,
            actualEnd: r.actual_end,
            actualEndPrecision: r.actual_end_precision,
            note: { da: r.note_da, en: r.note_en },
            evidence: r.evidence,
            visibility: r.visibility,
            origin: r.origin,
            recordedAt: (r.recorded_at as Date).toISOString(),
            recordedById: r.recorded_by_id,
            recordedByName: r.recorded_by_name,
            previousHash: r.previous_hash,
          },
        })),
        ...assessments.map((r) => ({
          kind: 'assessment' as const,
          sequence: r.sequence as number,
          stored: r.hash as string,
          previousHash: r.previous_hash as string | null,
          row: {
            id: r.id,
            actionPlanId: r.action_plan_id,
            commitmentId: r.commitment_id,
            sequence: r.sequence,
            stage: r.stage,
            assessor: r.assessor,
            assessedOn: r.assessed_on,
            assessedOnPrecision: r.assessed_on_precision,
            sourceUrl: r.source_url,
            sourceTitle: r.source_title,
            verifiable: r.verifiable,
            specificity: r.specificity,
            relevantOgpValues: r.relevant_ogp_values,
            potentialImpact: r.potential_impact,
            completion: r.completion,
            didItOpenGovernment: r.did_it_open_government,
            starred: r.starred,
            potentiallyStarred: r.potentially_starred,
            note: { da: r.note_da, en: r.note_en },
            origin: r.origin,
            recordedAt: (r.recorded_at as Date).toISOString(),
            recordedById: r.recorded_by_id,
            recordedByName: r.recorded_by_name,
            previousHash: r.previous_hash,
          },
        })),
      ].sort((a, b) => a.sequence - b.sequence);

      expect(chain.map((link) => link.sequence)).toEqual(
        Array.from({ length: 14 + 28 }, (_, i) => i + 1),
      );
      let previous: string | null = null;
      for (const link of chain) {
        expect({ sequence: link.sequence, previousHash: link.previousHash }).toEqual({
          sequence: link.sequence,
          previousHash: previous,
        });
        const recomputed = auditHash(previous, link.kind, link.row);
        expect({ sequence: link.sequence, hash: link.stored }).toEqual({
          sequence: link.sequence,
          hash: recomputed,
        });
        previous = recomputed;
      }
      const [plan]: { audit_head_hash: string; audit_length: number }[] = await db.dataSource.query(
        'SELECT audit_head_hash, audit_length FROM action_plan WHERE id = $1',
        [planId],
      );
      expect(plan).toEqual({ audit_head_hash: chain[chain.length - 1].stored, audit_length: 42 });
    });
  });

  describe('a file with problems is refused, with every problem and its JSON path', () => {
    const nextYear = new Date().getUTCFullYear() + 1;

    /** A valid file with reference, uniqueness, date-order and percent problems added. */
    function withRuleProblems(): PlanFile {
      const file = buildPlanFile();
      const [first, second, third] = file.commitments;
      first.themeKey = 'no-such-theme';
      second.leadAgency = 'no-such-agency';
      third.ogpId = first.ogpId;
      first.milestones![1].plannedStart = '2019-01';
      first.milestones![1].plannedEnd = '2018-06';
      first.milestones![0].history![2].progressPercent = 50; // COMPLETED
      second.milestones![0].history![0].effectiveDate = `${nextYear}-01-01`;
      return file;
    }
    const rulePaths = [
      '$.commitments[0].themeKey',
      '$.commitments[1].leadAgency',
      '$.commitments[2].ogpId',
      '$.commitments[0].milestones[1].plannedEnd',
      '$.commitments[0].milestones[0].history[2].progressPercent',
      '$.commitments[1].milestones[0].history[0].effectiveDate',
    ];

    /** Adds a missing required field (the plan title) and a field the format does not have. */
    function addSchemaProblems(file: PlanFile): PlanFile {
      delete (file.plan as Partial<PlanFile['plan']>).title;
      Object.assign(file.commitments[1].milestones![0], { colour: 'red' });
      return file;
    }
    const schemaPaths = ['$.plan.title', '$.commitments[1].milestones[0].colour'];

    it('reports all eight problems of a file at once, and writes nothing', async () => {
      const before = await rowCounts(db.dataSource);
      const error = await refusal(loader.load(addSchemaProblems(withRuleProblems())));
      expect(error.problems.map((p) => p.path).sort()).toEqual(
        [...rulePaths, ...schemaPaths].sort(),
      );
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });

    it('reports unknown keys, a duplicated OGP id, dates out of order, a wrong percent and a future date', async () => {
      const before = await rowCounts(db.dataSource);
      const error = await refusal(loader.load(withRuleProblems()));
      expect(error.problems.map((p) => p.path).sort()).toEqual([...rulePaths].sort());
      const messages = Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
      expect(messages['$.commitments[0].themeKey']).toContain('no-such-theme');
      expect(messages['$.commitments[1].leadAgency']).toContain('no-such-agency');
      expect(messages['$.commitments[0].milestones[0].history[2].progressPercent']).toContain(
        'COMPLETED',
      );
      expect(messages['$.commitments[1].milestones[0].history[0].effectiveDate']).toContain(
        'future',
      );
      expect(error.message).toContain('$.commitments[1].leadAgency');
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });

    it('reports a missing required field and a field the format does not have', async () => {
      const before = await rowCounts(db.dataSource);
      const error = await refusal(loader.load(addSchemaProblems(buildPlanFile())));
      expect(error.problems).toEqual([
        { path: '$.plan.title', message: 'is required', messageKey: 'field.required', params: {} },
        {
          path: '$.commitments[1].milestones[0].colour',
          message: 'is not a field of the plan format',
          messageKey: 'planFile.unknownField',
          params: {},
        },
      ]);
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });
  });

  describe('loading a plan that is already there', () => {
    it('refuses the same plan a second time, naming its slug, and adds nothing', async () => {
      const file = buildPlanFile();
      await loader.load(file);
      const before = await rowCounts(db.dataSource);
      const error = await refusal(loader.load(file));
      expect(error.message).toContain(`"${file.plan.slug}"`);
      expect(error.problems).toContainEqual({
        path: '$.plan.slug',
        message: expect.stringContaining(file.plan.slug),
        messageKey: 'planFile.slugExists',
        params: { slug: file.plan.slug },
      });
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });

    it('refuses a new plan with a commitment whose OGP id another plan has, and adds nothing', async () => {
      const existing = await createPlan(db.dataSource);
      const file = buildPlanFile();
      file.commitments[1].ogpId = existing.file.commitments[2].ogpId;
      const before = await rowCounts(db.dataSource);
      const error = await refusal(loader.load(file));
      expect(error.problems).toEqual([
        {
          path: '$.commitments[1].ogpId',
          message: expect.stringContaining(existing.file.commitments[2].ogpId),
          messageKey: 'planFile.ogpIdExists',
          params: { ogpId: existing.file.commitments[2].ogpId },
        },
      ]);
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });
  });

  describe('a load the database refuses halfway', () => {
    // The schema sets no length limit on a commitment number; the column holds 20 characters.
    const overlongNumber = () => {
      const file = buildPlanFile();
      file.commitments[2].number = '2.1 (revised in the 2019 update)';
      return file;
    };

    it('leaves no trace of the rows written before the failure', async () => {
      const before = await rowCounts(db.dataSource);
      await expect(loader.load(overlongNumber())).rejects.toThrow();
      expect(await rowCounts(db.dataSource)).toEqual(before);
    });

    it('refuses a commitment number too long to store as a problem with its JSON path', async () => {
      const error = await refusal(loader.load(overlongNumber()));
      expect(error.problems.map((p) => p.path)).toEqual(['$.commitments[2].number']);
    });
  });

  describe('agencies shared between plans', () => {
    it('reuses the one agency row when two plans name the same agency key', async () => {
      const shared = 'shared-ministry-of-finance';
      const first = await createPlan(
        db.dataSource,
        buildPlanFile({ agencyKeys: [shared, 'first-agency', 'first-board'] }),
      );
      const second = await createPlan(
        db.dataSource,
        buildPlanFile({ agencyKeys: [shared, 'second-agency', 'second-board'] }),
      );
      expect(first.agenciesCreated).toBe(3);
      expect(second.agenciesCreated).toBe(2);
      const agencies: { id: string }[] = await db.dataSource.query(
        'SELECT id FROM agency WHERE slug = $1',
        [shared],
      );
      expect(agencies).toHaveLength(1);
      const leads: { action_plan_id: string; agency_id: string }[] = await db.dataSource.query(
        `SELECT DISTINCT c.action_plan_id, ca.agency_id
         FROM commitment c JOIN commitment_agency ca ON ca.commitment_id = c.id
         JOIN agency a ON a.id = ca.agency_id
         WHERE a.slug = $1 AND ca.role = 'LEAD'`,
        [shared],
      );
      expect(leads).toHaveLength(2);
      expect(new Set(leads.map((l) => l.action_plan_id))).toEqual(
        new Set([first.planId, second.planId]),
      );
      expect(leads.every((l) => l.agency_id === agencies[0].id)).toBe(true);
    });
  });

  describe('a dry run, the progress told, and the user recorded', () => {
    it('a dry run answers as the load then does, telling the same progress, and writes nothing', async () => {
      const file = buildPlanFile();
      const events = { dry: [] as PlanLoadProgress[], real: [] as PlanLoadProgress[] };
      const before = await rowCounts(db.dataSource);
      const dry = await loader.load(file, {
        dryRun: true,
        onProgress: (p) => events.dry.push(p),
      });
      expect(await rowCounts(db.dataSource)).toEqual(before);
      const real = await loader.load(file, { onProgress: (p) => events.real.push(p) });
      expect({ ...dry, planId: null }).toEqual({ ...real, planId: null, dryRun: true });
      expect(real.dryRun).toBe(false);
      expect(events.dry).toEqual(events.real);

      const milestones = file.commitments.flatMap((c) => c.milestones ?? []);
      const rows =
        file.commitments.length +
        milestones.length +
        milestones.reduce((n, m) => n + (m.history ?? []).length, 0) +
        file.commitments.reduce((n, c) => n + (c.assessments ?? []).length, 0);
      const totals = {
        agencies: file.agencies.length,
        themes: file.themes.length,
        commitments: rows,
      };
      for (const [stage, total] of Object.entries(totals)) {
        const told = events.real.filter((e) => e.stage === stage);
        expect(told[0]).toEqual({ stage, done: 0, total });
        expect(told.at(-1)).toEqual({ stage, done: total, total });
        told.slice(1).forEach((e, i) => expect(e.done).toBeGreaterThan(told[i].done));
      }
      expect(events.real.map((e) => e.stage)).toEqual(
        [...events.real.map((e) => e.stage)].sort(
          (a, b) => Object.keys(totals).indexOf(a) - Object.keys(totals).indexOf(b),
        ),
      );
    });

    it('records the history rows as the user given, or as the plan import', async () => {
      const user = {
        userId: '00000000-0000-4000-8000-00000000000a',
        displayName: 'An administrator',
      };
      const given = await loader.load(buildPlanFile(), { actor: user });
      const plain = await loader.load(buildPlanFile());
      const recorders = async (planId: string) =>
        db.dataSource.query(
          `SELECT DISTINCT recorded_by_id, recorded_by_name, origin FROM status_update WHERE action_plan_id = $1
           UNION SELECT DISTINCT recorded_by_id, recorded_by_name, origin FROM assessment WHERE action_plan_id = $1`,
          [planId],
        );
      expect(await recorders(given.planId)).toEqual([
        { recorded_by_id: user.userId, recorded_by_name: user.displayName, origin: 'IMPORT' },
      ]);
      expect(await recorders(plain.planId)).toEqual([
        { recorded_by_id: null, recorded_by_name: 'Plan import', origin: 'IMPORT' },
      ]);
    });
  });
});
