import type { EntityManager } from 'typeorm';
import type { PlanActivityEvent } from './plan-events';

/**
 * Puts a live event in the outbox, inside the transaction of the change it tells: it leaves when (and only if)
 * that transaction commits, through the relay, so the write never waits on Redis.
 */
export async function addToOutbox(manager: EntityManager, event: PlanActivityEvent): Promise<void> {
  await manager.query('INSERT INTO event_outbox (plan_slug, payload) VALUES ($1, $2)', [
    event.planSlug,
    JSON.stringify(event),
  ]);
}

/** What a writer needs of the relay: a nudge after its commit, so the event leaves at once. */
export interface OutboxNudge {
  /** Returns at once: the relay sends in the background (it also polls, so a missed nudge only delays). */
  nudge(): void;
}

export const EVENT_RELAY = Symbol('EVENT_RELAY');
