/** Something that happened to a plan, told to live subscribers after its transaction committed. */
export interface PlanActivityEvent {
  kind: 'STATUS_UPDATE';
  planId: string;
  planSlug: string;
  /** The status_update row (its id and sequence in the plan's audit chain). */
  statusUpdateId: string;
  sequence: number;
  milestoneId: string;
  commitmentOgpId: string;
  status: string;
  progressPercent: number | null;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** ISO timestamp */
  recordedAt: string;
}

/**
 * The live event bus: in-process by default, shared between API processes through Redis when REDIS_URL is set.
 * Only PUBLIC updates are published. A write does not publish: it adds the event to the outbox in its own
 * transaction (addToOutbox), and the outbox relay publishes it after the commit.
 */
export interface PlanEvents {
  /** Hands the event to every subscriber of its plan; rejects when it could not be sent (Redis away). */
  publish(event: PlanActivityEvent): Promise<void>;
  /** Events of one plan, as they come, until the iterator is returned. */
  subscribe(planSlug: string): AsyncIterableIterator<PlanActivityEvent>;
}

export const PLAN_EVENTS = Symbol('PLAN_EVENTS');
