import { milestonesWithState, readMilestones } from './milestone-state.reader';
import type { Milestone } from './milestone.model';
import { groupBy, loader, sourcesLoader, type LoaderScope } from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function milestoneLoaders(s: LoaderScope) {
  return {
    /** Milestones of each commitment in order, each in the state the actor may see (as of asOf). */
    milestonesByCommitmentId: loader<Milestone[]>(async (ids) => {
      const milestones = await readMilestones(
        milestonesWithState(s.db, s.scope, 'c.id = ANY(:ids)', { ids }, s.asOf).orderBy(
          'm.position',
          'ASC',
        ),
        s.on,
        s.asOf,
      );
      return groupBy(milestones, (m) => m.commitmentId);
    }, []),
    milestoneSources: sourcesLoader(s.db, 'milestone_source', 'milestone_id'),
  };
}

export type MilestoneLoaders = ReturnType<typeof milestoneLoaders>;
