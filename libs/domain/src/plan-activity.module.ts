import { Module } from '@nestjs/common';
import { PlansReadModule } from './plans-read.module';
import { UsersModule } from './users/users.module';
import { PlanActivityResolver } from './plans/plan-activity.resolver';
import { SubscriptionRights } from './plans/subscription-rights';

/**
 * The planActivity subscription; PLAN_EVENTS comes from the global EventsModule of @ogp/core. SubscriptionRights
 * is exported for the graphql-ws options, which register each connection with it.
 */
@Module({
  imports: [PlansReadModule, UsersModule],
  providers: [PlanActivityResolver, SubscriptionRights],
  exports: [SubscriptionRights],
})
export class PlanActivityModule {}
