import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Agency } from '../agencies';
import { CommitmentConnection, CommitmentsService, CommitmentFilter } from '../commitments';
import { Progress, emptyProgress } from '../dashboards';
import type { RequestContext } from '../request-context';
import { SourceModel, afterDescription, pageSizeDescription } from '../shared/graphql-types';
import { Theme } from '../themes';
import { ActionPlan, ActionPlanConnection } from './action-plan.model';
import { PlansService } from './plans.service';
import { toActionPlan } from './action-plan.mapper';
import { AS_OF_DESCRIPTION, NESTED_AS_OF_DESCRIPTION, parseAsOf } from '../shared/as-of';

@Resolver(() => ActionPlan)
export class PlansResolver {
  constructor(
    private readonly plans: PlansService,
    private readonly commitmentService: CommitmentsService,
  ) {}

  @Query(() => ActionPlanConnection, {
    description:
      'Action plans you may read, newest first: published ones, and unpublished ones for reviewers, administrators and coordinators of an agency leading one of their commitments.',
  })
  actionPlans(
    @Context() context: RequestContext,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: afterDescription })
    after?: string,
  ) {
    return this.plans.list(context.actor, { first, after });
  }

  @Query(() => ActionPlan, {
    description: 'One plan by its slug; NOT_FOUND when there is none or you may not read it.',
  })
  async actionPlan(
    @Context() context: RequestContext,
    @Args('slug', { description: 'The plan slug, e.g. "dk-2017-2019".' }) slug: string,
    @Args('asOf', { type: () => String, nullable: true, description: AS_OF_DESCRIPTION })
    asOf?: string | null,
  ) {
    const date = parseAsOf(asOf, context.loaders.today);
    return { ...toActionPlan(await this.plans.bySlug(context.actor, slug)), asOf: date };
  }

  @ResolveField(() => [Theme], { description: 'Themes in order.' })
  themes(@Parent() plan: ActionPlan, @Context() context: RequestContext) {
    return context.loaders.at(plan.asOf).themesByPlanId.load(plan.id);
  }

  @ResolveField(() => CommitmentConnection, { description: 'Commitments in plan order.' })
  async commitments(
    @Parent() plan: ActionPlan,
    @Context() context: RequestContext,
    @Args('filter', { type: () => CommitmentFilter, nullable: true, description: 'Conditions.' })
    filter?: CommitmentFilter,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: afterDescription })
    after?: string,
    @Args('asOf', { type: () => String, nullable: true, description: NESTED_AS_OF_DESCRIPTION })
    asOf?: string | null,
  ) {
    return this.commitmentService.list(
      context.actor,
      plan.slug,
      filter,
      { first, after },
      context.loaders.today,
      parseAsOf(asOf, context.loaders.today) ?? plan.asOf ?? null,
    );
  }

  @ResolveField(() => Progress, {
    description: "The plan roll-up: mean of its commitments' percents.",
  })
  async progress(@Parent() plan: ActionPlan, @Context() context: RequestContext) {
    return (await context.loaders.at(plan.asOf).planProgress.load(plan.id)) ?? emptyProgress();
  }

  @ResolveField(() => Agency, {
    nullable: true,
    description: 'The agency that coordinates the plan.',
  })
  coordinatingAgency(@Parent() plan: ActionPlan, @Context() context: RequestContext) {
    return plan.coordinatingAgencyId
      ? context.loaders.agencyById.load(plan.coordinatingAgencyId)
      : null;
  }

  @ResolveField(() => [SourceModel], { description: 'Sources for the plan facts.' })
  sources(@Parent() plan: ActionPlan, @Context() context: RequestContext) {
    return context.loaders.planSources.load(plan.id);
  }
}
