import { In, LessThanOrEqual } from 'typeorm';
import { AssessmentEntity } from './assessment.entity';
import { toAssessment } from './assessment.mapper';
import type { Assessment } from './assessment.model';
import { groupBy, loader, type LoaderScope } from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function assessmentLoaders(s: LoaderScope) {
  return {
    /** Assessments of each commitment, oldest first; as of a date, those made (by their date) by then. */
    assessmentsByCommitmentId: loader<Assessment[]>(async (ids) => {
      const rows = await s.db.getRepository(AssessmentEntity).find({
        where: {
          commitmentId: In([...ids]),
          ...(s.asOf === null ? {} : { assessedOn: LessThanOrEqual(s.asOf) }),
        },
        order: { assessedOn: 'ASC', sequence: 'ASC' },
      });
      return new Map(
        [...groupBy(rows, (r) => r.commitmentId)].map(([id, list]) => [id, list.map(toAssessment)]),
      );
    }, []),
  };
}

export type AssessmentLoaders = ReturnType<typeof assessmentLoaders>;
