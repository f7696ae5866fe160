import {
  commitmentHeadline,
  progressHeadline,
  type Completion,
  type Locale,
  type MilestoneStatus,
  type Verification,
} from '@ogp/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { graphql } from './graphql-client';

/** A GET as a browser's download makes it: the status, headers and the raw bytes. */
export async function download(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** A CSV read back by an independent reader (csv-parse), one object per row keyed by the header. */
export function csvRows(body: Buffer): Record<string, string>[] {
  const rows: Record<string, string>[] = parse(body, { bom: true, columns: true });
  return rows;
}

/** An XLSX read back by exceljs's own reader. */
export async function loadXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  return workbook;
}

/** A sheet's rows below its header as objects keyed by the header; empty cells are absent. */
export function sheetRows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).map((value) =>
    typeof value === 'string' ? value : '',
  );
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, unknown> = {};
    (row.values as unknown[]).forEach((value, column) => {
      if (value !== null && value !== undefined) record[header[column]] = value;
    });
    rows.push(record);
  });
  return rows;
}

/** Validates `file` against the schema the API publishes at /api/schema/plan.json (ajv): its errors. */
export async function validateAgainstPublishedSchema(
  baseUrl: string,
  file: unknown,
): Promise<unknown[]> {
  const response = await fetch(`${baseUrl}/api/schema/plan.json`);
  if (response.status !== 200) throw new Error(`schema: ${response.status}`);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile((await response.json()) as object);
  return validate(file) ? [] : (validate.errors ?? []);
}

/** Runs a GraphQL query and fails on any error. */
export async function apiData(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Record<string, any>> {
  const result = await graphql(baseUrl, query, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

interface ApiProgress {
  percent: number | null;
  coverage: number | null;
  completion: Completion;
  milestoneCount: number;
  reportedMilestoneCount: number;
}

interface ApiAssessment {
  stage: string;
  assessor: string;
  completion: Completion | null;
  verifiable: boolean | null;
  potentialImpact: string | null;
  didItOpenGovernment: string | null;
  starred: string | null;
}

interface ApiMilestone {
  position: number;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  verification: Verification;
  flags: string[];
  lastUpdateOn: string | null;
  plannedEnd: { label: string; end: string } | null;
  history: { id: string }[];
}

interface ApiCommitment {
  ogpId: string;
  progress: ApiProgress;
  assessments: ApiAssessment[];
  milestones: ApiMilestone[];
}

export interface PlanFigures {
  auditHeadHash: string | null;
  overall: ApiProgress & {
    commitmentCount: number;
    reportedCount: number;
    completionCounts: { completion: Completion; count: number }[];
  };
  commitments: ApiCommitment[];
  milestones: { commitment: ApiCommitment; milestone: ApiMilestone }[];
  historyCount: number;
  assessmentCount: number;
  /** The IRM's names for the completion levels, as the IRM CSV writes them. */
  irmNames: Record<Completion, string>;
}

/** What the GraphQL API (the `dashboard` and `commitments` queries) says of a plan as of a date, anonymously. */
export async function planFigures(
  baseUrl: string,
  slug: string,
  asOf: string | null,
): Promise<PlanFigures> {
  const data = await apiData(
    baseUrl,
    `query ($slug: String!, $asOf: String) {
      actionPlan(slug: $slug) { auditHeadHash }
      dashboard(planSlug: $slug, asOf: $asOf) {
        overall {
          percent coverage completion milestoneCount reportedMilestoneCount
          commitmentCount reportedCount completionCounts { completion count }
        }
      }
      commitments(planSlug: $slug, first: 100, asOf: $asOf) {
        nodes {
          ogpId
          progress { percent coverage completion milestoneCount reportedMilestoneCount }
          assessments { stage assessor completion verifiable potentialImpact didItOpenGovernment starred }
          milestones {
            position status progressPercent verification flags lastUpdateOn
            plannedEnd { label end }
            history { id }
          }
        }
      }
    }`,
    { slug, asOf },
  );
  const commitments: ApiCommitment[] = data.commitments.nodes;
  const milestones = commitments.flatMap((commitment) =>
    commitment.milestones.map((milestone) => ({ commitment, milestone })),
  );
  return {
    auditHeadHash: data.actionPlan.auditHeadHash,
    overall: data.dashboard.overall,
    commitments,
    milestones,
    historyCount: milestones.reduce((sum, m) => sum + m.milestone.history.length, 0),
    assessmentCount: commitments.reduce((sum, c) => sum + c.assessments.length, 0),
    irmNames: {
      NO_EVIDENCE: 'No Evidence Available',
      NOT_STARTED: 'Not Started',
      LIMITED: 'Limited',
      SUBSTANTIAL: 'Substantial',
      COMPLETE: 'Complete',
    },
  };
}

/** The plan's headline in the dashboard's words, from the figures the API gave: what every export must state. */
export function planHeadline(overall: PlanFigures['overall'], locale: Locale): string {
  return progressHeadline(
    {
      ...overall,
      completionCounts: Object.fromEntries(
        overall.completionCounts.map(({ completion, count }) => [completion, count]),
      ),
    },
    locale,
  );
}

/** A commitment's headline in the dashboard's words, from the figures the API gave. */
export function commitmentHeadlineOf(progress: ApiProgress, locale: Locale): string {
  return commitmentHeadline(progress, locale);
}
