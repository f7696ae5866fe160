import type { ActionPlanEntity } from './action-plan.entity';
import type { ActionPlan } from './action-plan.model';
import { toLocalizedText, toPartialDate } from '../shared/graphql-types';

export function toActionPlan(entity: ActionPlanEntity): ActionPlan {
  return {
    id: entity.id,
    slug: entity.slug,
    countryCode: entity.countryCode,
    title: toLocalizedText(entity.title),
    description: toLocalizedText(entity.description),
    actionPlanNumber: entity.actionPlanNumber,
    periodStart: toPartialDate(entity.periodStart, entity.periodStartPrecision, 'start'),
    periodEnd: toPartialDate(entity.periodEnd, entity.periodEndPrecision, 'end'),
    publishedOn: entity.publishedOn,
    isSynthetic: entity.isSynthetic,
    notes: toLocalizedText(entity.notes),
    auditHeadHash: entity.auditHeadHash,
    coordinatingAgencyId: entity.coordinatingAgencyId,
  };
}
