import { MilestoneStatus } from '@ogp/common';
import type { PlanActivityEvent } from '@ogp/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
// Registers MilestoneStatus with GraphQL.
import '../shared/graphql-types';

export enum PlanActivityKind {
  STATUS_UPDATE = 'STATUS_UPDATE',
}

registerEnumType(PlanActivityKind, {
  name: 'PlanActivityKind',
  description: 'What happened to the plan.',
  valuesMap: { STATUS_UPDATE: { description: 'A PUBLIC status update was recorded.' } },
});

@ObjectType({
  description:
    "Something that happened to a plan, told live after it was committed: for now each PUBLIC status update (INTERNAL ones are never told). Fetch the milestone or the plan's auditTrail for the rest.",
})
export class PlanActivity {
  @Field(() => PlanActivityKind, { description: 'What happened.' })
  kind: PlanActivityKind;

  @Field({ description: 'The plan slug.' })
  planSlug: string;

  @Field(() => ID, { description: 'The recorded status update (an auditTrail entry).' })
  statusUpdateId: string;

  @Field(() => Int, { description: "Its position in the plan's audit chain." })
  sequence: number;

  @Field(() => ID, { description: 'The milestone it reports on.' })
  milestoneId: string;

  @Field({ description: 'OGP id of the commitment the milestone belongs to, e.g. "DK0074".' })
  commitmentOgpId: string;

  @Field(() => MilestoneStatus, { description: 'Reported status.' })
  status: MilestoneStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Reported percent; null when the report gives no figure.',
  })
  progressPercent: number | null;

  @Field({ description: 'The date by which this was true (YYYY-MM-DD).' })
  effectiveDate: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded (server time).' })
  recordedAt: Date;
}

export function toPlanActivity(event: PlanActivityEvent): PlanActivity {
  return {
    kind: event.kind as PlanActivityKind,
    planSlug: event.planSlug,
    statusUpdateId: event.statusUpdateId,
    sequence: event.sequence,
    milestoneId: event.milestoneId,
    commitmentOgpId: event.commitmentOgpId,
    status: event.status as MilestoneStatus,
    progressPercent: event.progressPercent,
    effectiveDate: event.effectiveDate,
    recordedAt: new Date(event.recordedAt),
  };
}
