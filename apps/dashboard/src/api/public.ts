import type {
  AssessmentStage,
  Assessor,
  Completion,
  DatePrecision,
  DidItOpenGovernment,
  Locale,
  MilestoneFlag,
  MilestoneStatus,
  OgpValue,
  PotentialImpact,
  Specificity,
  Starred,
  Verification,
  Visibility,
} from '@ogp/common';
import { graphql } from './client';
import {
  PROGRESS_FIELDS,
  type AgencyRef,
  type LocalizedText,
  type PlanRef,
  type Progress,
  type ThemeRef,
} from './dashboard';

// Queries of the public plan list, theme, agency and commitment pages. Every progress read takes asOf.

export interface PartialDateValue {
  label: string;
  precision: DatePrecision;
  start: string;
  end: string;
}

export interface Source {
  url: string;
  title: string | null;
}

/** A commitment's own progress (no commitment counts: those are for themes, agencies and plans). */
export type CommitmentProgress = Pick<
  Progress,
  | 'percent'
  | 'reportedPercent'
  | 'coverage'
  | 'completion'
  | 'milestoneCount'
  | 'reportedMilestoneCount'
>;

const COMMITMENT_PROGRESS =
  'percent reportedPercent coverage completion milestoneCount reportedMilestoneCount';

const DATE = 'label precision start end';
const AGENCY = 'slug name { da en } abbreviation';

interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The nodes of every page of a connection (`field` of the answer), following its cursor at most `maxPages` times. */
async function allPages<T>(
  query: string,
  variables: Record<string, unknown>,
  field: string,
  maxPages: number,
  signal: AbortSignal,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const data: Record<string, Connection<T>> = await graphql(
      query,
      { ...variables, after },
      signal,
    );
    nodes.push(...data[field].nodes);
    if (!data[field].pageInfo.hasNextPage) break;
    after = data[field].pageInfo.endCursor;
  }
  return nodes;
}

// ---- Plan list ----

export interface PlanSummary {
  slug: string;
  countryCode: string;
  actionPlanNumber: number | null;
  isSynthetic: boolean;
  title: LocalizedText;
  periodStart: PartialDateValue | null;
  periodEnd: PartialDateValue | null;
  publishedOn: string | null;
  coordinatingAgency: AgencyRef | null;
  themes: { key: string }[];
  progress: Progress;
}

const PLAN_SUMMARY = `fragment PlanSummary on ActionPlan {
  slug countryCode actionPlanNumber isSynthetic title { da en }
  periodStart { ${DATE} } periodEnd { ${DATE} } publishedOn
  coordinatingAgency { ${AGENCY} }
  themes { key }
  progress { ${PROGRESS_FIELDS} }
}`;

export const PLAN_SLUGS_QUERY = `query PlanSlugs($after: String) {
  actionPlans(first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } }
}`;

/**
 * One aliased actionPlan(slug, asOf) per plan: the list itself (actionPlans) has no asOf, and the as-of figures
 * are the point of the page.
 */
export function planSummariesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$s${i}: String!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `p${i}: actionPlan(slug: $s${i}, asOf: $asOf) { ...PlanSummary }`,
  ).join('\n  ');
  return `query PlanSummaries($asOf: String${count ? ', ' : ''}${variables}) {\n  ${fields || '__typename'}\n}\n${count ? PLAN_SUMMARY : ''}`;
}

/** The plans the reader may read (newest first, as the API lists them), with their figures on asOf. */
export async function fetchPlanSummaries(
  asOf: string | null,
  signal: AbortSignal,
): Promise<PlanSummary[]> {
  // 100 a page; a stop at 20 pages keeps a broken cursor from looping for ever.
  const plans = await allPages<{ slug: string }>(PLAN_SLUGS_QUERY, {}, 'actionPlans', 20, signal);
  const slugs = plans.map((node) => node.slug);
  if (!slugs.length) return [];
  const variables: Record<string, unknown> = { asOf };
  slugs.forEach((slug, i) => (variables[`s${i}`] = slug));
  const data = await graphql<Record<string, PlanSummary>>(
    planSummariesQuery(slugs.length),
    variables,
    signal,
  );
  return slugs.map((_, i) => data[`p${i}`]);
}

// ---- Commitment rows (theme and agency pages) ----

export interface MilestoneBrief {
  id: string;
  title: LocalizedText;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  flags: MilestoneFlag[];
  plannedEnd: PartialDateValue | null;
  /** Only the effective dates: the latest (first) is "last update" at its own precision. */
  history: { effectiveDate: PartialDateValue }[];
}

export interface CommitmentRow {
  ogpId: string;
  number: string;
  title: LocalizedText;
  theme: ThemeRef;
  leadAgency: AgencyRef;
  supportingAgencies: AgencyRef[];
  progress: CommitmentProgress;
  milestones: MilestoneBrief[];
}

const COMMITMENT_ROW = `ogpId number title { da en }
  theme { key number title { da en } }
  leadAgency { ${AGENCY} }
  supportingAgencies { ${AGENCY} }
  progress { ${COMMITMENT_PROGRESS} }
  milestones { id title { da en } status progressPercent flags plannedEnd { ${DATE} } history { effectiveDate { ${DATE} } } }`;

export const COMMITMENT_ROWS_QUERY = `query CommitmentRows($planSlug: String!, $filter: CommitmentFilter, $asOf: String, $after: String) {
  commitments(planSlug: $planSlug, filter: $filter, asOf: $asOf, first: 100, after: $after) {
    nodes { ${COMMITMENT_ROW} }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every commitment of a plan that matches the filter (all pages), in plan order. */
export async function fetchCommitmentRows(
  planSlug: string,
  filter: { themeKey?: string; agencySlug?: string },
  asOf: string | null,
  signal: AbortSignal,
): Promise<CommitmentRow[]> {
  return allPages<CommitmentRow>(
    COMMITMENT_ROWS_QUERY,
    { planSlug, filter, asOf },
    'commitments',
    50,
    signal,
  );
}

// ---- Theme page ----

export interface ThemeDetail extends ThemeRef {
  sources: Source[];
  progress: Progress;
}

export interface ThemePlan extends PlanRef {
  themes: ThemeDetail[];
}

export const THEME_PLAN_QUERY = `query ThemePlan($slug: String!, $asOf: String) {
  actionPlan(slug: $slug, asOf: $asOf) {
    slug title { da en } isSynthetic
    themes { key number title { da en } sources { url title } progress { ${PROGRESS_FIELDS} } }
  }
}`;

export async function fetchThemePlan(
  slug: string,
  asOf: string | null,
  signal: AbortSignal,
): Promise<ThemePlan> {
  const data = await graphql<{ actionPlan: ThemePlan }>(THEME_PLAN_QUERY, { slug, asOf }, signal);
  return data.actionPlan;
}

// ---- Agency page ----

export interface AgencyPlan {
  asOf: string;
  plan: PlanRef;
  byAgency: { agency: AgencyRef; progress: Progress }[];
}

export const AGENCY_PLAN_QUERY = `query AgencyPlan($planSlug: String!, $asOf: String) {
  dashboard(planSlug: $planSlug, asOf: $asOf) {
    asOf
    plan { slug title { da en } isSynthetic }
    byAgency { agency { ${AGENCY} } progress { ${PROGRESS_FIELDS} } }
  }
}`;

export async function fetchAgencyPlan(
  planSlug: string,
  asOf: string | null,
  signal: AbortSignal,
): Promise<AgencyPlan> {
  const data = await graphql<{ dashboard: AgencyPlan }>(
    AGENCY_PLAN_QUERY,
    { planSlug, asOf },
    signal,
  );
  return data.dashboard;
}

// ---- Commitment page ----

export interface StatusUpdateEntry {
  id: string;
  effectiveDate: PartialDateValue;
  effectiveDateKnown: boolean;
  status: MilestoneStatus;
  progressPercent: number | null;
  note: LocalizedText;
  evidence: Source[];
  recordedBy: string;
  recordedAt: string;
  visibility: Visibility;
  actualStart: PartialDateValue | null;
  actualEnd: PartialDateValue | null;
}

export interface MilestoneDetail {
  id: string;
  position: number;
  title: LocalizedText;
  description: LocalizedText;
  notes: LocalizedText;
  weight: number;
  plannedStart: PartialDateValue | null;
  plannedEnd: PartialDateValue | null;
  actualStart: PartialDateValue | null;
  actualEnd: PartialDateValue | null;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  verification: Verification;
  flags: MilestoneFlag[];
  lastUpdateOn: string | null;
  sources: Source[];
  history: StatusUpdateEntry[];
}

export interface AssessmentEntry {
  id: string;
  stage: AssessmentStage;
  assessor: Assessor;
  assessedOn: PartialDateValue;
  completion: Completion | null;
  didItOpenGovernment: DidItOpenGovernment | null;
  potentialImpact: PotentialImpact | null;
  potentiallyStarred: boolean | null;
  relevantOgpValues: OgpValue[] | null;
  specificity: Specificity | null;
  starred: Starred | null;
  verifiable: boolean | null;
  note: LocalizedText;
  source: Source;
}

export interface CommitmentDetail {
  ogpId: string;
  number: string;
  title: LocalizedText;
  description: LocalizedText;
  notes: LocalizedText;
  ogpValues: OgpValue[];
  otherStakeholders: LocalizedText[];
  actionPlan: PlanRef;
  theme: ThemeRef;
  leadAgency: AgencyRef;
  supportingAgencies: AgencyRef[];
  progress: CommitmentProgress;
  progressFormula: string;
  sources: Source[];
  latestAssessments: AssessmentEntry[];
  milestones: MilestoneDetail[];
}

export const COMMITMENT_QUERY = `query CommitmentPage($ogpId: String!, $asOf: String, $locale: Locale!) {
  commitment(ogpId: $ogpId, asOf: $asOf) {
    ogpId number title { da en } description { da en } notes { da en }
    ogpValues otherStakeholders { da en }
    actionPlan { slug title { da en } isSynthetic }
    theme { key number title { da en } }
    leadAgency { ${AGENCY} }
    supportingAgencies { ${AGENCY} }
    progress { ${COMMITMENT_PROGRESS} }
    progressFormula(locale: $locale)
    sources { url title }
    latestAssessments {
      id stage assessor assessedOn { ${DATE} } completion didItOpenGovernment potentialImpact
      potentiallyStarred relevantOgpValues specificity starred verifiable note { da en } source { url title }
    }
    milestones {
      id position title { da en } description { da en } notes { da en } weight
      plannedStart { ${DATE} } plannedEnd { ${DATE} } actualStart { ${DATE} } actualEnd { ${DATE} }
      status progressPercent verification flags lastUpdateOn sources { url title }
      history {
        id effectiveDate { ${DATE} } effectiveDateKnown status progressPercent note { da en }
        evidence { url title } recordedBy recordedAt visibility
        actualStart { ${DATE} } actualEnd { ${DATE} }
      }
    }
  }
}`;

export async function fetchCommitment(
  ogpId: string,
  asOf: string | null,
  locale: Locale,
  signal: AbortSignal,
): Promise<CommitmentDetail> {
  const data = await graphql<{ commitment: CommitmentDetail }>(
    COMMITMENT_QUERY,
    { ogpId, asOf, locale },
    signal,
  );
  return data.commitment;
}
