import { toActionPlan } from './action-plan.mapper';
import type { ActionPlan } from './action-plan.model';
import { ActionPlanEntity } from './action-plan.entity';
import { loader, sourcesLoader, type LoaderScope } from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function planLoaders(s: LoaderScope) {
  return {
    planById: loader<ActionPlan | null>(async (ids) => {
      const plans = await s.db
        .getRepository(ActionPlanEntity)
        .createQueryBuilder('p')
        .where('p.id = ANY(:ids)', { ids })
        .andWhere(`p.id IN (${s.scope.visiblePlanIdsSql()})`)
        .setParameters(s.scope.parameters)
        .getMany();
      return new Map(plans.map((p) => [p.id, { ...toActionPlan(p), asOf: s.asOf }]));
    }, null),
    planSources: sourcesLoader(s.db, 'action_plan_source', 'action_plan_id'),
  };
}

export type PlanLoaders = ReturnType<typeof planLoaders>;
