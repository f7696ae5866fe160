/**
 * The plan file: one whole action plan as JSON, the format the seed, `npm run plan:load` and (later) the
 * import endpoint share. Validated against plan-file.schema.json before anything is written.
 *
 * Partial dates are strings whose shape gives their precision:
 *   "2018" YEAR, "2018-H1" HALF_YEAR, "2018-Q3" QUARTER, "2018-06" MONTH, "2018-06-12" DAY.
 * Keys (agency keys, theme keys) are lower-case slugs: ^[a-z0-9]+(?:[-_][a-z0-9]+)*$
 */

/** Bilingual text; at least one language must be present. */
export interface PlanFileText {
  da?: string | null;
  en?: string | null;
}

export interface PlanFileSource {
  url: string; // http or https
  title?: string | null;
  accessedOn?: string | null; // YYYY-MM-DD
}

export interface PlanFile {
  formatVersion: 1;
  /** True for generated benchmark data: shown as synthetic everywhere it appears. */
  synthetic?: boolean;
  /** Set by the tracker's JSON export (the loader ignores it): what the file was read as of, and when. */
  export?: PlanFileExport;
  plan: {
    slug: string; // ^[a-z0-9]+(?:-[a-z0-9]+)*$, e.g. "dk-2017-2019"
    countryCode: string; // ISO 3166-1 alpha-2, upper case
    title: PlanFileText;
    description?: PlanFileText | null;
    actionPlanNumber?: number | null;
    periodStart?: string | null; // partial date
    periodEnd?: string | null; // partial date
    publishedOn?: string | null; // YYYY-MM-DD
    coordinatingAgency?: string | null; // an agency key from `agencies`
    /** Unpublished plans are hidden from the public (default true). */
    published?: boolean;
    notes?: PlanFileText | null;
    sources?: PlanFileSource[];
  };
  agencies: PlanFileAgency[];
  themes: PlanFileTheme[];
  commitments: PlanFileCommitment[];
}

export interface PlanFileExport {
  asOf: string; // YYYY-MM-DD
  generatedAt: string; // ISO 8601, UTC
  licence: string;
  auditHeadHash?: string | null; // the plan's public audit chain head when the file was made
}

export interface PlanFileAgency {
  key: string; // becomes the agency slug; an existing agency with that slug is reused
  name: PlanFileText;
  abbreviation?: string | null;
  parent?: string | null; // another agency key in this file
  sources?: PlanFileSource[];
}

export interface PlanFileTheme {
  key: string;
  number: number; // 1, 2, ...
  title: PlanFileText;
  sources?: PlanFileSource[];
}

export type PlanFileOgpValue =
  | 'ACCESS_TO_INFORMATION'
  | 'CIVIC_PARTICIPATION'
  | 'PUBLIC_ACCOUNTABILITY'
  | 'TECHNOLOGY_AND_INNOVATION';

export interface PlanFileCommitment {
  ogpId: string; // ^[A-Z]{2}[0-9]{4}$, unique across all plans
  number: string; // within the plan, e.g. "1.3"
  themeKey: string;
  title: PlanFileText;
  description?: PlanFileText | null;
  leadAgency: string; // agency key: exactly one lead
  supportingAgencies?: string[]; // agency keys
  /** Named stakeholders that are not agencies in this plan (NGOs, foreign bodies, groups). */
  otherStakeholders?: PlanFileText[];
  ogpValues?: PlanFileOgpValue[];
  notes?: PlanFileText | null;
  sources?: PlanFileSource[];
  milestones?: PlanFileMilestone[];
  assessments?: PlanFileAssessment[];
}

export interface PlanFileMilestone {
  title: PlanFileText;
  description?: PlanFileText | null;
  plannedStart?: string | null; // partial date; null = no source gives it
  plannedEnd?: string | null; // partial date; must not end before plannedStart begins
  weight?: number; // > 0, default 1
  notes?: PlanFileText | null;
  sources?: PlanFileSource[];
  /** Known history, oldest first. Each entry becomes an append-only status update. */
  history?: PlanFileStatusUpdate[];
}

export type PlanFileMilestoneStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export interface PlanFileStatusUpdate {
  status: PlanFileMilestoneStatus;
  /**
   * COMPLETED 100, NOT_STARTED 0, IN_PROGRESS 0-99, CANCELLED null. Historic IN_PROGRESS updates may
   * leave it null when no source gives a figure: the milestone then stays out of the average.
   */
  progressPercent?: number | null;
  /**
   * The date by which a source shows this was true (partial date). Always given: the loader never dates a fact
   * by the day it loads it. When no source gives the date, write the day the source was read (or another day by
   * which it is known to have been true) and set effectiveDateQualifier to NOT_LATER_THAN.
   */
  effectiveDate: string;
  /** NOT_LATER_THAN: the exact date is unknown; it was true by effectiveDate at the latest. */
  effectiveDateQualifier?: 'NOT_LATER_THAN' | null;
  actualStart?: string | null; // partial date
  actualEnd?: string | null; // partial date
  /** Says what the source shows and how the date was chosen; null only for an update recorded without a note. */
  note: PlanFileText | null;
  /** At most 20; a historic update from a source names at least one (an exported tracker update may have none). */
  evidence: PlanFileSource[];
  visibility?: 'PUBLIC' | 'INTERNAL'; // default PUBLIC
}

export type PlanFileAssessmentStage = 'DESIGN' | 'MIDTERM' | 'END_OF_TERM';

export interface PlanFileAssessment {
  stage: PlanFileAssessmentStage;
  /** Which body assessed: the IRM, or the government's own self-assessment. */
  assessor: 'IRM' | 'GOVERNMENT_SELF_ASSESSMENT';
  assessedOn: string; // partial date (report publication)
  source: PlanFileSource;
  verifiable?: boolean | null;
  specificity?: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | null;
  /** Values the assessor found the commitment relevant to; [] = not relevant; null = not assessed. */
  relevantOgpValues?: PlanFileOgpValue[] | null;
  potentialImpact?: 'NONE' | 'MINOR' | 'MODERATE' | 'TRANSFORMATIVE' | null;
  completion?: 'NO_EVIDENCE' | 'NOT_STARTED' | 'LIMITED' | 'SUBSTANTIAL' | 'COMPLETE' | null;
  didItOpenGovernment?: 'WORSENED' | 'DID_NOT_CHANGE' | 'MARGINAL' | 'MAJOR' | 'OUTSTANDING' | null;
  starred?: 'YES' | 'NO' | 'PENDING' | null;
  potentiallyStarred?: boolean | null;
  /** Says which values were inferred rather than read from the source, and how. */
  note?: PlanFileText | null;
}
