import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { StatusUpdateEntity } from './status-update.entity';
import { toStatusUpdate } from './status-update.mapper';
import type { StatusUpdate } from './status-update.model';
import { groupBy, inVisiblePlan, loader, type LoaderScope } from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function statusUpdateLoaders(s: LoaderScope) {
  return {
    /** The updates of each milestone the actor may read (dated by asOf), newest (by effective date) first. */
    historyByMilestoneId: loader<StatusUpdate[]>(async (ids) => {
      const query = s.db
        .getRepository(StatusUpdateEntity)
        .createQueryBuilder('su')
        .innerJoin(MilestoneEntity, 'm', 'm.id = su.milestone_id')
        .innerJoin(CommitmentEntity, 'c', 'c.id = m.commitment_id')
        .where('su.milestone_id = ANY(:ids)', { ids })
        .andWhere(s.scope.updateVisibleSql('su', 'c'))
        .andWhere(inVisiblePlan(s, 'c'))
        .setParameters(s.scope.parameters);
      if (s.asOf !== null) query.andWhere('su.effective_date <= :asOf::date', { asOf: s.asOf });
      const rows = await query
        .orderBy('su.effective_date', 'DESC')
        // PUBLIC and INTERNAL updates are in different chains: their sequences do not compare, times do.
        .addOrderBy('su.recorded_at', 'DESC')
        .addOrderBy('su.sequence', 'DESC')
        .getMany();
      return groupBy(rows.map(toStatusUpdate), (u) => u.milestoneId);
    }, []),
  };
}

export type StatusUpdateLoaders = ReturnType<typeof statusUpdateLoaders>;
