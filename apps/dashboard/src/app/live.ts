import { createClient, type Client } from 'graphql-ws/client';

export interface PlanActivityEvent {
  planSlug: string;
  commitmentOgpId: string;
  milestoneId: string;
  status: string;
  progressPercent: number | null;
  sequence: number;
}

const PLAN_ACTIVITY = `subscription PlanActivity($planSlug: String!) {
  planActivity(planSlug: $planSlug) {
    planSlug commitmentOgpId milestoneId status progressPercent sequence
  }
}`;

let client: Client | null = null;

function connection(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    // Keep trying while the page is open: the server may restart; a missed event only means stale figures.
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  return client;
}

/**
 * Follows one plan's public activity: each event reaches `onEvent`. The answer stops following. The connection
 * opens with the first subscription and closes (lazily) after the last one ends.
 */
export function followPlan(
  planSlug: string,
  onEvent: (event: PlanActivityEvent) => void,
): () => void {
  return connection().subscribe<{ planActivity: PlanActivityEvent }>(
    { query: PLAN_ACTIVITY, variables: { planSlug } },
    {
      next: (result) => {
        if (result.data) onEvent(result.data.planActivity);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
}
