import {
  MilestoneFlag,
  MilestoneStatus,
  Role,
  Visibility,
  type DatePrecision,
  type Verification,
} from '@ogp/common';
import type { MessageKey } from '../i18n';
import { problemPath } from '../forms/problems';
import { graphql, GraphqlError, type FieldProblem } from './client';
import type { LocalizedText } from './dashboard';

// The coordinator's API: sign in, their milestones, and recording progress. The helpers below the queries are
// pure (no DOM, no fetch), so unit tests check them.

export interface PartialDate {
  label: string;
  precision?: DatePrecision;
  start?: string;
  end?: string;
}

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

export interface SignedInUser {
  id: string;
  displayName: string;
  roles: Role[];
}

const UPDATE = `id sequence status progressPercent effectiveDate { label } note { da en }
  evidence { url title } visibility recordedAt recordedBy`;

const REPORT_MILESTONE = `id title { da en } plannedStart { label } plannedEnd { label end }
  actualStart { label } actualEnd { label } status progressPercent version verification flags lastUpdateOn`;

export async function login(email: string, password: string): Promise<SignedInUser> {
  const data = await graphql<{ login: SignedInUser }>(
    `
      mutation Login($email: String!, $password: String!) {
        login(email: $email, password: $password) {
          id
          displayName
          roles
        }
      }
    `,
    { email, password },
  );
  return data.login;
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

// ---- pure helpers ----

/**
 * The `next` parameter when it is a path of this app on this origin ("/..." but not "//..." or "/\...",
 * which browsers read as another host); otherwise null.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  // Control characters and backslashes: browsers strip or turn them into "/", changing the host.
  if ([...next].some((c) => c === '\\' || c.charCodeAt(0) < 0x20)) return null;
  try {
    const base = 'https://tracker.invalid';
    const url = new URL(next, base);
    if (url.origin !== base || url.pathname === '/sign-in') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Where a user lands after signing in without a `next`: their own work first. */
export function landingPath(roles: readonly Role[]): string {
  if (roles.includes(Role.COORDINATOR) || roles.includes(Role.ADMIN)) return '/my-milestones';
  if (roles.includes(Role.REVIEWER)) return '/review';
  return '/plans';
}

/**
 * Whether a sign-in refusal is the back-off after repeated failures, and how long to wait: seconds under a minute,
 * else whole minutes rounded up (the API says when to retry).
 */
export function signInWait(error: GraphqlError): { seconds: number } | { minutes: number } | null {
  const seconds = error.extensions.retryAfterSeconds;
  if (typeof seconds !== 'number') return null;
  if (seconds < 60) return { seconds: Math.max(1, Math.ceil(seconds)) };
  return { minutes: Math.ceil(seconds / 60) };
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

/** What the report form holds, as typed. */
export interface ReportDraft {
  status: MilestoneStatus | null;
  percent: string;
  effectiveDate: string;
  actualStart: string;
  actualEnd: string;
  noteDa: string;
  noteEn: string;
  evidence: { url: string; title: string }[];
  visibility: Visibility;
}

/** The report form's fields a problem can be about; evidence rows are `evidence.<index>.url|title`. */
export type ReportField =
  | 'status'
  | 'percent'
  | 'effectiveDate'
  | 'actualStart'
  | 'actualEnd'
  | 'noteDa'
  | 'noteEn'
  | 'evidence'
  | 'visibility'
  | `evidence.${number}.url`
  | `evidence.${number}.title`;

const FIELD_OF_PATH: Record<string, ReportField> = {
  status: 'status',
  progressPercent: 'percent',
  effectiveDate: 'effectiveDate',
  actualStart: 'actualStart',
  actualEnd: 'actualEnd',
  note: 'noteDa',
  'note.da': 'noteDa',
  'note.en': 'noteEn',
  evidence: 'evidence',
  visibility: 'visibility',
};

/** The form field an API problem is about (`input.progressPercent` -> percent), or null for the whole form. */
export function reportFieldOf(apiField: string): ReportField | null {
  const path = problemPath(apiField);
  const row = /^evidence\.(\d+)\.(url|title)$/.exec(path);
  if (row) return `evidence.${Number(row[1])}.${row[2] as 'url' | 'title'}`;
  return FIELD_OF_PATH[path] ?? null;
}

/**
 * The input for recordMilestoneUpdate from what was typed, and the problems the API cannot be asked about
 * (no status chosen, a percent that is not a whole number: GraphQL would refuse the request as a whole).
 * Empty texts are left out; evidence rows left wholly empty are dropped.
 */
export function buildUpdateInput(
  draft: ReportDraft,
  milestoneId: string,
  expectedVersion: number,
): { input: RecordMilestoneUpdateInput | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!draft.status) problems.push({ field: 'input.status', message: 'choose a status' });
  const percentText = draft.percent.trim();
  let progressPercent: number | null = null;
  if (percentText !== '') {
    if (/^\d{1,3}$/.test(percentText)) progressPercent = Number(percentText);
    else
      problems.push({
        field: 'input.progressPercent',
        message: `must be a whole number, got ${JSON.stringify(percentText)}`,
      });
  }
  const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
  const evidence = draft.evidence
    .map((row) => ({ url: row.url.trim(), title: row.title.trim() }))
    .filter((row) => row.url !== '' || row.title !== '');
  if (problems.length || !draft.status) return { input: null, problems };
  return {
    input: {
      milestoneId,
      expectedVersion,
      status: draft.status,
      progressPercent,
      effectiveDate: text(draft.effectiveDate),
      actualStart: text(draft.actualStart),
      actualEnd: text(draft.actualEnd),
      note: { da: text(draft.noteDa), en: text(draft.noteEn) },
      evidence,
      visibility: draft.visibility,
    },
    problems,
  };
}

/**
 * The evidence rows as sent: the index the API names in `evidence.<index>` is the index among the rows that
 * were not wholly empty. Maps it back to the row's index in the form.
 */
export function evidenceRowIndex(
  rows: readonly { url: string; title: string }[],
  sentIndex: number,
): number | null {
  let sent = -1;
  for (const [index, row] of rows.entries()) {
    if (row.url.trim() === '' && row.title.trim() === '') continue;
    sent += 1;
    if (sent === sentIndex) return index;
  }
  return null;
}

/** A known API problem message, as a message key with its values, so it can be shown in the page's language. */
export interface KnownProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

const KNOWN_PROBLEMS: [RegExp, (match: RegExpExecArray) => KnownProblem][] = [
  [/^choose a status$/, () => ({ key: 'reportProblemChooseStatus' })],
  [/^is required while the status is IN_PROGRESS/, () => ({ key: 'reportProblemPercentRequired' })],
  [/^must be a whole number, got/, () => ({ key: 'reportProblemPercentWhole' })],
  [
    /^progressPercent must be a whole number from 0 to 99/,
    () => ({ key: 'reportProblemPercentRange' }),
  ],
  [/^progressPercent must be empty \(null\)/, () => ({ key: 'reportProblemPercentEmpty' })],
  [
    /^progressPercent must be (\d+) when the status is/,
    (match) => ({ key: 'reportProblemPercentImplied', vars: { percent: Number(match[1]) } }),
  ],
  [/^is required \(an http or https address\)/, () => ({ key: 'reportProblemUrlRequired' })],
  [/^must be an absolute http:\/\/ or https:\/\/ address/, () => ({ key: 'reportProblemUrl' })],
  [
    /^is required: 1 to \d+ characters saying what the link shows/,
    () => ({ key: 'reportProblemLinkTitle' }),
  ],
  [
    /^may hold at most (\d+) links/,
    (match) => ({ key: 'reportProblemTooManyLinks', vars: { max: Number(match[1]) } }),
  ],
  [/^is in the future/, () => ({ key: 'reportProblemFutureDate' })],
  [/^Invalid partial date|^A partial date must be/, () => ({ key: 'reportProblemPartialDate' })],
  [
    /^the milestone would start \(.*\) after it ends/,
    () => ({ key: 'reportProblemStartAfterEnd' }),
  ],
  [
    /^must be at most (\d+) characters long/,
    (match) => ({ key: 'reportProblemTooLong', vars: { max: Number(match[1]) } }),
  ],
  [/^reopening a completed milestone needs a note/, () => ({ key: 'reportProblemNoteReopen' })],
  [/^cancelling a milestone needs a note/, () => ({ key: 'reportProblemNoteCancel' })],
  [/^lowering the percent needs a note/, () => ({ key: 'reportProblemNoteLower' })],
];

export function knownProblem(message: string): KnownProblem | null {
  for (const [pattern, make] of KNOWN_PROBLEMS) {
    const match = pattern.exec(message);
    if (match) return make(match);
  }
  return null;
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
