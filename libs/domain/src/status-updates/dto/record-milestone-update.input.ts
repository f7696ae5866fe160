import { MilestoneStatus, Visibility } from '@ogp/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({ description: 'A link to evidence of progress.' })
export class EvidenceLinkInput {
  @Field({ description: 'An absolute http:// or https:// address.' })
  url: string;

  @Field(() => String, { nullable: true, description: 'What the link shows (required).' })
  title?: string | null;
}

@InputType({
  description:
    'A progress report on one milestone. It is checked against the transition rules from the current status and recorded in the audit log.',
})
export class RecordMilestoneUpdateInput {
  @Field(() => ID, { description: 'The milestone.' })
  milestoneId: string;

  @Field(() => Int, {
    description:
      'The milestone version you saw; when someone reported since, the answer is CONFLICT with the current version and the latest update.',
  })
  expectedVersion: number;

  @Field(() => MilestoneStatus, { description: 'The new status.' })
  status: MilestoneStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      'Percent done: 0-99 while IN_PROGRESS (required then); NOT_STARTED is 0 and COMPLETED 100 (may be left out); CANCELLED has none.',
  })
  progressPercent?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The date by which this was true: a day (YYYY-MM-DD) or a period (2018-H1, 2018-Q3, 2018-06, 2018), never in the future; default today.',
  })
  effectiveDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Actual start, a partial date.' })
  actualStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Actual end, a partial date not before the start.',
  })
  actualEnd?: string | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description:
      'A note in Danish and/or English; required to reopen, cancel or lower the percent.',
  })
  note?: LocalizedTextInput | null;

  @Field(() => [EvidenceLinkInput], {
    nullable: true,
    description:
      'Evidence links (at most 20), each with a title; at least one when the status is COMPLETED.',
  })
  evidence?: EvidenceLinkInput[] | null;

  @Field(() => Visibility, {
    nullable: true,
    description:
      'PUBLIC (default) or INTERNAL (staff of the lead agency, reviewers and administrators).',
  })
  visibility?: Visibility | null;
}
