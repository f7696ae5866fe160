import { graphql } from './client';
import type { LocalizedText } from './dashboard';

// The administrators' imports over HTTP: a plan file (`POST /api/plans/import`) and a bulk progress file
// (`POST /api/plans/:slug/progress-import`), each first as a dry run. Same-origin requests: the session cookie
// goes with them.

/** A problem the API found, with the message key (and its parameters) the page says it in its language by. */
export interface KeyedProblem {
  message: string;
  messageKey?: string;
  params?: Record<string, unknown>;
}

/** A problem of a plan file, at its JSON path (e.g. `commitments[3].milestones[0].plannedEnd`). */
export interface PlanFileProblem extends KeyedProblem {
  path: string;
}

export interface PlanImportSummary {
  slug: string;
  themes: number;
  commitments: number;
  milestones: number;
  statusUpdates: number;
  assessments: number;
  agenciesCreated: number;
}

export interface PlanImportResult {
  dryRun: boolean;
  ok: boolean;
  problems: PlanFileProblem[];
  summary: PlanImportSummary | null;
}

/** A problem of one row (numbered as a spreadsheet shows it) and column of a progress file. */
export interface ProgressProblem extends KeyedProblem {
  row: number;
  column: string | null;
}

/** A row written against a milestone that has changed since the template was made. */
export interface ProgressConflict {
  row: number;
  milestoneId: string;
  ogpId: string;
  milestoneNumber: string | number;
  expectedVersion: number;
  currentVersion: number;
}

export interface ProgressImportResult {
  dryRun: boolean;
  ok: boolean;
  /** Rows with something filled in. */
  rows: number;
  /** Rows that name a milestone and fill in nothing (never applied). */
  skipped?: number;
  problems: ProgressProblem[];
  conflicts: ProgressConflict[];
  applied: number;
  /** Said when there was nothing to apply. */
  notice?: KeyedProblem | null;
}

/** An answer of the import routes: its HTTP status and what it says. */
export interface ImportAnswer<R> {
  status: number;
  result: R;
}

/**
 * A request the API refused as a whole (not signed in, not allowed, no such plan, a file it cannot read): its
 * answer's `messageKey` and `messageParams` are the `extensions` the error texts are looked up by.
 */
export class ImportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly extensions: Record<string, unknown>,
  ) {
    super(typeof extensions.message === 'string' ? extensions.message : `HTTP ${status}`);
  }
}

/**
 * POSTs `body` and reads the answer: 2xx and 422 are results (a refused file lists its problems); anything else
 * throws an ImportRequestError (a lost connection rejects with the fetch's TypeError).
 */
async function post<R>(url: string, body: BodyInit, contentType: string): Promise<ImportAnswer<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/json' },
    body,
    credentials: 'same-origin',
  });
  let answer: unknown = null;
  try {
    answer = await response.json();
  } catch {
    // Not JSON (a proxy's error page): said as a refusal without a key.
  }
  const record = typeof answer === 'object' && answer !== null ? answer : {};
  const isResult = 'ok' in record && Array.isArray((record as { problems?: unknown }).problems);
  if ((response.ok || response.status === 422) && isResult) {
    return { status: response.status, result: record as R };
  }
  throw new ImportRequestError(response.status, record as Record<string, unknown>);
}

/** Checks (`dryRun`) or imports a plan file: its text as JSON. */
export function postPlanFile(
  text: string,
  dryRun: boolean,
): Promise<ImportAnswer<PlanImportResult>> {
  return post(`/api/plans/import${dryRun ? '?dryRun=1' : ''}`, text, 'application/json');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type a progress file is sent as, from its name; null for a kind the import does not read. */
export function progressFileType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv')) return 'text/csv';
  return null;
}

/** Checks (`dryRun`) or applies a bulk progress file (CSV or XLSX, its bytes as they are) for one plan. */
export function postProgressFile(
  slug: string,
  file: Blob,
  contentType: string,
  dryRun: boolean,
): Promise<ImportAnswer<ProgressImportResult>> {
  const url = `/api/plans/${encodeURIComponent(slug)}/progress-import${dryRun ? '?dryRun=1' : ''}`;
  return post(url, file, contentType);
}

/** The progress template of a plan (one agency's commitments when given), in a language. */
export function progressTemplateHref(slug: string, agencyId: string | null, lang: string): string {
  const params = new URLSearchParams();
  if (agencyId) params.set('agency', agencyId);
  params.set('lang', lang);
  return `/api/plans/${encodeURIComponent(slug)}/progress-template.xlsx?${params.toString()}`;
}

export interface ImportPlan {
  slug: string;
  title: LocalizedText;
}

export interface ImportAgency {
  id: string;
  slug: string;
  name: LocalizedText;
}

/** The plans an administrator may import progress for (newest first, as the API lists them). */
export async function fetchImportPlans(signal?: AbortSignal): Promise<ImportPlan[]> {
  const data = await graphql<{ actionPlans: { nodes: ImportPlan[] } }>(
    'query ImportPlans { actionPlans(first: 100) { nodes { slug title { da en } } } }',
    {},
    signal,
  );
  return data.actionPlans.nodes;
}

/** The agencies that lead or support commitments of a plan. */
export async function fetchPlanAgencies(
  slug: string,
  signal?: AbortSignal,
): Promise<ImportAgency[]> {
  const data = await graphql<{ agencies: { nodes: ImportAgency[] } }>(
    `
      query ImportAgencies($slug: String!) {
        agencies(planSlug: $slug, first: 100) {
          nodes {
            id
            slug
            name {
              da
              en
            }
          }
        }
      }
    `,
    { slug },
    signal,
  );
  return data.agencies.nodes;
}
