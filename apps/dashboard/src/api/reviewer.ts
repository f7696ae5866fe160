import type {
  AssessmentStage,
  Assessor,
  Completion,
  DidItOpenGovernment,
  MilestoneStatus,
  OgpValue,
  PotentialImpact,
  Specificity,
  Starred,
  Verification,
  Visibility,
} from '@ogp/common';
import { graphql } from './client';
import type { LocalizedText } from './dashboard';

// Reads and writes of the reviewer screens: plans to pick from, reported milestones with their verification,
// commitments with their assessments, and the verifyMilestone / assessCommitment mutations.

export interface PlanChoice {
  slug: string;
  title: LocalizedText;
}

export interface StatusUpdateView {
  id: string;
  status: MilestoneStatus;
  progressPercent: number | null;
  effectiveDate: { label: string };
  recordedAt: string;
  recordedBy: string;
  note: LocalizedText;
  evidence: { url: string; title: string | null }[];
  visibility: Visibility;
}

export interface CommitmentRef {
  ogpId: string;
  number: string;
  title: LocalizedText;
}

export interface ReviewMilestone {
  id: string;
  title: LocalizedText;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  verification: Verification;
  commitment: CommitmentRef;
  /** Newest first; the first is the report a verdict is about. */
  history: StatusUpdateView[];
}

export interface AssessmentView {
  id: string;
  stage: AssessmentStage;
  assessor: Assessor;
  assessedOn: { label: string };
  completion: Completion | null;
  verifiable: boolean | null;
  specificity: Specificity | null;
  relevantOgpValues: OgpValue[] | null;
  potentialImpact: PotentialImpact | null;
  didItOpenGovernment: DidItOpenGovernment | null;
  starred: Starred | null;
  potentiallyStarred: boolean | null;
  source: { url: string; title: string | null };
  note: LocalizedText;
}

export interface ReviewCommitment extends CommitmentRef {
  progress: { percent: number | null; coverage: number | null; completion: Completion };
  latestAssessments: AssessmentView[];
}

const UPDATE = `id status progressPercent effectiveDate { label } recordedAt recordedBy note { da en }
  evidence { url title } visibility`;
const ASSESSMENT = `id stage assessor assessedOn { label } completion verifiable specificity relevantOgpValues
  potentialImpact didItOpenGovernment starred potentiallyStarred source { url title } note { da en }`;

export async function fetchPlans(signal: AbortSignal): Promise<PlanChoice[]> {
  const data = await graphql<{ actionPlans: { nodes: PlanChoice[] } }>(
    'query ReviewPlans { actionPlans(first: 100) { nodes { slug title { da en } } } }',
    {},
    signal,
  );
  return data.actionPlans.nodes;
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of a connection, one request after the other. */
async function allPages<T>(
  read: (after: string | null) => Promise<Page<T>>,
  signal: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    items.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || signal.aborted) return items;
    after = page.pageInfo.endCursor;
  }
}

/** The plan's milestones with reported progress, with their history (newest first). */
export function fetchReportedMilestones(
  planSlug: string,
  signal: AbortSignal,
): Promise<ReviewMilestone[]> {
  return allPages(async (after) => {
    const data = await graphql<{ milestones: Page<ReviewMilestone> }>(
      `query ReviewMilestones($planSlug: String!, $after: String) {
        milestones(planSlug: $planSlug, filter: { noData: false }, first: 100, after: $after) {
          nodes {
            id title { da en } status progressPercent verification
            commitment { ogpId number title { da en } }
            history { ${UPDATE} }
          }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { planSlug, after },
      signal,
    );
    return data.milestones;
  }, signal);
}

export function fetchReviewCommitments(
  planSlug: string,
  signal: AbortSignal,
): Promise<ReviewCommitment[]> {
  return allPages(async (after) => {
    const data = await graphql<{ commitments: Page<ReviewCommitment> }>(
      `query ReviewCommitments($planSlug: String!, $after: String) {
        commitments(planSlug: $planSlug, first: 100, after: $after) {
          nodes {
            ogpId number title { da en }
            progress { percent coverage completion }
            latestAssessments { ${ASSESSMENT} }
          }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { planSlug, after },
      signal,
    );
    return data.commitments;
  }, signal);
}

export interface VerdictView {
  id: string;
  verdict: Verification;
  note: LocalizedText;
  recordedAt: string;
  recordedBy: string;
  statusUpdateId: string;
}

export interface MilestoneToVerify {
  commitment: CommitmentRef & { actionPlan: { slug: string } };
  milestone: ReviewMilestone | null;
  /** Earlier verdicts on this milestone, newest first. */
  verdicts: VerdictView[];
}

const VERDICT = 'id verdict note { da en } recordedAt recordedBy statusUpdateId';

/** One milestone with its history, and the verdicts given on it (from the plan's audit log). */
export async function fetchMilestoneToVerify(
  ogpId: string,
  milestoneId: string,
  signal: AbortSignal,
): Promise<MilestoneToVerify> {
  const data = await graphql<{
    commitment: CommitmentRef & {
      actionPlan: { slug: string };
      milestones: Omit<ReviewMilestone, 'commitment'>[];
    };
  }>(
    `query VerifyMilestone($ogpId: String!) {
      commitment(ogpId: $ogpId) {
        ogpId number title { da en } actionPlan { slug }
        milestones { id title { da en } status progressPercent verification history { ${UPDATE} } }
      }
    }`,
    { ogpId },
    signal,
  );
  const { milestones, ...commitment } = data.commitment;
  const found = milestones.find((milestone) => milestone.id === milestoneId);
  if (!found) return { commitment, milestone: null, verdicts: [] };
  const trail = await graphql<{
    auditTrail: {
      nodes: { kind: string; milestoneId: string | null; verification: VerdictView }[];
    };
  }>(
    `query VerdictTrail($planSlug: String!, $ogpId: String!) {
      auditTrail(planSlug: $planSlug, commitmentOgpId: $ogpId, first: 100) {
        nodes { kind milestoneId verification { ${VERDICT} } }
      }
    }`,
    { planSlug: commitment.actionPlan.slug, ogpId },
    signal,
  );
  const verdicts = trail.auditTrail.nodes
    .filter((entry) => entry.kind === 'VERIFICATION' && entry.milestoneId === milestoneId)
    .map((entry) => entry.verification);
  return { commitment, milestone: { ...found, commitment }, verdicts };
}

export interface VerifyInput {
  milestoneId: string;
  /** The report on screen: the API answers CONFLICT when the milestone has been reported since. */
  statusUpdateId: string | null;
  verdict: 'VERIFIED' | 'DISPUTED';
  note: { da: string | null; en: string | null } | null;
}

export async function verifyMilestone(
  input: VerifyInput,
): Promise<{ verification: VerdictView; milestone: { verification: Verification } }> {
  const data = await graphql<{
    verifyMilestone: { verification: VerdictView; milestone: { verification: Verification } };
  }>(
    `mutation Verify($input: VerifyMilestoneInput!) {
      verifyMilestone(input: $input) { verification { ${VERDICT} } milestone { id verification } }
    }`,
    { input },
  );
  return data.verifyMilestone;
}

export interface CommitmentToAssess extends ReviewCommitment {
  actionPlan: { slug: string };
  /** Oldest first, as the API lists them. */
  assessments: AssessmentView[];
}

export async function fetchCommitmentToAssess(
  ogpId: string,
  signal: AbortSignal,
): Promise<CommitmentToAssess> {
  const data = await graphql<{ commitment: CommitmentToAssess }>(
    `query AssessCommitment($ogpId: String!) {
      commitment(ogpId: $ogpId) {
        ogpId number title { da en } actionPlan { slug }
        progress { percent coverage completion }
        latestAssessments { ${ASSESSMENT} }
        assessments { ${ASSESSMENT} }
      }
    }`,
    { ogpId },
    signal,
  );
  return data.commitment;
}

export interface AssessInput {
  commitmentOgpId: string;
  stage: AssessmentStage;
  assessor: Assessor;
  assessedOn: string;
  source: { url: string; title: string | null };
  completion?: Completion;
  verifiable?: boolean;
  specificity?: Specificity;
  relevantOgpValues?: OgpValue[];
  potentialImpact?: PotentialImpact;
  didItOpenGovernment?: DidItOpenGovernment;
  starred?: Starred;
  potentiallyStarred?: boolean;
  note?: { da: string | null; en: string | null };
}

export async function assessCommitment(input: AssessInput): Promise<AssessmentView> {
  const data = await graphql<{ assessCommitment: AssessmentView }>(
    `mutation Assess($input: AssessCommitmentInput!) { assessCommitment(input: $input) { ${ASSESSMENT} } }`,
    { input },
  );
  return data.assessCommitment;
}
