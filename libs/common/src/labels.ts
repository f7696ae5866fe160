import {
  AgencyRole,
  Role,
  AssessmentStage,
  Assessor,
  Completion,
  DatePrecision,
  DidItOpenGovernment,
  MilestoneFlag,
  MilestoneStatus,
  OgpValue,
  PotentialImpact,
  Specificity,
  Starred,
  Verification,
  Visibility,
} from './enums';

export type Locale = 'da' | 'en';

/** A fixed UI label in both languages (both always present, unlike user-entered text). */
export interface Label {
  da: string;
  en: string;
}

/** Shown for a milestone that has never been reported: "no data", never 0 %. */
export const NO_DATA_LABEL: Label = { da: 'Ingen data', en: 'No data' };

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, Label>> = {
  [MilestoneStatus.NOT_STARTED]: { da: 'Ikke påbegyndt', en: 'Not started' },
  [MilestoneStatus.IN_PROGRESS]: { da: 'I gang', en: 'In progress' },
  [MilestoneStatus.COMPLETED]: { da: 'Gennemført', en: 'Completed' },
  [MilestoneStatus.CANCELLED]: { da: 'Annulleret', en: 'Cancelled' },
};

export const COMPLETION_LABELS: Readonly<Record<Completion, Label>> = {
  [Completion.NO_EVIDENCE]: NO_DATA_LABEL,
  [Completion.NOT_STARTED]: { da: 'Ikke påbegyndt', en: 'Not started' },
  [Completion.LIMITED]: { da: 'Begrænset', en: 'Limited' },
  [Completion.SUBSTANTIAL]: { da: 'Væsentlig', en: 'Substantial' },
  [Completion.COMPLETE]: { da: 'Fuldført', en: 'Complete' },
};

export const DATE_PRECISION_LABELS: Readonly<Record<DatePrecision, Label>> = {
  [DatePrecision.DAY]: { da: 'Dag', en: 'Day' },
  [DatePrecision.MONTH]: { da: 'Måned', en: 'Month' },
  [DatePrecision.QUARTER]: { da: 'Kvartal', en: 'Quarter' },
  [DatePrecision.HALF_YEAR]: { da: 'Halvår', en: 'Half year' },
  [DatePrecision.YEAR]: { da: 'År', en: 'Year' },
};

export const MILESTONE_FLAG_LABELS: Readonly<Record<MilestoneFlag, Label>> = {
  [MilestoneFlag.OVERDUE]: { da: 'Forsinket', en: 'Overdue' },
  [MilestoneFlag.DUE_SOON]: { da: 'Snart forfalden', en: 'Due soon' },
  [MilestoneFlag.STALE]: { da: 'Ingen opdatering i 90 dage', en: 'No update for 90 days' },
};

export const VERIFICATION_LABELS: Readonly<Record<Verification, Label>> = {
  [Verification.UNVERIFIED]: { da: 'Ikke verificeret', en: 'Unverified' },
  [Verification.VERIFIED]: { da: 'Verificeret', en: 'Verified' },
  [Verification.DISPUTED]: { da: 'Bestridt', en: 'Disputed' },
};

export const VISIBILITY_LABELS: Readonly<Record<Visibility, Label>> = {
  [Visibility.PUBLIC]: { da: 'Offentlig', en: 'Public' },
  [Visibility.INTERNAL]: { da: 'Intern', en: 'Internal' },
};

export const AGENCY_ROLE_LABELS: Readonly<Record<AgencyRole, Label>> = {
  [AgencyRole.LEAD]: { da: 'Ansvarlig myndighed', en: 'Lead agency' },
  [AgencyRole.SUPPORTING]: { da: 'Medvirkende', en: 'Supporting' },
};

export const ROLE_LABELS: Readonly<Record<Role, Label>> = {
  [Role.ADMIN]: { da: 'Administrator', en: 'Administrator' },
  [Role.COORDINATOR]: { da: 'Koordinator', en: 'Coordinator' },
  [Role.REVIEWER]: { da: 'Bedømmer', en: 'Reviewer' },
};

export const ASSESSMENT_STAGE_LABELS: Readonly<Record<AssessmentStage, Label>> = {
  [AssessmentStage.DESIGN]: { da: 'Design', en: 'Design' },
  [AssessmentStage.MIDTERM]: { da: 'Midtvejs', en: 'Mid-term' },
  [AssessmentStage.END_OF_TERM]: { da: 'Periodens afslutning', en: 'End of term' },
};

export const ASSESSOR_LABELS: Readonly<Record<Assessor, Label>> = {
  [Assessor.IRM]: {
    da: 'Den uafhængige rapporteringsmekanisme (IRM)',
    en: 'Independent Reporting Mechanism (IRM)',
  },
  [Assessor.GOVERNMENT_SELF_ASSESSMENT]: {
    da: 'Regeringens egen evaluering',
    en: 'Government self-assessment',
  },
};

export const OGP_VALUE_LABELS: Readonly<Record<OgpValue, Label>> = {
  [OgpValue.ACCESS_TO_INFORMATION]: { da: 'Adgang til information', en: 'Access to information' },
  [OgpValue.CIVIC_PARTICIPATION]: { da: 'Borgerinddragelse', en: 'Civic participation' },
  [OgpValue.PUBLIC_ACCOUNTABILITY]: { da: 'Offentlig ansvarlighed', en: 'Public accountability' },
  [OgpValue.TECHNOLOGY_AND_INNOVATION]: {
    da: 'Teknologi og innovation',
    en: 'Technology and innovation',
  },
};

export const SPECIFICITY_LABELS: Readonly<Record<Specificity, Label>> = {
  [Specificity.NONE]: { da: 'Ingen', en: 'None' },
  [Specificity.LOW]: { da: 'Lav', en: 'Low' },
  [Specificity.MEDIUM]: { da: 'Middel', en: 'Medium' },
  [Specificity.HIGH]: { da: 'Høj', en: 'High' },
};

export const POTENTIAL_IMPACT_LABELS: Readonly<Record<PotentialImpact, Label>> = {
  [PotentialImpact.NONE]: { da: 'Ingen', en: 'None' },
  [PotentialImpact.MINOR]: { da: 'Mindre', en: 'Minor' },
  [PotentialImpact.MODERATE]: { da: 'Moderat', en: 'Moderate' },
  [PotentialImpact.TRANSFORMATIVE]: { da: 'Transformerende', en: 'Transformative' },
};

export const DID_IT_OPEN_GOVERNMENT_LABELS: Readonly<Record<DidItOpenGovernment, Label>> = {
  [DidItOpenGovernment.WORSENED]: { da: 'Forværret', en: 'Worsened' },
  [DidItOpenGovernment.DID_NOT_CHANGE]: { da: 'Uændret', en: 'Did not change' },
  [DidItOpenGovernment.MARGINAL]: { da: 'Marginal', en: 'Marginal' },
  [DidItOpenGovernment.MAJOR]: { da: 'Betydelig', en: 'Major' },
  [DidItOpenGovernment.OUTSTANDING]: { da: 'Enestående', en: 'Outstanding' },
};

export const STARRED_LABELS: Readonly<Record<Starred, Label>> = {
  [Starred.YES]: { da: 'Ja', en: 'Yes' },
  [Starred.NO]: { da: 'Nej', en: 'No' },
  [Starred.PENDING]: { da: 'Afventer', en: 'Pending' },
};

/** The status label, with "No data" for a milestone never reported. */
export function milestoneStatusLabel(status: MilestoneStatus | null): Label {
  return status === null ? NO_DATA_LABEL : MILESTONE_STATUS_LABELS[status];
}
