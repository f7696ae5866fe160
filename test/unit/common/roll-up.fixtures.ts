import { MilestoneStatus, type WeightedMilestoneInput } from '@ogp/common';

// Milestones in each state, for the roll-up tests.

function milestone(
  status: MilestoneStatus | null,
  progressPercent: number | null = null,
  weight = 1,
): WeightedMilestoneInput {
  return { status, progressPercent, weight };
}

export const completed = (weight = 1) => milestone(MilestoneStatus.COMPLETED, 100, weight);
export const notStarted = (weight = 1) => milestone(MilestoneStatus.NOT_STARTED, 0, weight);
export const inProgress = (percent: number | null, weight = 1) =>
  milestone(MilestoneStatus.IN_PROGRESS, percent, weight);
export const cancelled = (weight = 1) => milestone(MilestoneStatus.CANCELLED, null, weight);
export const neverReported = (weight = 1) => milestone(null, null, weight);
