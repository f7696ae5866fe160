import { Role, progressHeadline } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';
import {
  aggregateByRule,
  asCommitmentAnswer,
  commitmentByRule,
  LEVELS,
  RULE_FIELDS,
  type RuleAggregate,
  type RuleMilestone,
} from '../utils/written-roll-up';

/*
 * Every figure of Denmark's plan, recomputed from its milestones by the rule product.md writes, against what the
 * API answers over HTTP: each commitment, each theme, each lead agency and the plan. Then the issue's own case:
 * a first report of 60 % on one of DK0052's unreported milestones must raise the figures, never lower them.
 */

const PLAN = 'dk-2017-2019';

interface Commitment {
  ogpId: string;
  theme: { key: string };
  leadAgency: { slug: string };
  progress: Record<string, unknown>;
  milestones: (RuleMilestone & { id: string; version: number; title: { en: string | null } })[];
}

interface Answer {
  commitments: { nodes: Commitment[] };
  dashboard: {
    overall: RuleAggregate;
    byTheme: { theme: { key: string }; progress: RuleAggregate }[];
    byAgency: { agency: { slug: string }; progress: RuleAggregate }[];
  };
  actionPlan: { progress: RuleAggregate; themes: { key: string; progress: RuleAggregate }[] };
}

const QUERY = `query ($planSlug: String!) {
  commitments(planSlug: $planSlug, first: 100) {
    nodes {
      ogpId theme { key } leadAgency { slug }
      progress { ${RULE_FIELDS} }
      milestones { id version title { en } status progressPercent weight }
    }
  }
  dashboard(planSlug: $planSlug) {
    overall { ${RULE_FIELDS} }
    byTheme { theme { key } progress { ${RULE_FIELDS} } }
    byAgency { agency { slug } progress { ${RULE_FIELDS} } }
  }
  actionPlan(slug: $planSlug) { progress { ${RULE_FIELDS} } themes { key progress { ${RULE_FIELDS} } } }
}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Every figure the plan shows, by name ("commitment DK0052", "theme open_data", ...), as the API answers. */
function answered(answer: Answer): Map<string, unknown> {
  const figures = new Map<string, unknown>();
  for (const c of answer.commitments.nodes) figures.set(`commitment ${c.ogpId}`, c.progress);
  figures.set('plan', answer.dashboard.overall);
  for (const t of answer.dashboard.byTheme) figures.set(`theme ${t.theme.key}`, t.progress);
  for (const a of answer.dashboard.byAgency) figures.set(`agency ${a.agency.slug}`, a.progress);
  return figures;
}

/** The same figures, recomputed from the milestones by the written rule. */
function recomputed(commitments: readonly Commitment[]): Map<string, unknown> {
  const figures = new Map<string, unknown>();
  const byRule = new Map(commitments.map((c) => [c.ogpId, commitmentByRule(c.milestones)]));
  for (const [ogpId, rule] of byRule) figures.set(`commitment ${ogpId}`, asCommitmentAnswer(rule));
  const aggregate = (members: readonly Commitment[]) =>
    aggregateByRule(members.map((c) => byRule.get(c.ogpId)!));
  figures.set('plan', aggregate(commitments));
  for (const [key, members] of groupBy(commitments, (c) => c.theme.key))
    figures.set(`theme ${key}`, aggregate(members));
  for (const [slug, members] of groupBy(commitments, (c) => c.leadAgency.slug))
    figures.set(`agency ${slug}`, aggregate(members));
  return figures;
}

describe("Denmark's plan, every figure recomputed from its milestones by the written roll-up rule", () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Record<string, string>;
  let before: Answer;

  async function read(): Promise<Answer> {
    const result = await graphql<Answer>(api.baseUrl, QUERY, { planSlug: PLAN });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    admin = await signIn(api.baseUrl, await createTestUser(db.dataSource, { roles: [Role.ADMIN] }));
    before = await read();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers every commitment, theme, lead agency and the plan with the figures of the rule', () => {
    const commitments = before.commitments.nodes;
    expect(commitments).toHaveLength(14);
    const expected = recomputed(commitments);
    const actual = answered(before);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [figure, value] of expected) {
      expect({ figure, value: actual.get(figure) }).toEqual({ figure, value });
    }
    // The plan's own progress and its themes' agree with the dashboard.
    expect(before.actionPlan.progress).toEqual(before.dashboard.overall);
    for (const theme of before.actionPlan.themes) {
      expect({ theme: theme.key, progress: theme.progress }).toEqual({
        theme: theme.key,
        progress: expected.get(`theme ${theme.key}`),
      });
    }
  });

  it('shows DK0052 with one of its three milestones reported, evidence-backed and not COMPLETE', () => {
    const dk0052 = before.commitments.nodes.find((c) => c.ogpId === 'DK0052')!;
    expect(dk0052.milestones.map((m) => m.status)).toEqual([null, null, 'COMPLETED']);
    expect(dk0052.progress).toMatchObject({
      milestoneCount: 3,
      reportedMilestoneCount: 1,
      reportedPercent: 100,
    });
    expect(dk0052.progress.completion).not.toBe('COMPLETE');
    // One completed milestone of three, the other two adding nothing.
    expect(dk0052.progress.percent).toBe(Math.floor((100 / 3) * 10 + 0.5) / 10);
  });

  it('counts commitments with no data in the plan figure instead of leaving them out', () => {
    const { overall } = before.dashboard;
    const commitments = before.commitments.nodes;
    const noData = commitments.filter((c) => c.milestones.every((m) => m.status === null));
    expect(noData.length).toBeGreaterThan(0);
    expect(overall.commitmentCount).toBe(commitments.length);
    expect(overall.reportedCount).toBe(commitments.length - noData.length);
    expect(overall.percent!).toBeLessThan(overall.reportedPercent!);
    const counted = LEVELS.reduce(
      (sum, level) => sum + overall.completionCounts.find((c) => c.completion === level)!.count,
      0,
    );
    expect(counted).toBe(commitments.length);
  });

  it('reads the headline counts first, in both languages', () => {
    const { overall } = before.dashboard;
    const count = (level: string) =>
      overall.completionCounts.find((c) => c.completion === level)!.count;
    const figures = {
      ...overall,
      completionCounts: Object.fromEntries(LEVELS.map((l) => [l, count(l)])),
    };
    const levels = [
      count('COMPLETE'),
      count('SUBSTANTIAL'),
      count('LIMITED'),
      count('NO_EVIDENCE'),
    ];
    expect(count('NOT_STARTED')).toBe(0);
    expect(progressHeadline(figures, 'en')).toBe(
      `${levels[0]} of 14 commitments complete, ${levels[1]} substantial, ${levels[2]} limited, ` +
        `${levels[3]} with no data; progress shown by reports ${overall.percent}%, ` +
        `reported for ${overall.reportedCount} of 14 commitments`,
    );
    expect(progressHeadline(figures, 'da')).toBe(
      `${levels[0]} af 14 forpligtelser fuldført, ${levels[1]} væsentligt, ${levels[2]} begrænset, ` +
        `${levels[3]} uden data; fremdrift ifølge rapporterne ` +
        `${String(overall.percent).replace('.', ',')}\u00a0%, ` +
        `rapporteret for ${overall.reportedCount} af 14 forpligtelser`,
    );
  });

  it('raises, never lowers, every figure when DK0052 reports 60 % on a milestone with no data', async () => {
    const dk0052 = before.commitments.nodes.find((c) => c.ogpId === 'DK0052')!;
    const feasibility = dk0052.milestones[0];
    expect(feasibility.status).toBeNull();
    const result = await graphql(
      api.baseUrl,
      `
        mutation ($input: RecordMilestoneUpdateInput!) {
          recordMilestoneUpdate(input: $input) {
            milestone {
              status
            }
          }
        }
      `,
      {
        input: {
          milestoneId: feasibility.id,
          expectedVersion: feasibility.version,
          status: 'IN_PROGRESS',
          progressPercent: 60,
          effectiveDate: new Date().toISOString().slice(0, 10),
          note: { en: 'Feasibility study under way (test data)' },
          evidence: [{ url: 'https://example.org/feasibility', title: 'Study plan (test data)' }],
        },
      },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const after = await read();
    // Still the rule, figure by figure.
    const expected = recomputed(after.commitments.nodes);
    for (const [figure, value] of answered(after)) {
      expect({ figure, value }).toEqual({ figure, value: expected.get(figure) });
    }
    // No figure went down; DK0052, its theme, its agency and the plan went up.
    const was = answered(before);
    const rank = (level: unknown) => LEVELS.indexOf(level as string);
    for (const [figure, value] of answered(after)) {
      const now = value as Record<string, number | null>;
      const then = was.get(figure) as Record<string, number | null>;
      for (const field of ['percent', 'coverage', 'milestoneCoverage', 'reportedMilestoneCount']) {
        const lowered = then[field] !== null && (now[field] === null || now[field] < then[field]);
        expect({ figure, field, lowered }).toEqual({ figure, field, lowered: false });
      }
      expect({ figure, completion: rank(now.completion) >= rank(then.completion) }).toEqual({
        figure,
        completion: true,
      });
    }
    const percent = (figures: Map<string, unknown>, name: string) =>
      (figures.get(name) as { percent: number }).percent;
    const now = answered(after);
    for (const name of [
      'commitment DK0052',
      `theme ${dk0052.theme.key}`,
      `agency ${dk0052.leadAgency.slug}`,
      'plan',
    ]) {
      expect({ name, rose: percent(now, name) > percent(was, name) }).toEqual({ name, rose: true });
    }
    // (60 + 100) / 3 = 53.3
    expect(now.get('commitment DK0052')).toMatchObject({
      percent: 53.3,
      reportedMilestoneCount: 2,
      completion: 'SUBSTANTIAL',
    });
  });
});
