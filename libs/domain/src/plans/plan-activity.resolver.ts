import { Inject } from '@nestjs/common';
import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { PLAN_EVENTS, type PlanActivityEvent, type PlanEvents } from '@ogp/core';
import type { RequestContext } from '../request-context';
import { PlanActivity, toPlanActivity } from './plan-activity.model';
import { PlansService } from './plans.service';
import { SubscriptionRights } from './subscription-rights';

/** Live events of one plan over graphql-ws (the write path publishes them after each commit). */
@Resolver(() => PlanActivity)
export class PlanActivityResolver {
  constructor(
    private readonly plans: PlansService,
    private readonly rights: SubscriptionRights,
    @Inject(PLAN_EVENTS) private readonly events: PlanEvents,
  ) {}

  @Subscription(() => PlanActivity, {
    description:
      'Each PUBLIC status update of a plan, once, as it is recorded (after its commit), over graphql-ws at /graphql. NOT_FOUND when there is no such plan or you may not read it; a subscription ends with the error NOT_FOUND once you may no longer read the plan (signed out, session expired, roles or agencies changed, plan unpublished or archived).',
    resolve: (event: PlanActivityEvent) => toPlanActivity(event),
  })
  async planActivity(
    @Context() context: RequestContext,
    @Args('planSlug', { description: 'The plan slug, e.g. "dk-2017-2019".' }) planSlug: string,
  ): Promise<AsyncIterableIterator<PlanActivityEvent>> {
    // Listening starts before the check, so nothing recorded after it is answered is missed.
    const stream = this.events.subscribe(planSlug);
    const checkedAt = this.rights.now();
    const connection = context.connection ?? this.rights.open(context.actor, checkedAt);
    try {
      // The viewer as of now (the websocket may have signed in long ago), not as of the connection's start.
      const actor = await this.rights.currentActor(connection);
      await this.plans.bySlug(actor, planSlug);
    } catch (error) {
      await stream.return?.();
      throw error;
    }
    // Each event is handed on only while the viewer may still read the plan.
    return this.rights.guard(connection, planSlug, stream, checkedAt);
  }
}
