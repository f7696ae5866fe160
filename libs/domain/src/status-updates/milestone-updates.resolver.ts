import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { RecordMilestoneUpdateInput } from './dto/record-milestone-update.input';
import { MilestoneUpdatesService } from './milestone-updates.service';
import { RecordMilestoneUpdatePayload } from './record-milestone-update.payload';

/** Recording progress (the service checks who may). */
@Resolver(() => RecordMilestoneUpdatePayload)
export class MilestoneUpdatesResolver {
  constructor(private readonly updates: MilestoneUpdatesService) {}

  @Mutation(() => RecordMilestoneUpdatePayload, {
    description:
      "Records progress on a milestone (coordinators of the commitment's lead agency, administrators): appended to the audit log, the milestone's version moves on and its verification starts again.",
  })
  recordMilestoneUpdate(
    @Context() context: RequestContext,
    @Args('input', { description: 'The report.' }) input: RecordMilestoneUpdateInput,
  ) {
    return this.updates.record(context.actor, input);
  }
}
