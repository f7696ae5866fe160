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
 * Only PUBLIC updates are published; publish after commit, never inside a transaction.
 */
export interface PlanEvents {
  publish(event: PlanActivityEvent): Promise<void>;
  /** Events of one plan, as they come, until the iterator is returned. */
  subscribe(planSlug: string): AsyncIterableIterator<PlanActivityEvent>;
}

export const PLAN_EVENTS = Symbol('PLAN_EVENTS');
