import { PlanLoader } from '@ogp/domain';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { PlanFile, PlanFileMilestone } from '../../libs/domain/src/plan-files/plan-file.types';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';

const SYNTHETIC_SLUG = 'zz-2023-2025';
const COMMITMENTS = 60;
const AGENCIES = 8;
const THEMES = 4;

/** Counts every SQL statement the app sends for requests (not background work); says nothing else. */
class CountingLogger implements TypeOrmLogger {
  statements = 0;
  logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    if ((queryRunner?.data as { background?: string } | undefined)?.background) return;
    this.statements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const EVIDENCE = [{ url: 'https://example.org/synthetic-evidence', title: 'Synthetic evidence' }];

/** The i-th milestone of commitment c: a mix of never reported, not started, in progress and done. */
function syntheticMilestone(c: number, i: number): PlanFileMilestone {
  const kind = (c + i) % 4;
  const note = { en: 'Synthetic history for the statement-count test.' };
  const history: PlanFileMilestone['history'] =
    kind === 0
      ? []
      : kind === 1
        ? [
            {
              status: 'NOT_STARTED',
              progressPercent: 0,
              effectiveDate: '2023-09',
              note,
              evidence: EVIDENCE,
            },
          ]
        : kind === 2
          ? [
              {
                status: 'IN_PROGRESS',
                progressPercent: (c * 7) % 100,
                effectiveDate: '2024-03-15',
                note,
                evidence: EVIDENCE,
              },
            ]
          : [
              {
                status: 'COMPLETED',
                progressPercent: 100,
                effectiveDate: '2024-Q4',
                note,
                evidence: EVIDENCE,
              },
            ];
  return {
    title: {
      en: `Synthetic milestone ${c + 1}.${i + 1}`,
      da: `Syntetisk milepæl ${c + 1}.${i + 1}`,
    },
    plannedStart: '2023-H2',
    plannedEnd: ['2023-12', '2024-H2', '2025'][i],
    weight: i + 1,
    sources: [{ url: `https://example.org/synthetic/${c + 1}/${i + 1}` }],
    history,
  };
}

/** A plan large enough that a query per commitment would show: 60 commitments, 180 milestones. */
function syntheticPlan(): PlanFile {
  const agency = (n: number) => `synthetic-agency-${n + 1}`;
  return {
    formatVersion: 1,
    synthetic: true,
    plan: {
      slug: SYNTHETIC_SLUG,
      countryCode: 'ZZ',
      title: { en: 'Synthetic action plan 2023-2025', da: 'Syntetisk handlingsplan 2023-2025' },
      periodStart: '2023-07',
      periodEnd: '2025-06',
      coordinatingAgency: agency(0),
    },
    agencies: Array.from({ length: AGENCIES }, (_, n) => ({
      key: agency(n),
      name: { en: `Synthetic agency ${n + 1}`, da: `Syntetisk myndighed ${n + 1}` },
      abbreviation: `SA${n + 1}`,
    })),
    themes: Array.from({ length: THEMES }, (_, n) => ({
      key: `synthetic_theme_${n + 1}`,
      number: n + 1,
      title: { en: `Synthetic theme ${n + 1}` },
    })),
    commitments: Array.from({ length: COMMITMENTS }, (_, c) => ({
      ogpId: `ZZ${String(c + 1).padStart(4, '0')}`,
      number: `${(c % THEMES) + 1}.${Math.floor(c / THEMES) + 1}`,
      themeKey: `synthetic_theme_${(c % THEMES) + 1}`,
      title: { en: `Synthetic commitment ${c + 1}`, da: `Syntetisk initiativ ${c + 1}` },
      leadAgency: agency(c % AGENCIES),
      supportingAgencies: [agency((c + 1) % AGENCIES), agency((c + 3) % AGENCIES)],
      ogpValues: ['ACCESS_TO_INFORMATION'],
      milestones: [0, 1, 2].map((i) => syntheticMilestone(c, i)),
    })),
  };
}

const PAGE_QUERY = `
  query ($planSlug: String!, $first: Int!, $asOf: String) {
    commitments(planSlug: $planSlug, first: $first, asOf: $asOf) {
      nodes {
        ogpId
        title { en }
        theme { key }
        leadAgency { slug }
        supportingAgencies { slug }
        milestones { id status flags }
        progress { percent }
      }
    }
  }
`;

describe('SQL statements per request', () => {
  let db: TestDatabase;
  let api: TestApp;
  const logger = new CountingLogger();

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    // Denmark's plan is seeded at start; the synthetic one is loaded beside it.
    api = await startTestApp({ databaseUrl: db.url, typeormLogger: logger });
    await new PlanLoader(db.dataSource).load(syntheticPlan());
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** Runs one request and answers how many SQL statements it took. */
  async function statementsFor(planSlug: string, first: number, asOf: string | null = null) {
    logger.statements = 0;
    const result = await graphql(api.baseUrl, PAGE_QUERY, { planSlug, first, asOf });
    const statements = logger.statements;
    expect(result.errors).toBeUndefined();
    return { statements, nodes: result.data?.commitments.nodes as any[] };
  }

  it('does not grow with the page size of commitments(planSlug, first: N)', async () => {
    await statementsFor(SYNTHETIC_SLUG, 5); // warms up whatever is done once per process

    const counts: Record<number, number> = {};
    for (const first of [5, 20, 50]) {
      const { statements, nodes } = await statementsFor(SYNTHETIC_SLUG, first);
      // The page really holds N commitments with every edge filled.
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node.theme.key).toMatch(/^synthetic_theme_/);
        expect(node.leadAgency.slug).toMatch(/^synthetic-agency-/);
        expect(node.supportingAgencies).toHaveLength(2);
        expect(node.milestones).toHaveLength(3);
      }
      expect(nodes.some((n) => n.progress.percent !== null)).toBe(true);
      counts[first] = statements;
    }
    console.log(`SQL statements for commitments(first: N): ${JSON.stringify(counts)}`);

    expect(counts[5]).toBeGreaterThan(0);
    expect(counts[20]).toBe(counts[5]);
    expect(counts[50]).toBe(counts[5]);
  });

  it('does not grow with the page size as of a date either, and takes as many as without one', async () => {
    const now = await statementsFor(SYNTHETIC_SLUG, 5);
    const counts: Record<number, number> = {};
    // By 2024-03-31 the NOT_STARTED (2023-09) and IN_PROGRESS (2024-03-15) reports hold, not the completions
    // (2024-Q4).
    for (const first of [5, 20, 50]) {
      const { statements, nodes } = await statementsFor(SYNTHETIC_SLUG, first, '2024-03-31');
      expect(nodes).toHaveLength(first);
      const statuses = new Set(nodes.flatMap((n) => n.milestones.map((m: any) => m.status)));
      expect(statuses).toEqual(new Set([null, 'NOT_STARTED', 'IN_PROGRESS']));
      counts[first] = statements;
    }
    console.log(`SQL statements for commitments(first: N, asOf): ${JSON.stringify(counts)}`);
    expect(counts[20]).toBe(counts[5]);
    expect(counts[50]).toBe(counts[5]);
    expect(counts[5]).toBe(now.statements);
  });

  it("takes as many statements for Denmark's 14 commitments as for 14 synthetic ones", async () => {
    const denmark = await statementsFor('dk-2017-2019', 14);
    const synthetic = await statementsFor(SYNTHETIC_SLUG, 14);
    console.log(
      `SQL statements for 14 commitments: Denmark ${denmark.statements}, synthetic ${synthetic.statements}`,
    );
    expect(denmark.nodes).toHaveLength(14);
    expect(denmark.statements).toBe(synthetic.statements);
  });
});
