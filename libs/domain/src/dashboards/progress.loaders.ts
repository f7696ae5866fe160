import DataLoader from 'dataloader';
import type { Progress } from './progress.model';
import { ProgressQueries, type StatusCountRow, type TimelinePointRow } from './progress.queries';
import { loader, type LoaderScope } from '../shared/loader-kit';

/** A loader of one value per plan, each read on its own (sections of one plan's dashboard). */
const perPlan = <V>(read: (planId: string) => Promise<V>) =>
  new DataLoader<string, V>((planIds) => Promise.all(planIds.map(read)));

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
    // A dashboard's sections, by plan id: each is read only when the query asks for it.
    planThemeProgress: loader<Map<string, Progress>>(
      (ids) => progress.aggregateByPlan('theme', ids),
      new Map(),
    ),
    planAgencyProgress: loader<Map<string, Progress>>(
      (ids) => progress.aggregateByPlan('agency', ids),
      new Map(),
    ),
    planStatusDistribution: perPlan<StatusCountRow[]>((id) => progress.statusDistribution(id)),
    planTimeline: perPlan<TimelinePointRow[]>((id) => progress.timeline(id)),
    planUndatedCompletions: perPlan<number>((id) => progress.undatedCompletions(id)),
  };
}

export type ProgressLoaders = ReturnType<typeof progressLoaders>;
