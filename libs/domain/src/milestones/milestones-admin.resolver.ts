import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { CreateMilestoneInput } from './dto/create-milestone.input';
import { UpdateMilestoneInput } from './dto/update-milestone.input';
import { Milestone } from './milestone.model';
import { MilestonesAdminService } from './milestones-admin.service';

/** Milestone planning (administrators only; the service checks). */
@Resolver(() => Milestone)
export class MilestonesAdminResolver {
  constructor(private readonly milestoneAdmin: MilestonesAdminService) {}

  @Mutation(() => Milestone, {
    description: 'Adds a milestone at the end of a commitment (administrators only).',
  })
  createMilestone(
    @Context() context: RequestContext,
    @Args('input', { description: 'The new milestone.' }) input: CreateMilestoneInput,
  ) {
    return this.milestoneAdmin.create(context.actor, input);
  }

  @Mutation(() => Milestone, {
    description:
      'Changes the planning of a milestone: title, description, planned dates, weight (administrators only).',
  })
  updateMilestone(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID, description: 'The milestone id.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateMilestoneInput,
  ) {
    return this.milestoneAdmin.update(context.actor, id, input);
  }

  @Mutation(() => Milestone, {
    description:
      'Archives a milestone: it leaves the public reads and roll-ups and keeps its history; archiving again changes nothing (administrators only).',
  })
  archiveMilestone(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID, description: 'The milestone id.' }) id: string,
  ) {
    return this.milestoneAdmin.archive(context.actor, id);
  }
}
