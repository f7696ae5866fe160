import { randomUUID } from 'node:crypto';
import type { PlanActivityEvent } from '@ogp/core';

let sequence = 0;

/** A status-update event of one plan, with fresh ids and a sequence that grows from call to call. */
export function buildPlanActivity(
  planSlug: string,
  overrides: Partial<PlanActivityEvent> = {},
): PlanActivityEvent {
  sequence += 1;
  return {
    kind: 'STATUS_UPDATE',
    planId: randomUUID(),
    planSlug,
    statusUpdateId: randomUUID(),
    sequence,
    milestoneId: randomUUID(),
    commitmentOgpId: 'XX0001',
    status: 'IN_PROGRESS',
    progressPercent: 40,
    effectiveDate: '2026-11-20',
    recordedAt: '2026-11-27T10:15:00.000Z',
    ...overrides,
  };
}
