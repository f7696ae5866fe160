import {
  AgencyRole,
  AssessmentStage,
  Assessor,
  Completion,
  DUE_SOON_DAYS,
  DatePrecision,
  DidItOpenGovernment,
  MilestoneFlag,
  MilestoneStatus,
  OgpValue,
  PotentialImpact,
  STALE_DAYS,
  Specificity,
  Starred,
  Verification,
  Visibility,
} from '@ogp/common';

// These words travel through GraphQL, SQL, CSV exports and the plan file: they must be exactly these.
describe('enums', () => {
  it.each([
    ['MilestoneStatus', MilestoneStatus, ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']],
    [
      'Completion',
      Completion,
      ['NO_EVIDENCE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'],
    ],
    ['DatePrecision', DatePrecision, ['DAY', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR']],
    ['MilestoneFlag', MilestoneFlag, ['OVERDUE', 'DUE_SOON', 'STALE']],
    ['Verification', Verification, ['UNVERIFIED', 'VERIFIED', 'DISPUTED']],
    ['Visibility', Visibility, ['PUBLIC', 'INTERNAL']],
    ['AgencyRole', AgencyRole, ['LEAD', 'SUPPORTING']],
    ['AssessmentStage', AssessmentStage, ['DESIGN', 'MIDTERM', 'END_OF_TERM']],
    ['Assessor', Assessor, ['IRM', 'GOVERNMENT_SELF_ASSESSMENT']],
    [
      'OgpValue',
      OgpValue,
      [
        'ACCESS_TO_INFORMATION',
        'CIVIC_PARTICIPATION',
        'PUBLIC_ACCOUNTABILITY',
        'TECHNOLOGY_AND_INNOVATION',
      ],
    ],
    ['Specificity', Specificity, ['NONE', 'LOW', 'MEDIUM', 'HIGH']],
    ['PotentialImpact', PotentialImpact, ['NONE', 'MINOR', 'MODERATE', 'TRANSFORMATIVE']],
    [
      'DidItOpenGovernment',
      DidItOpenGovernment,
      ['WORSENED', 'DID_NOT_CHANGE', 'MARGINAL', 'MAJOR', 'OUTSTANDING'],
    ],
    ['Starred', Starred, ['YES', 'NO', 'PENDING']],
  ] as const)('%s has exactly the values %j, each equal to its name', (_name, values, expected) => {
    expect(Object.entries(values)).toEqual(expected.map((value) => [value, value]));
  });

  it('flags due-soon at 30 days ahead and stale after 90 days', () => {
    expect(DUE_SOON_DAYS).toBe(30);
    expect(STALE_DAYS).toBe(90);
  });
});
