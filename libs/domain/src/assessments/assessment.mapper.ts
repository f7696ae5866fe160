import { toLocalizedText, toPartialDate } from '../shared/graphql-types';
import type { AssessmentEntity } from './assessment.entity';
import type { Assessment } from './assessment.model';

export function toAssessment(entity: AssessmentEntity): Assessment {
  return {
    id: entity.id,
    stage: entity.stage,
    assessor: entity.assessor,
    assessedOn: toPartialDate(entity.assessedOn, entity.assessedOnPrecision, 'end')!,
    source: { url: entity.sourceUrl, title: entity.sourceTitle, accessedOn: null },
    verifiable: entity.verifiable,
    specificity: entity.specificity,
    relevantOgpValues: entity.relevantOgpValues,
    potentialImpact: entity.potentialImpact,
    completion: entity.completion,
    didItOpenGovernment: entity.didItOpenGovernment,
    starred: entity.starred,
    potentiallyStarred: entity.potentiallyStarred,
    note: toLocalizedText(entity.note),
  };
}
