// String enums whose value equals the name: the same words appear in GraphQL, SQL, exports and the plan file.

/** The agency's claim about a milestone. A milestone never reported has no status (null), not NOT_STARTED. */
export enum MilestoneStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** The IRM completion scale, used both for computed completion and for reviewers' assessments. */
export enum Completion {
  NO_EVIDENCE = 'NO_EVIDENCE',
  NOT_STARTED = 'NOT_STARTED',
  LIMITED = 'LIMITED',
  SUBSTANTIAL = 'SUBSTANTIAL',
  COMPLETE = 'COMPLETE',
}

/** How exact a date is: real plans say "first half of 2018". */
export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}

export enum MilestoneFlag {
  OVERDUE = 'OVERDUE',
  DUE_SOON = 'DUE_SOON',
  STALE = 'STALE',
}

/** The reviewer's track, kept apart from the agency's claim. */
export enum Verification {
  UNVERIFIED = 'UNVERIFIED',
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
}

export enum AgencyRole {
  LEAD = 'LEAD',
  SUPPORTING = 'SUPPORTING',
}

export enum AssessmentStage {
  DESIGN = 'DESIGN',
  MIDTERM = 'MIDTERM',
  END_OF_TERM = 'END_OF_TERM',
}

export enum Assessor {
  IRM = 'IRM',
  GOVERNMENT_SELF_ASSESSMENT = 'GOVERNMENT_SELF_ASSESSMENT',
}

export enum OgpValue {
  ACCESS_TO_INFORMATION = 'ACCESS_TO_INFORMATION',
  CIVIC_PARTICIPATION = 'CIVIC_PARTICIPATION',
  PUBLIC_ACCOUNTABILITY = 'PUBLIC_ACCOUNTABILITY',
  TECHNOLOGY_AND_INNOVATION = 'TECHNOLOGY_AND_INNOVATION',
}

/** Pre-2018 IRM specificity, ordinal from NONE to HIGH. */
export enum Specificity {
  NONE = 'NONE',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** 2014-2020 IRM potential impact, ordinal from NONE to TRANSFORMATIVE. */
export enum PotentialImpact {
  NONE = 'NONE',
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  TRANSFORMATIVE = 'TRANSFORMATIVE',
}

/** IRM "Did it open government?" (early results), ordinal from WORSENED to OUTSTANDING. */
export enum DidItOpenGovernment {
  WORSENED = 'WORSENED',
  DID_NOT_CHANGE = 'DID_NOT_CHANGE',
  MARGINAL = 'MARGINAL',
  MAJOR = 'MAJOR',
  OUTSTANDING = 'OUTSTANDING',
}

/** PENDING: a design report may call a commitment potentially starred; the star comes after implementation. */
export enum Starred {
  YES = 'YES',
  NO = 'NO',
  PENDING = 'PENDING',
}

/** A planned end this many days ahead (or fewer) makes a milestone DUE_SOON. */
export const DUE_SOON_DAYS = 30;

/** An IN_PROGRESS milestone whose last update is more than this many days old is STALE. */
export const STALE_DAYS = 90;

/** What a signed-in user may do (product.md, "Roles and permissions"). */
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  REVIEWER = 'REVIEWER',
}
