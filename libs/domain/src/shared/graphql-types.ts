import {
  AgencyRole,
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
  formatPartialDate,
  partialDateFromStart,
  MILESTONE_STATUS_LABELS,
  COMPLETION_LABELS,
  DATE_PRECISION_LABELS,
  MILESTONE_FLAG_LABELS,
  VERIFICATION_LABELS,
  VISIBILITY_LABELS,
  AGENCY_ROLE_LABELS,
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  OGP_VALUE_LABELS,
  SPECIFICITY_LABELS,
  POTENTIAL_IMPACT_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  STARRED_LABELS,
  type Label,
} from '@ogp/common';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Each enum value is described by its English label from @ogp/common, so the schema and the UI agree. */
function valuesFrom<T extends string>(labels: Readonly<Record<T, Label>>) {
  return Object.fromEntries(
    (Object.entries(labels) as [T, Label][]).map(([value, label]) => [
      value,
      { description: label.en },
    ]),
  ) as Partial<Record<T, { description: string }>>;
}

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  valuesMap: valuesFrom(MILESTONE_STATUS_LABELS),
  description:
    "The agency's claim about a milestone. A milestone never reported has no status (null).",
});
registerEnumType(Completion, {
  name: 'Completion',
  valuesMap: valuesFrom(COMPLETION_LABELS),
  description:
    'The IRM completion scale: NO_EVIDENCE, NOT_STARTED (0 %), LIMITED (<50 %), SUBSTANTIAL (50-99 %), COMPLETE (100 %).',
});
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  valuesMap: valuesFrom(DATE_PRECISION_LABELS),
  description: 'How exact a date is.',
});
registerEnumType(MilestoneFlag, {
  name: 'MilestoneFlag',
  valuesMap: valuesFrom(MILESTONE_FLAG_LABELS),
  description:
    'Derived at a date: OVERDUE (planned end passed, not completed or cancelled), DUE_SOON (planned end within 30 days), STALE (in progress, no update for 90 days).',
});
registerEnumType(Verification, {
  name: 'Verification',
  valuesMap: valuesFrom(VERIFICATION_LABELS),
  description: "A reviewer's verdict on the reported progress.",
});
registerEnumType(Visibility, {
  name: 'Visibility',
  valuesMap: valuesFrom(VISIBILITY_LABELS),
  description: 'PUBLIC, or INTERNAL (staff only).',
});
registerEnumType(AgencyRole, {
  name: 'AgencyRole',
  valuesMap: valuesFrom(AGENCY_ROLE_LABELS),
  description: 'LEAD (exactly one per commitment) or SUPPORTING.',
});
registerEnumType(AssessmentStage, {
  name: 'AssessmentStage',
  valuesMap: valuesFrom(ASSESSMENT_STAGE_LABELS),
  description: 'When in the plan cycle an assessment was made.',
});
registerEnumType(Assessor, {
  name: 'Assessor',
  valuesMap: valuesFrom(ASSESSOR_LABELS),
  description: 'Who assessed: the IRM, or the government itself.',
});
registerEnumType(OgpValue, {
  name: 'OgpValue',
  valuesMap: valuesFrom(OGP_VALUE_LABELS),
  description: 'The OGP values a commitment is relevant to.',
});
registerEnumType(Specificity, {
  name: 'Specificity',
  valuesMap: valuesFrom(SPECIFICITY_LABELS),
  description: 'IRM specificity (reports before 2018).',
});
registerEnumType(PotentialImpact, {
  name: 'PotentialImpact',
  valuesMap: valuesFrom(POTENTIAL_IMPACT_LABELS),
  description: 'IRM potential impact.',
});
registerEnumType(DidItOpenGovernment, {
  name: 'DidItOpenGovernment',
  valuesMap: valuesFrom(DID_IT_OPEN_GOVERNMENT_LABELS),
  description: 'IRM "Did it open government?" (early results).',
});
registerEnumType(Starred, {
  name: 'Starred',
  valuesMap: valuesFrom(STARRED_LABELS),
  description: 'IRM starred status.',
});

/** Entities stay inside the domain; mappers build the public models from them, so internal columns never leak. */
export const toLocalizedText = (text: { da: string | null; en: string | null }): LocalizedText => ({
  da: text.da,
  en: text.en,
});

@ObjectType({ description: 'Text in Danish and English; either may be missing.' })
export class LocalizedText {
  @Field(() => String, { nullable: true, description: 'Danish.' })
  da: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  en: string | null;
}

@ObjectType({ description: 'A date with a precision, such as "first half of 2018".' })
export class PartialDateModel {
  @Field({ description: 'The date as written: 2018, 2018-H1, 2018-Q3, 2018-06 or 2018-06-12.' })
  label: string;

  @Field(() => DatePrecision, { description: 'How exact the date is.' })
  precision: DatePrecision;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  start: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD); planned ends count as this day.' })
  end: string;
}

/** Stored start columns hold the first day of their period, end columns the last day. */
export function toPartialDate(
  stored: string | null,
  precision: DatePrecision | null,
  side: 'start' | 'end',
): PartialDateModel | null {
  if (stored === null || precision === null) return null;
  const start = side === 'start' ? stored : periodStartOf(stored, precision);
  const period = partialDateFromStart(start, precision);
  return { label: formatPartialDate(period), precision, start: period.start, end: period.end };
}

/** The first day of the period of `precision` that contains `date`. */
export function periodStartOf(date: string, precision: DatePrecision): string {
  const [year, month] = date.split('-');
  const m = Number(month);
  switch (precision) {
    case DatePrecision.DAY:
      return date;
    case DatePrecision.MONTH:
      return `${year}-${month}-01`;
    case DatePrecision.QUARTER:
      return `${year}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case DatePrecision.HALF_YEAR:
      return `${year}-${m <= 6 ? '01' : '07'}-01`;
    case DatePrecision.YEAR:
      return `${year}-01-01`;
  }
}

@ObjectType({ description: 'A public document that supports a fact.' })
export class SourceModel {
  @Field({ description: 'Where the document is.' })
  url: string;

  @Field(() => String, { nullable: true, description: 'Its title.' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'When it was read (YYYY-MM-DD).' })
  accessedOn: string | null;
}

@ObjectType('PageInfo', { description: 'Where this page sits in the whole list.' })
export class PageInfoModel {
  @Field({ description: 'More items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Items come before this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

export const pageSizeDescription =
  'Page size (default 50, at most the configured maximum, 100 unless changed).';
export const afterDescription =
  'Return the items after this cursor (an endCursor from an earlier page).';
export const totalCountDescription = 'How many items the whole list holds.';
export const IntType = Int;
