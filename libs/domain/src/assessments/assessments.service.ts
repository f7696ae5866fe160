import { randomUUID } from 'node:crypto';
import { Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  DomainException,
  requireRole,
  type Actor,
  InputProblems,
  TITLE_MAX,
  checkText,
  checkHttpUrl,
  checkNote,
  checkPastPartialDate,
  utcToday,
} from '@ogp/core';
import { DataSource } from 'typeorm';
import { toAssessment } from './assessment.mapper';
import { AuditChain } from '../status-updates';
import { UpdateOrigin } from '../status-updates/status-update.entity';
import type { Assessment } from './assessment.model';
import { AssessmentEntity } from './assessment.entity';
import type { AssessCommitmentInput } from './dto/assess-commitment.input';

/** Reviewers' IRM assessments: append-only rows in the plan's chain. */
@Injectable()
export class AssessmentsService {
  constructor(private readonly db: DataSource) {}

  async assess(actor: Actor, input: AssessCommitmentInput): Promise<Assessment> {
    const user = requireRole(actor, Role.REVIEWER, Role.ADMIN);
    const today = utcToday();
    return this.db.transaction(async (manager) => {
      const found: { id: string; action_plan_id: string; archived: boolean }[] =
        await manager.query(
          `SELECT c.id, c.action_plan_id, (c.archived_at IS NOT NULL OR p.archived_at IS NOT NULL) AS archived
           FROM commitment c JOIN action_plan p ON p.id = c.action_plan_id WHERE c.ogp_id = $1`,
          [input.commitmentOgpId],
        );
      if (found.length === 0) {
        throw DomainException.notFound(
          'commitment',
          'input.commitmentOgpId',
          input.commitmentOgpId,
        );
      }
      const [commitment] = found;
      if (commitment.archived) {
        throw DomainException.badInput(
          'input.commitmentOgpId',
          errorMessage('assessment.archived'),
          input.commitmentOgpId,
        );
      }
      const problems = new InputProblems();
      // A report dated by a period counts from its first day: an assessment of "2020" may be entered in 2020.
      const assessedOn = checkPastPartialDate(
        problems,
        'input.assessedOn',
        input.assessedOn,
        today,
        {
          ended: false,
        },
      );
      const sourceUrl = checkHttpUrl(problems, 'input.source.url', input.source?.url);
      const sourceTitle = checkText(problems, 'input.source.title', input.source?.title, {
        max: TITLE_MAX,
        nullable: true,
      });
      const relevant = input.relevantOgpValues ?? null;
      if (relevant !== null && new Set(relevant).size !== relevant.length) {
        problems.add('input.relevantOgpValues', errorMessage('field.valueTwice'), relevant);
      }
      const note = checkNote(problems, 'input.note', input.note);
      problems.throwIfAny();

      const chain = await AuditChain.lock(manager, commitment.action_plan_id);
      const row = chain.link('assessment', {
        id: randomUUID(),
        actionPlanId: commitment.action_plan_id,
        commitmentId: commitment.id,
        stage: input.stage,
        assessor: input.assessor,
        // Stored as the last day of its period, like the plan loader stores it.
        assessedOn: assessedOn!.end,
        assessedOnPrecision: assessedOn!.precision,
        sourceUrl: sourceUrl!,
        sourceTitle: sourceTitle ?? null,
        verifiable: input.verifiable ?? null,
        specificity: input.specificity ?? null,
        relevantOgpValues: relevant,
        potentialImpact: input.potentialImpact ?? null,
        completion: input.completion ?? null,
        didItOpenGovernment: input.didItOpenGovernment ?? null,
        starred: input.starred ?? null,
        potentiallyStarred: input.potentiallyStarred ?? null,
        note,
        origin: UpdateOrigin.USER,
        recordedAt: new Date(),
        recordedById: user.userId,
        recordedByName: user.displayName,
      });
      await manager.insert(AssessmentEntity, row);
      await chain.saveHead(manager);
      return toAssessment(
        await manager.getRepository(AssessmentEntity).findOneByOrFail({ id: row.id }),
      );
    });
  }
}
