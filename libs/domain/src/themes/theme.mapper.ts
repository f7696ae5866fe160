import { toLocalizedText } from '../shared/graphql-types';
import type { ThemeEntity } from './theme.entity';
import type { Theme } from './theme.model';

export function toTheme(entity: ThemeEntity): Theme {
  return {
    id: entity.id,
    key: entity.key,
    number: entity.number,
    title: toLocalizedText(entity.title),
    actionPlanId: entity.actionPlanId,
  };
}
