import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { LocalPlanEvents } from './local-plan-events';
import { PLAN_EVENTS, type PlanEvents } from './plan-events';
import { RedisPlanEvents } from './redis-plan-events';

/** What both buses offer beyond PlanEvents. */
export type ClosablePlanEvents = PlanEvents & {
  subscriberCount(planSlug?: string): number;
  close(): Promise<void>;
};

/** In-process by default; through Redis when REDIS_URL is set. */
export async function createPlanEvents(config: AppConfig): Promise<ClosablePlanEvents> {
  return config.redisUrl
    ? RedisPlanEvents.connect(config.redisUrl, config.redisChannelPrefix)
    : new LocalPlanEvents();
}

/** Ends the subscriptions and closes the Redis connections when the app closes. */
@Injectable()
class PlanEventsShutdown implements OnApplicationShutdown {
  constructor(@Inject(PLAN_EVENTS) private readonly events: ClosablePlanEvents) {}

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
  }
}

/** Provides PLAN_EVENTS everywhere: the write path publishes to it, the planActivity subscription reads it. */
@Global()
@Module({
  providers: [
    { provide: PLAN_EVENTS, inject: [APP_CONFIG], useFactory: createPlanEvents },
    PlanEventsShutdown,
  ],
  exports: [PLAN_EVENTS],
})
export class EventsModule {}
