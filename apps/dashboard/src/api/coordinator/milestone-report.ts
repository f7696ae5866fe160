import type {
  MilestoneFlag,
  MilestoneStatus,
  DatePrecision,
  Verification,
  Visibility,
} from '@ogp/common';
import { graphql, type GraphqlError } from '../client';
import type { LocalizedText } from '../dashboard';

// Recording progress on one milestone: the commitment and history the report form shows, the write, and what a
// CONFLICT answer carries.

export interface PartialDate {
  label: string;
  precision?: DatePrecision;
  start?: string;
  end?: string;
}

export interface EvidenceLink {
  url: string;
  title: string | null;
}

export interface StatusUpdate {
  id: string;
  sequence: number;
  status: MilestoneStatus;
  progressPercent: number | null;
  effectiveDate: PartialDate;
  note: LocalizedText;
  evidence: EvidenceLink[];
  visibility: Visibility;
  recordedAt: string;
  recordedBy: string;
}

export interface ReportMilestone {
  id: string;
  title: LocalizedText;
  plannedStart: PartialDate | null;
  plannedEnd: PartialDate | null;
  actualStart: PartialDate | null;
  actualEnd: PartialDate | null;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  version: number;
  verification: Verification;
  flags: MilestoneFlag[];
  lastUpdateOn: string | null;
  history: StatusUpdate[];
}

export interface ReportCommitment {
  ogpId: string;
  number: string;
  title: LocalizedText;
  leadAgency: { slug: string; name: LocalizedText };
  actionPlan: { slug: string; title: LocalizedText };
  milestones: ReportMilestone[];
}

const UPDATE = `id sequence status progressPercent effectiveDate { label } note { da en }
  evidence { url title } visibility recordedAt recordedBy`;

const REPORT_MILESTONE = `id title { da en } plannedStart { label } plannedEnd { label end }
  actualStart { label } actualEnd { label } status progressPercent version verification flags lastUpdateOn`;

/** A commitment with its milestones and each milestone's history, as the report form needs them. */
export async function fetchReportCommitment(
  ogpId: string,
  signal?: AbortSignal,
): Promise<ReportCommitment> {
  const data = await graphql<{ commitment: ReportCommitment }>(
    `query ReportCommitment($ogpId: String!) {
      commitment(ogpId: $ogpId) {
        ogpId number title { da en }
        leadAgency { slug name { da en } }
        actionPlan { slug title { da en } }
        milestones { ${REPORT_MILESTONE} history { ${UPDATE} } }
      }
    }`,
    { ogpId },
    signal,
  );
  return data.commitment;
}

export interface RecordMilestoneUpdateInput {
  milestoneId: string;
  expectedVersion: number;
  status: MilestoneStatus;
  progressPercent: number | null;
  effectiveDate: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  note: { da: string | null; en: string | null };
  evidence: { url: string; title: string }[];
  visibility: Visibility;
}

export interface RecordedUpdate {
  milestone: Omit<ReportMilestone, 'history'>;
  statusUpdate: StatusUpdate;
}

export async function recordMilestoneUpdate(
  input: RecordMilestoneUpdateInput,
): Promise<RecordedUpdate> {
  const data = await graphql<{ recordMilestoneUpdate: RecordedUpdate }>(
    `mutation RecordMilestoneUpdate($input: RecordMilestoneUpdateInput!) {
      recordMilestoneUpdate(input: $input) {
        milestone { ${REPORT_MILESTONE} }
        statusUpdate { ${UPDATE} }
      }
    }`,
    { input },
  );
  return data.recordMilestoneUpdate;
}

/** What a CONFLICT answer says: the milestone's version now and the update recorded since. */
export interface ConflictDetails {
  currentVersion: number;
  latestUpdate: StatusUpdate | null;
}

export function conflictDetails(error: GraphqlError): ConflictDetails | null {
  if (error.code !== 'CONFLICT') return null;
  const { currentVersion, latestUpdate } = error.extensions;
  if (typeof currentVersion !== 'number') return null;
  return { currentVersion, latestUpdate: (latestUpdate as StatusUpdate | null) ?? null };
}

/** Today (UTC, as the API counts "not in the future"), YYYY-MM-DD. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
