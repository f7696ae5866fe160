import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Commitment } from '../commitments';
import type { RequestContext } from '../request-context';
import { MilestoneFilter } from './milestone.filter';
import { AS_OF_DESCRIPTION, parseAsOf } from '../shared/as-of';
import { SourceModel, afterDescription, pageSizeDescription } from '../shared/graphql-types';
import { StatusUpdate } from '../status-updates';
import { Milestone, MilestoneConnection } from './milestone.model';
import { MilestonesService } from './milestones.service';

@Resolver(() => Milestone)
export class MilestonesResolver {
  constructor(private readonly milestoneService: MilestonesService) {}

  @Query(() => MilestoneConnection, {
    description:
      'Milestones of a plan, in plan order, with the progress you may see; NOT_FOUND for a plan you may not read.',
  })
  milestones(
    @Context() context: RequestContext,
    @Args('planSlug', { description: 'The plan slug.' }) planSlug: string,
    @Args('filter', { type: () => MilestoneFilter, nullable: true, description: 'Conditions.' })
    filter?: MilestoneFilter,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: afterDescription })
    after?: string,
    @Args('asOf', { type: () => String, nullable: true, description: AS_OF_DESCRIPTION })
    asOf?: string | null,
  ) {
    return this.milestoneService.list(
      context.actor,
      planSlug,
      filter,
      { first, after },
      context.loaders.today,
      parseAsOf(asOf, context.loaders.today),
    );
  }

  @ResolveField(() => Commitment, { description: 'The commitment it belongs to.' })
  commitment(@Parent() milestone: Milestone, @Context() context: RequestContext) {
    return context.loaders.at(milestone.asOf).commitmentById.load(milestone.commitmentId);
  }

  @ResolveField(() => [StatusUpdate], {
    description:
      'Progress reports you may read, newest first: public ones, and INTERNAL ones for reviewers, administrators and coordinators of the lead agency. Read as of a date: those effective by then.',
  })
  history(@Parent() milestone: Milestone, @Context() context: RequestContext) {
    return context.loaders.at(milestone.asOf).historyByMilestoneId.load(milestone.id);
  }

  @ResolveField(() => [SourceModel], { description: 'Sources for the milestone.' })
  sources(@Parent() milestone: Milestone, @Context() context: RequestContext) {
    return context.loaders.milestoneSources.load(milestone.id);
  }
}
