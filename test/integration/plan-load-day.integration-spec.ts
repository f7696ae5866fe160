import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type Locale } from '@ogp/common';
import { ANONYMOUS, loadConfig, type Actor } from '@ogp/core';
import {
  EFFECTIVE_DATE_REQUIRED,
  PlanFileInvalidException,
  PlanLoader,
  RequestLoaders,
  type PlanFile,
} from '@ogp/domain';
import { DashboardsService } from '@ogp/domain/dashboards';
import { MilestonesService } from '@ogp/domain/milestones';
import { PlansService } from '@ogp/domain/plans';
import { buildPlanFile } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { rowCounts } from './support/row-counts';

/*
 * The figures do not depend on the day a plan was loaded: the loader never reads the clock for a fact, so
 * Denmark's plan loaded "yesterday" into one database and "today" into another answers every dashboard(asOf)
 * alike, and a plan file outcome without a date is refused rather than dated by the day of loading.
 */

const DENMARK = 'dk-2017-2019';
const readDenmark = (): PlanFile =>
  JSON.parse(
    readFileSync(join(__dirname, '../../plans/dk-2017-2019.plan.json'), 'utf8'),
  ) as PlanFile;

const TODAY = new Date().toISOString().slice(0, 10);
const YESTERDAY = addDays(TODAY, -1);

// Only Date moves: the database driver's timers keep running.
const onlyTheDate = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** Loads Denmark's plan into a fresh database while the clock says `day` (midday UTC). */
async function loadOn(day: string): Promise<TestDatabase> {
  const db = await createTestDatabase();
  jest.useFakeTimers({ now: new Date(`${day}T12:00:00Z`), doNotFake: [...onlyTheDate] });
  try {
    expect(new Date().toISOString().slice(0, 10)).toBe(day);
    await new PlanLoader(db.dataSource).load(readDenmark());
  } finally {
    jest.useRealTimers();
  }
  return db;
}

/** The whole dashboard of a plan in `db`, every section read, as one request would. */
function dashboards(db: TestDatabase) {
  const config = loadConfig({});
  const plans = new PlansService(db.dataSource, config);
  const service = new DashboardsService(
    db.dataSource,
    plans,
    new MilestonesService(db.dataSource, plans, config),
  );
  return {
    dashboard: (actor: Actor, slug: string, locale: Locale, today: string, asOf: string | null) =>
      service.whole(
        actor,
        slug,
        locale,
        today,
        asOf,
        new RequestLoaders(db.dataSource, today, actor),
      ),
  };
}

const NOT_FIGURES = new Set(['id', 'auditHeadHash']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The answer without what differs between two loads by nature (figures must not): the ids each database gives
 * its rows, and the audit chain's head, a hash over those ids and the time each row was recorded.
 */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => !NOT_FIGURES.has(key) && !(typeof v === 'string' && UUID.test(v)))
        .map(([key, v]) => [key, withoutIds(v)]),
    );
  }
  return value;
}

describe('figures that do not depend on the day the plan was loaded', () => {
  let loadedYesterday: TestDatabase;
  let loadedToday: TestDatabase;

  beforeAll(async () => {
    loadedYesterday = await loadOn(YESTERDAY);
    loadedToday = await loadOn(TODAY);
  });

  afterAll(async () => {
    await loadedYesterday?.drop();
    await loadedToday?.drop();
  });

  it("gives the same dashboard for every as-of day, whichever day Denmark's plan was loaded", async () => {
    const days = [
      '2017-12-31',
      '2018-06-30',
      '2018-10-31',
      '2019-06-30',
      '2019-12-31',
      '2020-06-30',
      '2026-11-26',
      '2026-11-27',
      YESTERDAY,
      TODAY,
    ];
    const [a, b] = [dashboards(loadedYesterday), dashboards(loadedToday)];
    for (const locale of ['da', 'en'] as const) {
      for (const asOf of days) {
        const [fromYesterday, fromToday] = await Promise.all([
          a.dashboard(ANONYMOUS, DENMARK, locale, TODAY, asOf),
          b.dashboard(ANONYMOUS, DENMARK, locale, TODAY, asOf),
        ]);
        expect({ asOf, answer: withoutIds(fromToday) }).toEqual({
          asOf,
          answer: withoutIds(fromYesterday),
        });
      }
    }
    // The comparison sees the outcomes no source dates: counted from the file's day on, in both databases.
    const before = await a.dashboard(ANONYMOUS, DENMARK, 'en', TODAY, '2026-11-26');
    const after = await a.dashboard(ANONYMOUS, DENMARK, 'en', TODAY, YESTERDAY);
    expect(before.undatedCompletions).toBe(0);
    expect(after.undatedCompletions).toBe(2);
  });

  it('refuses a plan file outcome without a date, naming its JSON path, and writes nothing', async () => {
    const file = buildPlanFile();
    const history = file.commitments[0].milestones![0].history!;
    (history[1] as { effectiveDate: string | null }).effectiveDate = null;
    delete (history[2] as { effectiveDate?: string }).effectiveDate;
    const before = await rowCounts(loadedToday.dataSource);
    const refusal = await new PlanLoader(loadedToday.dataSource).load(file).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(PlanFileInvalidException);
    expect((refusal as PlanFileInvalidException).problems).toEqual([
      {
        path: '$.commitments[0].milestones[0].history[1].effectiveDate',
        message: EFFECTIVE_DATE_REQUIRED,
        messageKey: 'planFile.effectiveDateRequired',
        params: {},
      },
      {
        path: '$.commitments[0].milestones[0].history[2].effectiveDate',
        message: EFFECTIVE_DATE_REQUIRED,
        messageKey: 'planFile.effectiveDateRequired',
        params: {},
      },
    ]);
    expect(EFFECTIVE_DATE_REQUIRED).toContain('NOT_LATER_THAN');
    expect(await rowCounts(loadedToday.dataSource)).toEqual(before);
  });
});
