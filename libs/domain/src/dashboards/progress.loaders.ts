import DataLoader from 'dataloader';
import type { Progress } from './progress.model';
import {
  ProgressQueries,
  type DashboardSection,
  type DashboardSections,
  type TimelinePointRow,
} from './progress.queries';
import { loader, type LoaderScope } from '../shared/loader-kit';

/**
 * A plan's dashboard sections, keyed `planId:section`: the sections a request asks for in the same tick (its
 * fields are resolved side by side) are read in one statement per plan, and only those.
 */
function dashboardSectionLoader(progress: ProgressQueries) {
  return new DataLoader<string, DashboardSections>(async (keys) => {
    const asked = new Map<string, Set<DashboardSection>>();
    for (const key of keys) {
      const [planId, section] = key.split(':') as [string, DashboardSection];
      asked.set(planId, (asked.get(planId) ?? new Set()).add(section));
    }
    const read = new Map(
      await Promise.all(
        [...asked].map(
          async ([planId, sections]) =>
            [planId, await progress.sections(planId, sections)] as const,
        ),
      ),
    );
    return keys.map((key) => read.get(key.split(':')[0])!);
  });
}

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
    dashboardSection: dashboardSectionLoader(progress),
  };
}

export type ProgressLoaders = ReturnType<typeof progressLoaders>;
