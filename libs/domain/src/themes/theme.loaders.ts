import { ThemeEntity } from './theme.entity';
import { toTheme } from './theme.mapper';
import {
  sourcesLoader,
  visibleByIdLoader,
  visibleChildrenLoader,
  type LoaderScope,
} from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function themeLoaders(s: LoaderScope) {
  return {
    themesByPlanId: visibleChildrenLoader(
      s,
      ThemeEntity,
      't',
      { parent: 'action_plan_id', order: 'number' },
      toTheme,
      (theme) => theme.actionPlanId,
    ),
    themeById: visibleByIdLoader(s, ThemeEntity, 't', toTheme),
    themeSources: sourcesLoader(s.db, 'theme_source', 'theme_id'),
  };
}

export type ThemeLoaders = ReturnType<typeof themeLoaders>;
