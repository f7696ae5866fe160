import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { ActionPlan } from './action-plan.model';
import { CreateActionPlanInput } from './dto/create-action-plan.input';
import { UpdateActionPlanInput } from './dto/update-action-plan.input';
import { PlansAdminService } from './plans-admin.service';

/** Plan administration (administrators only; the service checks). */
@Resolver(() => ActionPlan)
export class PlansAdminResolver {
  constructor(private readonly planAdmin: PlansAdminService) {}

  @Mutation(() => ActionPlan, {
    description:
      'Creates an action plan, unpublished unless isPublished is true (administrators only).',
  })
  createActionPlan(
    @Context() context: RequestContext,
    @Args('input', { description: 'The new plan.' }) input: CreateActionPlanInput,
  ) {
    return this.planAdmin.create(context.actor, input);
  }

  @Mutation(() => ActionPlan, {
    description: 'Changes the given fields of an action plan (administrators only).',
  })
  updateActionPlan(
    @Context() context: RequestContext,
    @Args('slug', { description: 'The plan slug, e.g. "dk-2017-2019".' }) slug: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateActionPlanInput,
  ) {
    return this.planAdmin.update(context.actor, slug, input);
  }

  @Mutation(() => ActionPlan, {
    description:
      'Archives an action plan: it leaves the public reads and keeps its history; archiving again changes nothing (administrators only).',
  })
  archiveActionPlan(
    @Context() context: RequestContext,
    @Args('slug', { description: 'The plan slug.' }) slug: string,
  ) {
    return this.planAdmin.archive(context.actor, slug);
  }
}
