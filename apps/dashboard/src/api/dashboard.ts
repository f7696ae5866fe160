import type { Completion, Locale, MilestoneStatus } from '@ogp/common';
import { graphql } from './client';

export interface LocalizedText {
  da: string | null;
  en: string | null;
}

export interface Progress {
  /** Evidence-backed: unreported work counts for nothing. */
  percent: number | null;
  /** The mean of what was reported. */
  reportedPercent: number | null;
  coverage: number | null;
  milestoneCoverage: number | null;
  completion: Completion;
  milestoneCount: number;
  reportedMilestoneCount: number;
  reportedCount: number | null;
  commitmentCount: number | null;
  completionCounts: { completion: Completion; count: number }[] | null;
}

export interface PlanRef {
  slug: string;
  title: LocalizedText;
  /** Generated test data, not a real plan: every page of it says so. */
  isSynthetic: boolean;
}

export interface ThemeRef {
  key: string;
  number: number;
  title: LocalizedText;
}

export interface AgencyRef {
  slug: string;
  name: LocalizedText;
  abbreviation: string | null;
}

export interface DashboardData {
  asOf: string;
  plan: PlanRef;
  overall: Progress;
  byTheme: { theme: ThemeRef; progress: Progress }[];
  byAgency: { agency: AgencyRef; progress: Progress }[];
  timeline: {
    month: string;
    planned: number;
    completed: number;
    plannedCumulative: number;
    completedCumulative: number;
  }[];
  overdue: {
    id: string;
    title: LocalizedText;
    status: MilestoneStatus | null;
    plannedEnd: { label: string } | null;
    commitment: { ogpId: string; number: string; title: LocalizedText };
  }[];
  undatedCompletions: number;
}

/** The fields of a Progress, for queries. */
export const PROGRESS_FIELDS = `percent reportedPercent coverage milestoneCoverage completion
  milestoneCount reportedMilestoneCount reportedCount commitmentCount completionCounts { completion count }`;

export const DASHBOARD_QUERY = `query Dashboard($planSlug: String!, $asOf: String, $locale: Locale!) {
  dashboard(planSlug: $planSlug, asOf: $asOf, locale: $locale) {
    asOf
    plan { slug title { da en } isSynthetic }
    overall { ${PROGRESS_FIELDS} }
    byTheme { theme { key number title { da en } } progress { ${PROGRESS_FIELDS} } }
    byAgency { agency { slug name { da en } abbreviation } progress { ${PROGRESS_FIELDS} } }
    timeline { month planned completed plannedCumulative completedCumulative }
    overdue { id title { da en } status plannedEnd { label } commitment { ogpId number title { da en } } }
    undatedCompletions
  }
}`;

export async function fetchDashboard(
  planSlug: string,
  asOf: string | null,
  locale: Locale,
  signal?: AbortSignal,
): Promise<DashboardData> {
  const data = await graphql<{ dashboard: DashboardData }>(
    DASHBOARD_QUERY,
    { planSlug, asOf, locale },
    signal,
  );
  return data.dashboard;
}

/** The text in the asked language, falling back to the other one ('' when neither has it). */
export function localized(text: LocalizedText | null | undefined, locale: Locale): string {
  return (locale === 'en' ? (text?.en ?? text?.da) : (text?.da ?? text?.en)) ?? '';
}
