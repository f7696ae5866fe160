import { ThemeEntity } from './theme.entity';
import { toTheme } from './theme.mapper';
import type { Theme } from './theme.model';
import {
  groupBy,
  inVisiblePlan,
  loader,
  sourcesLoader,
  type LoaderScope,
} from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function themeLoaders(s: LoaderScope) {
  return {
    themesByPlanId: loader<Theme[]>(async (ids) => {
      const themes = await s.db
        .getRepository(ThemeEntity)
        .createQueryBuilder('t')
        .where('t.action_plan_id = ANY(:ids) AND t.archived_at IS NULL', { ids })
        .andWhere(inVisiblePlan(s, 't'))
        .setParameters(s.scope.parameters)
        .orderBy('t.number', 'ASC')
        .getMany();
      return groupBy(
        themes.map((t) => ({ ...toTheme(t), asOf: s.asOf })),
        (t) => t.actionPlanId,
      );
    }, []),
    themeById: loader<Theme | null>(async (ids) => {
      const themes = await s.db
        .getRepository(ThemeEntity)
        .createQueryBuilder('t')
        .where('t.id = ANY(:ids)', { ids })
        .andWhere(inVisiblePlan(s, 't'))
        .setParameters(s.scope.parameters)
        .getMany();
      return new Map(themes.map((t) => [t.id, { ...toTheme(t), asOf: s.asOf }]));
    }, null),
    themeSources: sourcesLoader(s.db, 'theme_source', 'theme_id'),
  };
}

export type ThemeLoaders = ReturnType<typeof themeLoaders>;
