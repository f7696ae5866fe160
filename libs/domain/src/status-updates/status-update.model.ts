import { MilestoneStatus, Visibility } from '@ogp/common';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedText, PartialDateModel } from '../shared/graphql-types';

@ObjectType({ description: 'A link to evidence of progress.' })
export class EvidenceLinkModel {
  @Field({ description: 'http or https address.' })
  url: string;

  @Field(() => String, { nullable: true, description: 'What the link shows.' })
  title: string | null;
}

@ObjectType({ description: 'One progress report, as recorded. History is never changed.' })
export class StatusUpdate {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => Int, {
    description:
      "Position in its audit chain, from 1: the plan's public chain, or for an INTERNAL update the internal chain of its commitment.",
  })
  sequence: number;

  @Field(() => MilestoneStatus, { description: 'Reported status.' })
  status: MilestoneStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Reported percent; null when the source gives no figure.',
  })
  progressPercent: number | null;

  @Field(() => PartialDateModel, { description: 'The date by which this was true.' })
  effectiveDate: PartialDateModel;

  @Field({
    description:
      'False when no source gives the exact date: effectiveDate is then the day by which it was true at the latest ("not later than", e.g. the day the source was read).',
  })
  effectiveDateKnown: boolean;

  @Field(() => PartialDateModel, { nullable: true, description: 'Actual start reported with it.' })
  actualStart: PartialDateModel | null;

  @Field(() => PartialDateModel, { nullable: true, description: 'Actual end reported with it.' })
  actualEnd: PartialDateModel | null;

  @Field(() => LocalizedText, { description: 'Note.' })
  note: LocalizedText;

  @Field(() => [EvidenceLinkModel], { description: 'Evidence links.' })
  evidence: EvidenceLinkModel[];

  @Field(() => Visibility, { description: 'PUBLIC or INTERNAL.' })
  visibility: Visibility;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded (server time).' })
  recordedAt: Date;

  @Field({ description: 'Who recorded it (a display name).' })
  recordedBy: string;

  @Field({ description: 'sha256 of the previous hash and this row.' })
  hash: string;

  milestoneId: string;
}
