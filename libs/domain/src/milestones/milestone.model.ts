import { MilestoneFlag, MilestoneStatus, Verification } from '@ogp/common';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionOf } from '../shared/connection';
import { LocalizedText, PartialDateModel } from '../shared/graphql-types';

@ObjectType({ description: 'A dated deliverable of a commitment.' })
export class Milestone {
  @Field(() => ID, { description: 'Stable id (use it to record progress).' })
  id: string;

  @Field(() => Int, { description: 'Order within the commitment.' })
  position: number;

  @Field(() => LocalizedText, { description: 'Title.' })
  title: LocalizedText;

  @Field(() => LocalizedText, { description: 'Description.' })
  description: LocalizedText;

  @Field(() => PartialDateModel, {
    nullable: true,
    description: 'Planned start; null = no source gives it.',
  })
  plannedStart: PartialDateModel | null;

  @Field(() => PartialDateModel, {
    nullable: true,
    description: 'Planned end; null = no source gives it.',
  })
  plannedEnd: PartialDateModel | null;

  @Field(() => PartialDateModel, { nullable: true, description: 'Actual start, as reported.' })
  actualStart: PartialDateModel | null;

  @Field(() => PartialDateModel, { nullable: true, description: 'Actual end, as reported.' })
  actualEnd: PartialDateModel | null;

  @Field(() => Float, { description: "Weight in the commitment's percent (default 1)." })
  weight: number;

  @Field(() => MilestoneStatus, {
    nullable: true,
    description: 'Latest reported status; null = never reported (no data).',
  })
  status: MilestoneStatus | null;

  @Field(() => Int, { nullable: true, description: 'Latest reported percent; null = no data.' })
  progressPercent: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Effective date of the latest update (YYYY-MM-DD).',
  })
  lastUpdateOn: string | null;

  @Field(() => Int, {
    description:
      'Version for optimistic concurrency: name it when recording progress. It moves with each report you may see (those who may report see every report).',
  })
  version: number;

  @Field(() => Verification, { description: "The reviewers' verdict on the latest report." })
  verification: Verification;

  @Field(() => [MilestoneFlag], { description: 'Flags as of today (or the asked date).' })
  flags: MilestoneFlag[];

  @Field(() => LocalizedText, { description: 'Notes on the milestone and its sources.' })
  notes: LocalizedText;

  commitmentId: string;

  /** The day (YYYY-MM-DD) it was read as of, for its fields; null or absent: now. Not in the schema. */
  asOf?: string | null;
}

export const MilestoneConnection = connectionOf(Milestone, 'Milestone');
