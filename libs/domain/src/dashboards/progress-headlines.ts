import { commitmentHeadline, progressHeadline, type Locale } from '@ogp/common';
import type { Progress } from './progress.model';

// The headlines of a computed Progress in words, counts first: the words the dashboard shows, for the exports.

/** A theme's, agency's or plan's headline: "7 of 14 commitments complete, 1 substantial, ...; progress ...". */
export function aggregateHeadlineOf(progress: Progress, locale: Locale): string {
  return progressHeadline(
    {
      percent: progress.percent,
      commitmentCount: progress.commitmentCount ?? 0,
      reportedCount: progress.reportedCount ?? 0,
      completionCounts: Object.fromEntries(
        (progress.completionCounts ?? []).map(({ completion, count }) => [completion, count]),
      ),
    },
    locale,
  );
}

/** A commitment's headline: "Limited: progress shown by reports 33.3%, 1 of 3 milestones reported". */
export function commitmentHeadlineOf(progress: Progress, locale: Locale): string {
  return commitmentHeadline(
    {
      percent: progress.percent,
      completion: progress.completion,
      milestoneCount: progress.milestoneCount,
      reportedMilestoneCount: progress.reportedMilestoneCount,
    },
    locale,
  );
}
