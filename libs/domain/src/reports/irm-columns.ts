import {
  AssessmentStage,
  Assessor,
  Completion,
  DidItOpenGovernment,
  OgpValue,
  PotentialImpact,
  Specificity,
  Starred,
  type Locale,
} from '@ogp/common';
import type { Assessment } from '../assessments';
import type { CommitmentReport } from './plan-report';
import { commitmentIdentity, commitmentFigures } from './report-columns';
import { date, localized, text, type Column } from './report-cells';

// The IRM's own words (ogp-vocabulary.md, sections 2-7 and 10), so the file merges with the OGP's data: the
// IRM publishes in English, so these headers and values are English in both languages of the export.

export const IRM_COMPLETION: Readonly<Record<Completion, string>> = {
  [Completion.NO_EVIDENCE]: 'No Evidence Available',
  [Completion.NOT_STARTED]: 'Not Started',
  [Completion.LIMITED]: 'Limited',
  [Completion.SUBSTANTIAL]: 'Substantial',
  [Completion.COMPLETE]: 'Complete',
};

export const IRM_OGP_VALUES: Readonly<Record<OgpValue, string>> = {
  [OgpValue.ACCESS_TO_INFORMATION]: 'Access to Information',
  [OgpValue.CIVIC_PARTICIPATION]: 'Civic Participation',
  [OgpValue.PUBLIC_ACCOUNTABILITY]: 'Public Accountability',
  [OgpValue.TECHNOLOGY_AND_INNOVATION]:
    'Technology and Innovation for Transparency and Accountability',
};

export const IRM_SPECIFICITY: Readonly<Record<Specificity, string>> = {
  [Specificity.NONE]: 'None',
  [Specificity.LOW]: 'Low',
  [Specificity.MEDIUM]: 'Medium',
  [Specificity.HIGH]: 'High',
};

export const IRM_POTENTIAL_IMPACT: Readonly<Record<PotentialImpact, string>> = {
  [PotentialImpact.NONE]: 'None',
  [PotentialImpact.MINOR]: 'Minor',
  [PotentialImpact.MODERATE]: 'Moderate',
  [PotentialImpact.TRANSFORMATIVE]: 'Transformative',
};

export const IRM_DID_IT_OPEN_GOVERNMENT: Readonly<Record<DidItOpenGovernment, string>> = {
  [DidItOpenGovernment.WORSENED]: 'Worsened',
  [DidItOpenGovernment.DID_NOT_CHANGE]: 'Did Not Change',
  [DidItOpenGovernment.MARGINAL]: 'Marginal',
  [DidItOpenGovernment.MAJOR]: 'Major',
  [DidItOpenGovernment.OUTSTANDING]: 'Outstanding',
};

export const IRM_STARRED: Readonly<Record<Starred, string>> = {
  [Starred.YES]: 'Yes',
  [Starred.NO]: 'No',
  [Starred.PENDING]: 'Pending',
};

const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? null : value ? 'Yes' : 'No';

/** The latest assessment (as of the report's date) by `assessor` at `stage` that rates `field`. */
function latest<K extends keyof Assessment>(
  row: CommitmentReport,
  assessor: Assessor,
  stages: AssessmentStage[],
  field: K,
): Assessment | null {
  const rated = row.assessments.filter(
    (a) => a.assessor === assessor && stages.includes(a.stage) && a[field] !== null,
  );
  return rated.at(-1) ?? null;
}

const irm = (header: string, cell: (row: CommitmentReport) => string | null, width = 16) => ({
  header: { da: header, en: header },
  cell: (row: CommitmentReport) => text(cell(row)),
  width,
});

const DESIGN = [AssessmentStage.DESIGN];
const MIDTERM = [AssessmentStage.MIDTERM];
const END = [AssessmentStage.END_OF_TERM];
const ANY_STAGE = [AssessmentStage.DESIGN, AssessmentStage.MIDTERM, AssessmentStage.END_OF_TERM];

/** The IRM CSV: one row per commitment, the IRM's coding beside the tracker's computed completion. */
export function irmColumns(locale: Locale): Column<CommitmentReport>[] {
  const of = (row: CommitmentReport) => row;
  const irmRating = <K extends keyof Assessment>(
    stages: AssessmentStage[],
    field: K,
    name: (value: NonNullable<Assessment[K]>) => string,
  ) => {
    return (row: CommitmentReport) => {
      const value = latest(row, Assessor.IRM, stages, field)?.[field];
      return value === null || value === undefined ? null : name(value);
    };
  };
  const relevance = (value: OgpValue) =>
    irm(`Relevance: ${IRM_OGP_VALUES[value]}`, (row) => {
      const values = latest(row, Assessor.IRM, ANY_STAGE, 'relevantOgpValues')?.relevantOgpValues;
      return values === null || values === undefined ? null : yesNo(values.includes(value));
    });
  return [
    ...commitmentIdentity<CommitmentReport>(of, locale),
    irm(
      'Verifiable',
      irmRating(ANY_STAGE, 'verifiable', (v) => yesNo(v)!),
    ),
    irm(
      'Specificity',
      irmRating(ANY_STAGE, 'specificity', (v) => IRM_SPECIFICITY[v]),
    ),
    ...Object.values(OgpValue).map(relevance),
    irm(
      'Potential Impact',
      irmRating(ANY_STAGE, 'potentialImpact', (v) => IRM_POTENTIAL_IMPACT[v]),
    ),
    irm(
      'Potentially Starred',
      irmRating(DESIGN, 'potentiallyStarred', (v) => yesNo(v)!),
    ),
    irm(
      'Completion (mid-term)',
      irmRating(MIDTERM, 'completion', (v) => IRM_COMPLETION[v]),
    ),
    irm(
      'Completion (end of term)',
      irmRating(END, 'completion', (v) => IRM_COMPLETION[v]),
    ),
    irm(
      'Did It Open Government?',
      irmRating(ANY_STAGE, 'didItOpenGovernment', (v) => IRM_DID_IT_OPEN_GOVERNMENT[v]),
    ),
    irm(
      'Starred',
      irmRating(ANY_STAGE, 'starred', (v) => IRM_STARRED[v]),
    ),
    irm(
      'IRM Report(s)',
      (row) =>
        [
          ...new Set(
            row.assessments.filter((a) => a.assessor === Assessor.IRM).map((a) => a.source.url),
          ),
        ].join(' ') || null,
      40,
    ),
    {
      header: { da: 'Seneste IRM-vurdering', en: 'Latest IRM assessment' },
      cell: (row) =>
        date(row.assessments.filter((a) => a.assessor === Assessor.IRM).at(-1)?.assessedOn.end),
    },
    irm('Government self-assessment: Completion (mid-term)', (row) => {
      const value = latest(row, Assessor.GOVERNMENT_SELF_ASSESSMENT, MIDTERM, 'completion');
      return value?.completion ? IRM_COMPLETION[value.completion] : null;
    }),
    irm('Government self-assessment: Completion (end of term)', (row) => {
      const value = latest(row, Assessor.GOVERNMENT_SELF_ASSESSMENT, END, 'completion');
      return value?.completion ? IRM_COMPLETION[value.completion] : null;
    }),
    irm('Tracker: Completion (IRM scale)', (row) => IRM_COMPLETION[row.progress.completion]),
    ...commitmentFigures<CommitmentReport>(of, locale),
    {
      header: { da: 'Noter til vurderingerne', en: 'Assessment notes' },
      cell: (row) =>
        text(
          row.assessments
            .map((a) => localized(a.note, locale))
            .filter((note) => note)
            .join(' | ') || null,
        ),
      width: 50,
    },
  ];
}
