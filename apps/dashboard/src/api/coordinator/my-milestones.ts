import { MilestoneFlag, type MilestoneStatus, type Verification } from '@ogp/common';
import { graphql } from '../client';
import type { LocalizedText } from '../dashboard';
import type { PartialDate } from './milestone-report';

// The coordinator's list of milestones: the plans and agencies to choose from, the milestones, the flag filter.

export interface PlanSummary {
  slug: string;
  title: LocalizedText;
}

export interface MyMilestone {
  id: string;
  title: LocalizedText;
  plannedEnd: PartialDate | null;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  flags: MilestoneFlag[];
  lastUpdateOn: string | null;
  verification: Verification;
  commitment: {
    ogpId: string;
    number: string;
    title: LocalizedText;
    leadAgency: { slug: string };
  };
}

export async function fetchPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  const data = await graphql<{ actionPlans: { nodes: PlanSummary[] } }>(
    'query MyPlans { actionPlans(first: 100) { nodes { slug title { da en } } } }',
    {},
    signal,
  );
  return data.actionPlans.nodes;
}

export async function fetchPlanAgencies(
  planSlug: string,
  signal?: AbortSignal,
): Promise<{ slug: string; name: LocalizedText }[]> {
  const data = await graphql<{ agencies: { nodes: { slug: string; name: LocalizedText }[] } }>(
    'query PlanAgencies($planSlug: String!) { agencies(planSlug: $planSlug, first: 100) { nodes { slug name { da en } } } }',
    { planSlug },
    signal,
  );
  return data.agencies.nodes;
}

/**
 * The milestones of the commitments `agencySlug` leads in one plan (the API's filter also gives the ones it
 * supports, which its coordinators may not report on), every page of them.
 */
export async function fetchAgencyMilestones(
  planSlug: string,
  agencySlug: string,
  flag: MilestoneFlag | null,
  signal?: AbortSignal,
): Promise<MyMilestone[]> {
  const milestones: MyMilestone[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      milestones: { nodes: MyMilestone[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    } = await graphql(
      `
        query AgencyMilestones($planSlug: String!, $filter: MilestoneFilter, $after: String) {
          milestones(planSlug: $planSlug, filter: $filter, first: 100, after: $after) {
            nodes {
              id
              title {
                da
                en
              }
              plannedEnd {
                label
              }
              status
              progressPercent
              flags
              lastUpdateOn
              verification
              commitment {
                ogpId
                number
                title {
                  da
                  en
                }
                leadAgency {
                  slug
                }
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `,
      { planSlug, filter: { agencySlug, flag }, after },
      signal,
    );
    milestones.push(...data.milestones.nodes);
    if (!data.milestones.pageInfo.hasNextPage) break;
    after = data.milestones.pageInfo.endCursor;
  }
  return milestones.filter((milestone) => milestone.commitment.leadAgency.slug === agencySlug);
}

export const FLAG_FILTERS: readonly MilestoneFlag[] = [
  MilestoneFlag.OVERDUE,
  MilestoneFlag.DUE_SOON,
  MilestoneFlag.STALE,
];

export function parseFlag(value: string | null): MilestoneFlag | null {
  return FLAG_FILTERS.find((flag) => flag === value) ?? null;
}

/** How many of the milestones carry each flag. */
export function flagCounts(milestones: readonly { flags: readonly MilestoneFlag[] }[]) {
  const count = (flag: MilestoneFlag) => milestones.filter((m) => m.flags.includes(flag)).length;
  return {
    overdue: count(MilestoneFlag.OVERDUE),
    dueSoon: count(MilestoneFlag.DUE_SOON),
    stale: count(MilestoneFlag.STALE),
  };
}
