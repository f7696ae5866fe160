import {
  AGENCY_ROLE_LABELS,
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  AgencyRole,
  AssessmentStage,
  Assessor,
  COMPLETION_LABELS,
  Completion,
  DATE_PRECISION_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  DatePrecision,
  DidItOpenGovernment,
  MILESTONE_FLAG_LABELS,
  MILESTONE_STATUS_LABELS,
  MilestoneFlag,
  MilestoneStatus,
  OGP_VALUE_LABELS,
  OgpValue,
  POTENTIAL_IMPACT_LABELS,
  PotentialImpact,
  SPECIFICITY_LABELS,
  STARRED_LABELS,
  Specificity,
  Starred,
  VERIFICATION_LABELS,
  VISIBILITY_LABELS,
  Verification,
  Visibility,
  milestoneStatusLabel,
  type Label,
} from '@ogp/common';

describe('labels', () => {
  it.each([
    ['MilestoneStatus', MilestoneStatus, MILESTONE_STATUS_LABELS],
    ['Completion', Completion, COMPLETION_LABELS],
    ['DatePrecision', DatePrecision, DATE_PRECISION_LABELS],
    ['MilestoneFlag', MilestoneFlag, MILESTONE_FLAG_LABELS],
    ['Verification', Verification, VERIFICATION_LABELS],
    ['Visibility', Visibility, VISIBILITY_LABELS],
    ['AgencyRole', AgencyRole, AGENCY_ROLE_LABELS],
    ['AssessmentStage', AssessmentStage, ASSESSMENT_STAGE_LABELS],
    ['Assessor', Assessor, ASSESSOR_LABELS],
    ['OgpValue', OgpValue, OGP_VALUE_LABELS],
    ['Specificity', Specificity, SPECIFICITY_LABELS],
    ['PotentialImpact', PotentialImpact, POTENTIAL_IMPACT_LABELS],
    ['DidItOpenGovernment', DidItOpenGovernment, DID_IT_OPEN_GOVERNMENT_LABELS],
    ['Starred', Starred, STARRED_LABELS],
  ] as [string, Record<string, string>, Record<string, Label>][])(
    'every %s value has a Danish and an English label, and no label is shared by two values',
    (_name, values, labels) => {
      expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
      for (const label of Object.values(labels)) {
        expect(label.da.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
      const danish = Object.values(labels).map((label) => label.da);
      const english = Object.values(labels).map((label) => label.en);
      expect(new Set(danish).size).toBe(danish.length);
      expect(new Set(english).size).toBe(english.length);
    },
  );

  it.each([
    [MILESTONE_STATUS_LABELS.NOT_STARTED, 'Ikke påbegyndt', 'Not started'],
    [MILESTONE_STATUS_LABELS.IN_PROGRESS, 'I gang', 'In progress'],
    [MILESTONE_STATUS_LABELS.COMPLETED, 'Gennemført', 'Completed'],
    [MILESTONE_STATUS_LABELS.CANCELLED, 'Annulleret', 'Cancelled'],
    [COMPLETION_LABELS.NO_EVIDENCE, 'Ingen data', 'No data'],
    [COMPLETION_LABELS.NOT_STARTED, 'Ikke påbegyndt', 'Not started'],
    [COMPLETION_LABELS.LIMITED, 'Begrænset', 'Limited'],
    [COMPLETION_LABELS.SUBSTANTIAL, 'Væsentlig', 'Substantial'],
    [COMPLETION_LABELS.COMPLETE, 'Fuldført', 'Complete'],
    [MILESTONE_FLAG_LABELS.OVERDUE, 'Forsinket', 'Overdue'],
    [MILESTONE_FLAG_LABELS.DUE_SOON, 'Snart forfalden', 'Due soon'],
    [MILESTONE_FLAG_LABELS.STALE, 'Ingen opdatering i 90 dage', 'No update for 90 days'],
    [VERIFICATION_LABELS.DISPUTED, 'Bestridt', 'Disputed'],
    [DID_IT_OPEN_GOVERNMENT_LABELS.DID_NOT_CHANGE, 'Uændret', 'Did not change'],
    [STARRED_LABELS.PENDING, 'Afventer', 'Pending'],
  ])('%j reads %s / %s', (label, da, en) => {
    expect(label).toEqual({ da, en });
  });

  it('shows a never-reported milestone as "no data"', () => {
    expect(milestoneStatusLabel(null)).toEqual({ da: 'Ingen data', en: 'No data' });
    expect(milestoneStatusLabel(MilestoneStatus.COMPLETED).da).toBe('Gennemført');
  });
});
