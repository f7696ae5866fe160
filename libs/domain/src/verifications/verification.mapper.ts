import type { VerificationRecord } from './verification.model';
import type { VerificationEntity } from './verification.entity';

export function toVerification(entity: VerificationEntity): VerificationRecord {
  return {
    id: entity.id,
    sequence: entity.sequence,
    verdict: entity.verdict,
    statusUpdateId: entity.statusUpdateId,
    note: { da: entity.note.da, en: entity.note.en },
    recordedAt: entity.recordedAt,
    recordedBy: entity.recordedByName,
    hash: entity.hash,
    milestoneId: entity.milestoneId,
  };
}
