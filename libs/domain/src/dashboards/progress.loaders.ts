import type { Progress } from './progress.model';
import { ProgressQueries, type TimelinePointRow } from './progress.queries';
import { loader, type LoaderScope } from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function progressLoaders(s: LoaderScope) {
  const progress = new ProgressQueries(s.db, s.scope, s.asOf);
  return {
    commitmentProgress: loader<Progress | null>((ids) => progress.forCommitments(ids), null),
    themeProgress: loader<Progress | null>(async (themeIds) => {
      const planIds: { action_plan_id: string }[] = await s.db.query(
        'SELECT DISTINCT action_plan_id FROM theme WHERE id = ANY($1)',
        [themeIds],
      );
      return progress.aggregate(
        'theme',
        planIds.map((p) => p.action_plan_id),
      );
    }, null),
    planProgress: loader<Progress | null>((ids) => progress.aggregate('plan', ids), null),
    /** The burn-up: planned vs completed milestones per month (the dashboard's `timeline`). */
    planTimeline: loader<TimelinePointRow[]>(
      async (ids) =>
        new Map(
          await Promise.all(ids.map(async (id) => [id, await progress.timeline(id)] as const)),
        ),
      [],
    ),
  };
}

export type ProgressLoaders = ReturnType<typeof progressLoaders>;
