import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { aggregateByRule, commitmentByRule } from '../utils/written-roll-up';

const PLAN = 'dk-2017-2019';
const COMPLETION_LEVELS = ['NO_EVIDENCE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];
const FLAGS = ['OVERDUE', 'DUE_SOON', 'STALE'];

interface ProgressFigure {
  percent: number | null;
  coverage: number | null;
  completion: string;
  commitmentCount?: number | null;
  reportedCount?: number | null;
  completionCounts?: { completion: string; count: number }[] | null;
}

interface MilestoneRow {
  id: string;
  status: string | null;
  progressPercent: number | null;
  weight: number;
  plannedEnd: { end: string } | null;
  flags: string[];
}

interface CommitmentRow {
  ogpId: string;
  number: string;
  title: { da: string | null; en: string | null };
  theme: { key: string };
  leadAgency: { slug: string };
  supportingAgencies: { slug: string }[];
  progress: ProgressFigure;
  milestones: MilestoneRow[];
}

const PROGRESS_FIELDS = `percent coverage completion commitmentCount reportedCount
  completionCounts { completion count }`;

const ALL_COMMITMENTS = `
  query ($planSlug: String!) {
    commitments(planSlug: $planSlug, first: 100) {
      totalCount
      nodes {
        ogpId
        number
        title { da en }
        theme { key }
        leadAgency { slug }
        supportingAgencies { slug }
        progress { percent coverage completion }
        milestones { id status progressPercent weight plannedEnd { end } flags }
      }
    }
  }
`;

/** Theme, agency and plan figures: the written rule over the commitments' milestones. */
function expectAggregateOf(figure: ProgressFigure, commitments: CommitmentRow[]): void {
  const expected = aggregateByRule(commitments.map((c) => commitmentByRule(c.milestones)));
  expect({
    percent: figure.percent,
    coverage: figure.coverage,
    completion: figure.completion,
    commitmentCount: figure.commitmentCount,
    reportedCount: figure.reportedCount,
    completionCounts: figure.completionCounts,
  }).toEqual({
    percent: expected.percent,
    coverage: expected.coverage,
    completion: expected.completion,
    commitmentCount: expected.commitmentCount,
    reportedCount: expected.reportedCount,
    completionCounts: expected.completionCounts,
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const sorted = (values: string[]) => [...values].sort();

describe('public read API over HTTP (Denmark 2017-2019 seeded)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let all: CommitmentRow[];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    const result = await graphql(api.baseUrl, ALL_COMMITMENTS, { planSlug: PLAN });
    expect(result.errors).toBeUndefined();
    all = result.data?.commitments.nodes ?? [];
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** The ogpIds `commitments(planSlug, filter)` answers, or the first error. */
  async function filtered(filter: Record<string, unknown>): Promise<string[]> {
    const result = await graphql(
      api.baseUrl,
      `
        query ($planSlug: String!, $filter: CommitmentFilter) {
          commitments(planSlug: $planSlug, filter: $filter, first: 100) {
            totalCount
            nodes {
              ogpId
            }
          }
        }
      `,
      { planSlug: PLAN, filter },
    );
    expect(result.errors).toBeUndefined();
    const ids = result.data?.commitments.nodes.map((n: { ogpId: string }) => n.ogpId) ?? [];
    expect(result.data?.commitments.totalCount).toBe(ids.length);
    return ids;
  }

  it('answers the plan with 14 commitments and four themes', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          actionPlan(slug: "dk-2017-2019") {
            commitments {
              totalCount
            }
            themes {
              key
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.actionPlan.commitments.totalCount).toBe(14);
    expect(result.data?.actionPlan.themes.map((t: { key: string }) => t.key)).toEqual([
      'open_data',
      'tailored_data',
      'better_public_sector',
      'global_openness',
    ]);
  });

  it('tells caches to keep no GraphQL answer, public or not', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actionPlans { nodes { slug } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers NOT_FOUND naming an unknown slug', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          actionPlan(slug: "xx-1999") {
            slug
          }
        }
      `,
    );
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].message).toContain('xx-1999');
  });

  it('answers NOT_FOUND naming an unknown slug in every query that takes one', async () => {
    for (const query of [
      '{ actionPlan(slug: "xx-1999") { slug } }',
      '{ commitments(planSlug: "xx-1999") { totalCount } }',
      '{ milestones(planSlug: "xx-1999") { totalCount } }',
      '{ agencies(planSlug: "xx-1999") { totalCount } }',
      '{ dashboard(planSlug: "xx-1999") { asOf } }',
    ]) {
      const result = await graphql(api.baseUrl, query);
      expect({ query, code: result.errors?.[0].extensions?.code }).toEqual({
        query,
        code: 'NOT_FOUND',
      });
      expect(result.errors?.[0].message).toContain('xx-1999');
    }
  });

  describe('commitment(ogpId)', () => {
    it('shows DK0052 in Danish and English, with its lead agency and three dated milestones', async () => {
      const result = await graphql(
        api.baseUrl,
        `
          {
            commitment(ogpId: "DK0052") {
              ogpId
              number
              title {
                da
                en
              }
              leadAgency {
                slug
                name {
                  da
                  en
                }
              }
              supportingAgencies {
                slug
              }
              milestones {
                title {
                  da
                  en
                }
                plannedStart {
                  label
                  precision
                  start
                  end
                }
                plannedEnd {
                  label
                  precision
                  start
                  end
                }
                status
                progressPercent
              }
              progress {
                percent
                coverage
                completion
              }
            }
          }
        `,
      );
      expect(result.errors).toBeUndefined();
      const commitment = result.data?.commitment;
      expect(commitment.ogpId).toBe('DK0052');
      expect(commitment.number).toBe('1.3');
      expect(commitment.title).toEqual({
        da: 'Informationsportal på dagtilbudsområdet',
        en: 'Information portal for day-care facilities',
      });
      expect(commitment.leadAgency).toEqual({
        slug: 'boerne-og-socialministeriet',
        name: { da: 'Børne- og Socialministeriet', en: 'Ministry for Children and Social Affairs' },
      });
      expect(sorted(commitment.supportingAgencies.map((a: { slug: string }) => a.slug))).toEqual([
        'kl',
        'ministry-of-education',
      ]);

      const [feasibility, development, launch] = commitment.milestones;
      expect(commitment.milestones).toHaveLength(3);
      expect(feasibility.plannedStart).toEqual({
        label: '2017-H2',
        precision: 'HALF_YEAR',
        start: '2017-07-01',
        end: '2017-12-31',
      });
      expect(feasibility.plannedEnd).toEqual({
        label: '2017-10',
        precision: 'MONTH',
        start: '2017-10-01',
        end: '2017-10-31',
      });
      expect(development.plannedStart).toEqual({
        label: '2017-Q4',
        precision: 'QUARTER',
        start: '2017-10-01',
        end: '2017-12-31',
      });
      expect(development.plannedEnd).toEqual({
        label: '2018-H1',
        precision: 'HALF_YEAR',
        start: '2018-01-01',
        end: '2018-06-30',
      });
      // No source gives the launch date: no date rather than an invented one.
      expect(launch.plannedStart).toBeNull();
      expect(launch.plannedEnd).toBeNull();

      // Never reported: "no data", not 0 %.
      for (const unreported of [feasibility, development]) {
        expect(unreported.status).toBeNull();
        expect(unreported.progressPercent).toBeNull();
      }
      expect(launch.status).toBe('COMPLETED');
      expect(launch.progressPercent).toBe(100);
      // One of three milestones reported, and it is complete: 100 x 1 over all 3 weight, the two unreported
      // adding nothing; not COMPLETE while two milestones have no data.
      expect(commitment.progress).toEqual({
        percent: 33.3,
        coverage: 0.333,
        completion: 'LIMITED',
      });
    });

    it('answers NOT_FOUND naming an unknown OGP id', async () => {
      const result = await graphql(
        api.baseUrl,
        `
          {
            commitment(ogpId: "DK9999") {
              ogpId
            }
          }
        `,
      );
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toContain('DK9999');
    });
  });

  describe('dashboard(planSlug)', () => {
    let dashboard: any;

    beforeAll(async () => {
      const result = await graphql(
        api.baseUrl,
        `{
          dashboard(planSlug: "dk-2017-2019") {
            plan { slug }
            overall { ${PROGRESS_FIELDS} }
            byTheme { theme { key } progress { ${PROGRESS_FIELDS} } }
            byAgency { agency { slug } progress { ${PROGRESS_FIELDS} } }
            statusDistribution { status count }
            timeline { month planned completed plannedCumulative completedCumulative }
            undatedCompletions
            overdue { id plannedEnd { end } flags }
          }
        }`,
      );
      expect(result.errors).toBeUndefined();
      dashboard = result.data?.dashboard;
    });

    it("computes each commitment's figures from its own milestones", () => {
      expect(all).toHaveLength(14);
      for (const commitment of all) {
        const { percent, coverage, completion } = commitmentByRule(commitment.milestones);
        expect({ ogpId: commitment.ogpId, ...commitment.progress }).toEqual({
          ogpId: commitment.ogpId,
          percent,
          coverage,
          completion,
        });
      }
      // Denmark's plan has commitments with no reported milestone: they must show no data, not 0 %.
      const noData = all.filter((c) => c.progress.percent === null);
      expect(noData.map((c) => c.ogpId)).toEqual(expect.arrayContaining(['DK0054', 'DK0057']));
      for (const c of noData.filter((c) => c.milestones.every((m) => m.status === null)))
        expect(c.progress.completion).toBe('NO_EVIDENCE');
    });

    it('gives the overall percent over every commitment, one with no data adding nothing', () => {
      expect(dashboard.plan.slug).toBe(PLAN);
      expectAggregateOf(dashboard.overall, all);
      const shown = all.filter((c) => c.progress.percent !== null);
      const sum = shown.reduce((total, c) => total + c.progress.percent!, 0);
      // Not the mean of the commitments with data, which flatters: silence does not count as success.
      expect(shown.length).toBeLessThan(all.length);
      expect(dashboard.overall.percent).toBeLessThan(sum / shown.length);
    });

    it('gives each theme the sum of its commitments over all of them', () => {
      const byTheme = groupBy(all, (c) => c.theme.key);
      expect(dashboard.byTheme.map((t: any) => t.theme.key)).toEqual([
        'open_data',
        'tailored_data',
        'better_public_sector',
        'global_openness',
      ]);
      for (const { theme, progress } of dashboard.byTheme) {
        expectAggregateOf(progress, byTheme.get(theme.key) ?? []);
      }
    });

    it('gives each lead agency the sum of the commitments it leads over all of them', () => {
      const byLead = groupBy(all, (c) => c.leadAgency.slug);
      expect(sorted(dashboard.byAgency.map((a: any) => a.agency.slug))).toEqual(
        sorted([...byLead.keys()]),
      );
      for (const { agency, progress } of dashboard.byAgency) {
        expectAggregateOf(progress, byLead.get(agency.slug) ?? []);
      }
    });

    it('agrees with the progress the plan and its themes show', async () => {
      const result = await graphql(
        api.baseUrl,
        `{
          actionPlan(slug: "dk-2017-2019") {
            progress { ${PROGRESS_FIELDS} }
            themes { key progress { ${PROGRESS_FIELDS} } }
          }
        }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.actionPlan.progress).toEqual(dashboard.overall);
      expect(result.data?.actionPlan.themes).toEqual(
        dashboard.byTheme.map((t: any) => ({ key: t.theme.key, progress: t.progress })),
      );
    });

    it('counts every milestone once in the status distribution', () => {
      const milestones = all.flatMap((c) => c.milestones);
      const total = dashboard.statusDistribution.reduce(
        (sum: number, s: { count: number }) => sum + s.count,
        0,
      );
      expect(total).toBe(milestones.length);
      for (const { status, count } of dashboard.statusDistribution) {
        expect({ status, count }).toEqual({
          status,
          count: milestones.filter((m) => m.status === status).length,
        });
      }
      expect(dashboard.statusDistribution.find((s: any) => s.status === null)?.count).toBe(
        milestones.filter((m) => m.status === null).length,
      );
    });

    it('ends the timeline at the totals, each month adding its own counts', () => {
      const milestones = all.flatMap((c) => c.milestones);
      const timeline: {
        month: string;
        planned: number;
        completed: number;
        plannedCumulative: number;
        completedCumulative: number;
      }[] = dashboard.timeline;
      expect(timeline.length).toBeGreaterThan(0);
      let planned = 0;
      let completed = 0;
      for (const point of timeline) {
        planned += point.planned;
        completed += point.completed;
        expect(point).toEqual({
          ...point,
          plannedCumulative: planned,
          completedCumulative: completed,
        });
      }
      const months = timeline.map((p) => p.month);
      expect(months).toEqual([...months].sort());
      expect(new Set(months).size).toBe(months.length);
      const last = timeline[timeline.length - 1];
      expect(last.plannedCumulative).toBe(milestones.filter((m) => m.plannedEnd !== null).length);
      // Completions no source dates are counted apart, never placed at the day the plan was loaded.
      expect(dashboard.undatedCompletions).toBe(2); // DK0055's architecture, DK0059's screening
      expect(last.completedCumulative + dashboard.undatedCompletions).toBe(
        milestones.filter((m) => m.status === 'COMPLETED').length,
      );
      // The latest planned end is the Uganda country programme's (2018-2022), not the day of loading.
      expect(last.month).toBe('2022-12');
      // Each milestone is planned in the month of its planned end.
      for (const point of timeline) {
        expect({ month: point.month, planned: point.planned }).toEqual({
          month: point.month,
          planned: milestones.filter((m) => m.plannedEnd?.end.slice(0, 7) === point.month).length,
        });
      }
    });

    it('lists the same overdue milestones as milestones(filter: {flag: OVERDUE})', async () => {
      const result = await graphql(
        api.baseUrl,
        `
          {
            milestones(planSlug: "dk-2017-2019", filter: { flag: OVERDUE }, first: 100) {
              totalCount
              nodes {
                id
                flags
              }
            }
          }
        `,
      );
      expect(result.errors).toBeUndefined();
      const listed: { id: string; flags: string[] }[] = result.data?.milestones.nodes;
      expect(listed.length).toBeGreaterThan(0);
      expect(result.data?.milestones.totalCount).toBe(listed.length);
      expect(sorted(dashboard.overdue.map((m: { id: string }) => m.id))).toEqual(
        sorted(listed.map((m) => m.id)),
      );
      // ... and the same ones the milestones' own flags call overdue.
      const flagged = all.flatMap((c) => c.milestones).filter((m) => m.flags.includes('OVERDUE'));
      expect(sorted(listed.map((m) => m.id))).toEqual(sorted(flagged.map((m) => m.id)));
      const ends: string[] = dashboard.overdue.map((m: any) => m.plannedEnd.end);
      expect(ends).toEqual([...ends].sort());
    });

    it('answers NOT_FOUND naming an unknown slug', async () => {
      const result = await graphql(
        api.baseUrl,
        `
          {
            dashboard(planSlug: "xx-1999") {
              asOf
            }
          }
        `,
      );
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toContain('xx-1999');
    });
  });

  it('lists the plan in actionPlans', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          actionPlans {
            totalCount
            nodes {
              slug
              countryCode
              title {
                da
                en
              }
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.actionPlans.totalCount).toBe(1);
    expect(result.data?.actionPlans.nodes).toEqual([
      expect.objectContaining({ slug: PLAN, countryCode: 'DK' }),
    ]);
    const title = result.data?.actionPlans.nodes[0].title;
    expect(title.da ?? title.en).toBeTruthy();
  });

  it('lists the lead and supporting agencies of the plan in agencies(planSlug)', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          agencies(planSlug: "dk-2017-2019", first: 100) {
            totalCount
            nodes {
              slug
              name {
                da
                en
              }
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    const slugs: string[] = result.data?.agencies.nodes.map((a: { slug: string }) => a.slug);
    expect(result.data?.agencies.totalCount).toBe(slugs.length);
    const leads = new Set(all.map((c) => c.leadAgency.slug));
    expect(leads.size).toBeGreaterThan(5);
    expect(slugs).toEqual(expect.arrayContaining([...leads]));
    expect(slugs).toContain('boerne-og-socialministeriet');
    const involved = new Set(all.flatMap((c) => [c.leadAgency, ...c.supportingAgencies]));
    expect(sorted(slugs)).toEqual(sorted([...new Set([...involved].map((a) => a.slug))]));
  });

  describe('paging', () => {
    const PAGE = `query ($first: Int, $after: String) {
      commitments(planSlug: "dk-2017-2019", first: $first, after: $after) {
        totalCount
        nodes { ogpId }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;

    it('walks all 14 commitments five at a time, in plan order, without duplicates', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const result: GraphqlResponse = await graphql(api.baseUrl, PAGE, { first: 5, after });
        expect(result.errors).toBeUndefined();
        const page: any = result.data?.commitments;
        expect(page.totalCount).toBe(14);
        expect(page.nodes.length).toBeLessThanOrEqual(5);
        expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
        seen.push(...page.nodes.map((n: { ogpId: string }) => n.ogpId));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        expect(pages).toBeLessThan(10);
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(all.map((c) => c.ogpId));
      expect(seen).toEqual(Array.from({ length: 14 }, (_, i) => `DK00${50 + i}`));
    });

    it('walks every milestone of the plan with milestones(planSlug), in plan order', async () => {
      const expected = all.flatMap((c) => c.milestones.map((m) => m.id));
      expect(expected.length).toBeGreaterThan(20);
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const result: GraphqlResponse = await graphql(
          api.baseUrl,
          `
            query ($after: String) {
              milestones(planSlug: "dk-2017-2019", first: 10, after: $after) {
                totalCount
                nodes {
                  id
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          `,
          { after },
        );
        expect(result.errors).toBeUndefined();
        const page: any = result.data?.milestones;
        expect(page.totalCount).toBe(expected.length);
        seen.push(...page.nodes.map((n: { id: string }) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('refuses a page of 1000 with BAD_USER_INPUT naming first', async () => {
      const result = await graphql(api.baseUrl, PAGE, { first: 1000 });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe('first');
      expect(result.errors?.[0].message).toContain('first');
    });

    it('refuses a cursor it never gave out with BAD_USER_INPUT naming after', async () => {
      for (const after of ['not-a-cursor', Buffer.from('offset:-3').toString('base64url')]) {
        const result = await graphql(api.baseUrl, PAGE, { first: 5, after });
        expect(result.data).toBeNull();
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions?.field).toBe('after');
        expect(result.errors?.[0].message).toContain('after');
      }
    });
    it('refuses a forged cursor whose position is not written the way the API writes it', async () => {
      // The API writes positions as plain decimal digits; anything else is not one of its cursors.
      for (const forged of ['offset:', 'offset:0x2', 'offset:1e1', 'offset: 3']) {
        const after = Buffer.from(forged).toString('base64url');
        const result = await graphql(api.baseUrl, PAGE, { first: 5, after });
        expect({ forged, code: result.errors?.[0].extensions?.code }).toEqual({
          forged,
          code: 'BAD_USER_INPUT',
        });
        expect(result.errors?.[0].extensions?.field).toBe('after');
      }
    });
  });

  describe('filters', () => {
    it('narrows by theme', async () => {
      for (const themeKey of ['open_data', 'global_openness']) {
        const expected = all.filter((c) => c.theme.key === themeKey).map((c) => c.ogpId);
        expect(expected.length).toBeGreaterThan(0);
        expect(await filtered({ themeKey })).toEqual(expected);
      }
    });

    it('narrows by an agency that leads or supports', async () => {
      for (const agencySlug of ['kl', 'finansministeriet', 'ministry-of-health']) {
        const expected = all
          .filter((c) => [c.leadAgency, ...c.supportingAgencies].some((a) => a.slug === agencySlug))
          .map((c) => c.ogpId);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(14);
        expect(await filtered({ agencySlug })).toEqual(expected);
      }
    });

    it('narrows by computed completion', async () => {
      let matched = 0;
      for (const completion of COMPLETION_LEVELS) {
        const expected = all
          .filter((c) => c.progress.completion === completion)
          .map((c) => c.ogpId);
        matched += expected.length;
        expect({ completion, ids: await filtered({ completion }) }).toEqual({
          completion,
          ids: expected,
        });
      }
      expect(matched).toBe(14);
    });

    it('narrows by milestone flag', async () => {
      for (const flag of FLAGS) {
        const expected = all
          .filter((c) => c.milestones.some((m) => m.flags.includes(flag)))
          .map((c) => c.ogpId);
        expect({ flag, ids: await filtered({ flag }) }).toEqual({ flag, ids: expected });
      }
      expect(all.some((c) => c.milestones.some((m) => m.flags.includes('OVERDUE')))).toBe(true);
    });

    it('narrows by words in the id, number or title, in either language', async () => {
      const matches = (c: CommitmentRow, word: string) =>
        [c.ogpId, c.number, c.title.da ?? '', c.title.en ?? ''].some((text) =>
          text.toLowerCase().includes(word.toLowerCase()),
        );
      for (const search of ['portal', 'DK0052', 'Åbne', 'data']) {
        const expected = all.filter((c) => matches(c, search)).map((c) => c.ogpId);
        expect({ search, ids: await filtered({ search }) }).toEqual({ search, ids: expected });
      }
      expect(await filtered({ search: 'dk0052' })).toEqual(['DK0052']);
      // A percent sign is a character to look for, not a wildcard.
      expect(await filtered({ search: '%' })).toEqual([]);
    });

    it('combines conditions', async () => {
      const expected = all
        .filter((c) => c.theme.key === 'open_data')
        .filter((c) => [c.leadAgency, ...c.supportingAgencies].some((a) => a.slug === 'kl'))
        .map((c) => c.ogpId);
      expect(expected.length).toBeGreaterThan(0);
      expect(await filtered({ themeKey: 'open_data', agencySlug: 'kl' })).toEqual(expected);
    });

    it('answers BAD_USER_INPUT naming filter.themeKey for an unknown theme', async () => {
      const result = await graphql(
        api.baseUrl,
        `
          {
            commitments(planSlug: "dk-2017-2019", filter: { themeKey: "no_such_theme" }) {
              totalCount
            }
          }
        `,
      );
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe('filter.themeKey');
      expect(result.errors?.[0].message).toContain('filter.themeKey');
      expect(result.errors?.[0].message).toContain('no_such_theme');
    });

    it('answers NOT_FOUND naming an unknown plan slug', async () => {
      const result = await graphql(
        api.baseUrl,
        `
          {
            commitments(planSlug: "xx-1999") {
              totalCount
            }
          }
        `,
      );
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toContain('xx-1999');
    });
  });

  describe('limits and errors', () => {
    it('refuses a query nested too deep before running it, and answers a shallow one', async () => {
      let selection = 'ogpId';
      for (let i = 0; i < 10; i++) selection = `ogpId theme { key commitments { ${selection} } }`;
      const deep = await graphql(api.baseUrl, `{ commitment(ogpId: "DK0052") { ${selection} } }`);
      expect(deep.data ?? null).toBeNull();
      expect(deep.status).toBe(400);
      expect(deep.errors?.length).toBeGreaterThan(0);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(
        deep.errors?.[0].extensions?.code,
      );
      expect(deep.errors?.[0].message).toMatch(/deep/i);
      expect(deep.errors?.[0].message).toContain(String(api.config.graphqlMaxDepth));

      const shallow = await graphql(
        api.baseUrl,
        `
          {
            commitment(ogpId: "DK0052") {
              theme {
                commitments {
                  ogpId
                }
              }
            }
          }
        `,
      );
      expect(shallow.errors).toBeUndefined();
      expect(shallow.data?.commitment.theme.commitments).toHaveLength(5);
    });

    it('answers GRAPHQL_PARSE_FAILED to a syntax error', async () => {
      const result = await graphql(api.baseUrl, `{ actionPlans { totalCount `);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('answers an unexpected failure with INTERNAL_SERVER_ERROR and no internals', async () => {
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      let body: string;
      try {
        await admin.query('ALTER TABLE milestone_source RENAME TO milestone_source_hidden');
        try {
          const response = await fetch(`${api.baseUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: '{ commitment(ogpId: "DK0052") { milestones { sources { url } } } }',
            }),
          });
          body = await response.text();
        } finally {
          await admin.query('ALTER TABLE milestone_source_hidden RENAME TO milestone_source');
        }
      } finally {
        await admin.end();
      }
      const answer = JSON.parse(body);
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0].message).toBe('Internal server error');
      expect(answer.errors[0].extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        messageKey: 'server.internal',
        messageParams: {},
      });
      for (const leak of [
        'milestone_source',
        'relation',
        'SELECT',
        'stacktrace',
        '.ts:',
        '.js:',
        'QueryFailedError',
      ]) {
        expect({ leak, found: body.includes(leak) }).toEqual({ leak, found: false });
      }

      // Restored, the same query answers again.
      const again = await graphql(
        api.baseUrl,
        '{ commitment(ogpId: "DK0052") { milestones { sources { url } } } }',
      );
      expect(again.errors).toBeUndefined();
      expect(again.data?.commitment.milestones).toHaveLength(3);
    });
  });

  it('answers 200 on /healthz and /readyz', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });

  it('describes every type, field and argument of the schema', async () => {
    const result = await graphql(
      api.baseUrl,
      `
        {
          __schema {
            types {
              name
              description
              fields(includeDeprecated: true) {
                name
                description
                args {
                  name
                  description
                }
              }
              inputFields {
                name
                description
              }
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    const types: any[] = result.data?.__schema.types;
    const missing: string[] = [];
    const blank = (text: string | null) => !text || text.trim() === '';
    for (const type of types.filter((t) => !t.name.startsWith('__'))) {
      if (blank(type.description)) missing.push(type.name);
      for (const field of [...(type.fields ?? []), ...(type.inputFields ?? [])]) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args ?? []) {
          if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(types.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
