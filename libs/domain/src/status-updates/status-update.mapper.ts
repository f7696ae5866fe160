import { toLocalizedText, toPartialDate } from '../shared/graphql-types';
import type { StatusUpdateEntity } from './status-update.entity';
import type { StatusUpdate } from './status-update.model';

export function toStatusUpdate(entity: StatusUpdateEntity): StatusUpdate {
  return {
    id: entity.id,
    sequence: entity.sequence,
    status: entity.status,
    progressPercent: entity.progressPercent,
    effectiveDate: toPartialDate(entity.effectiveDate, entity.effectiveDatePrecision, 'end')!,
    effectiveDateKnown: entity.effectiveDateKnown,
    actualStart: toPartialDate(entity.actualStart, entity.actualStartPrecision, 'start'),
    actualEnd: toPartialDate(entity.actualEnd, entity.actualEndPrecision, 'end'),
    note: toLocalizedText(entity.note),
    evidence: entity.evidence,
    visibility: entity.visibility,
    recordedAt: entity.recordedAt,
    recordedBy: entity.recordedByName,
    hash: entity.hash,
    milestoneId: entity.milestoneId,
  };
}
