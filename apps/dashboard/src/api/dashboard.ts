import type { Completion, Locale, MilestoneStatus } from '@ogp/common';
import { graphql } from './client';

export interface LocalizedText {
  da: string | null;
  en: string | null;
}

export interface Progress {
  percent: number | null;
  coverage: number | null;
  completion: Completion;
  reportedCount: number | null;
  commitmentCount: number | null;
  completionCounts: { completion: Completion; count: number }[] | null;
}

export interface DashboardData {
  asOf: string;
  plan: { slug: string; title: LocalizedText };
  overall: Progress;
  byTheme: { theme: { key: string; number: number; title: LocalizedText }; progress: Progress }[];
  byAgency: {
    agency: { slug: string; name: LocalizedText; abbreviation: string | null };
    progress: Progress;
  }[];
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

const PROGRESS =
  'percent coverage completion reportedCount commitmentCount completionCounts { completion count }';

export const DASHBOARD_QUERY = `query Dashboard($planSlug: String!, $asOf: String, $locale: Locale!) {
  dashboard(planSlug: $planSlug, asOf: $asOf, locale: $locale) {
    asOf
    plan { slug title { da en } }
    overall { ${PROGRESS} }
    byTheme { theme { key number title { da en } } progress { ${PROGRESS} } }
    byAgency { agency { slug name { da en } abbreviation } progress { ${PROGRESS} } }
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

/** The text in the asked language, falling back to the other one. */
export function localized(text: LocalizedText, locale: Locale): string {
  return (locale === 'en' ? (text.en ?? text.da) : (text.da ?? text.en)) ?? '';
}
