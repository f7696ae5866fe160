import { DUE_SOON_DAYS, DatePrecision, MilestoneFlag, MilestoneStatus, STALE_DAYS } from './enums';
import { daysBetween, periodEnd } from './partial-date';

export interface MilestoneFlagInput {
  /** null = never reported: such a milestone can still be overdue. */
  status: MilestoneStatus | null;
  /** The planned end as stored: the first day of its period and the period's precision. */
  plannedEnd: { start: string; precision: DatePrecision } | null;
  /** Effective date of the latest status update. */
  lastUpdateOn: string | null;
}

/**
 * The flags of a milestone as things stood on `on` (an ISO date), in the order OVERDUE, DUE_SOON, STALE.
 * A planned end coarser than a day counts as the last day of its period: "2018-H1" is due by 2018-06-30.
 */
export function milestoneFlags(milestone: MilestoneFlagInput, on: string): MilestoneFlag[] {
  const flags: MilestoneFlag[] = [];
  const { status, plannedEnd, lastUpdateOn } = milestone;
  const closed = status === MilestoneStatus.COMPLETED || status === MilestoneStatus.CANCELLED;
  if (plannedEnd !== null && !closed) {
    const due = periodEnd(plannedEnd.start, plannedEnd.precision);
    const daysLeft = daysBetween(on, due);
    if (daysLeft < 0) flags.push(MilestoneFlag.OVERDUE);
    else if (daysLeft <= DUE_SOON_DAYS) flags.push(MilestoneFlag.DUE_SOON);
  }
  // An IN_PROGRESS milestone always has an update; without its date there is nothing to measure.
  if (status === MilestoneStatus.IN_PROGRESS && lastUpdateOn !== null) {
    if (daysBetween(lastUpdateOn, on) > STALE_DAYS) flags.push(MilestoneFlag.STALE);
  }
  return flags;
}
