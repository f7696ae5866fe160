import { Field, ObjectType } from '@nestjs/graphql';
import { Milestone } from '../milestones';
import { StatusUpdate } from './status-update.model';

@ObjectType({ description: 'What recordMilestoneUpdate recorded.' })
export class RecordMilestoneUpdatePayload {
  @Field(() => Milestone, { description: 'The milestone after the update (its new version).' })
  milestone: Milestone;

  @Field(() => StatusUpdate, { description: 'The status update, as recorded in the audit log.' })
  statusUpdate: StatusUpdate;
}
