import { toLocalizedText } from '../shared/graphql-types';
import type { CommitmentEntity } from './commitment.entity';
import type { Commitment } from './commitment.model';

export function toCommitment(entity: CommitmentEntity): Commitment {
  return {
    id: entity.id,
    ogpId: entity.ogpId,
    number: entity.number,
    position: entity.position,
    title: toLocalizedText(entity.title),
    description: toLocalizedText(entity.description),
    ogpValues: entity.ogpValues,
    notes: toLocalizedText(entity.notes),
    actionPlanId: entity.actionPlanId,
    themeId: entity.themeId,
  };
}
