import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { EVENT_RELAY } from './event-outbox';
import { EventRelay, recentlySentEvents } from './event-relay';
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

/** The relay from the outbox to the bus; through Redis, a listener that was away reads what it missed. */
export function createEventRelay(
  db: DataSource,
  events: ClosablePlanEvents,
  config: AppConfig,
): EventRelay {
  if (events instanceof RedisPlanEvents) {
    events.catchUpWith((lostForMs) => recentlySentEvents(db, Math.ceil(lostForMs / 1000)));
  }
  return new EventRelay(db, events, { pollMs: config.eventRelayPollMs });
}

/**
 * Starts the relay once the app is up (migrations have run); at shutdown stops it before the database pool
 * closes (beforeApplicationShutdown runs before any onApplicationShutdown), then ends the subscriptions and
 * closes the Redis connections.
 */
@Injectable()
class EventsLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    @Inject(PLAN_EVENTS) private readonly events: ClosablePlanEvents,
    @Inject(EVENT_RELAY) private readonly relay: EventRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
  }
}

/**
 * Provides PLAN_EVENTS everywhere (the planActivity subscription reads it) and EVENT_RELAY (the write path adds
 * its event to the outbox in its transaction and nudges the relay after the commit).
 */
@Global()
@Module({
  providers: [
    { provide: PLAN_EVENTS, inject: [APP_CONFIG], useFactory: createPlanEvents },
    {
      provide: EVENT_RELAY,
      inject: [DataSource, PLAN_EVENTS, APP_CONFIG],
      useFactory: createEventRelay,
    },
    EventsLifecycle,
  ],
  exports: [PLAN_EVENTS, EVENT_RELAY],
})
export class EventsModule {}
