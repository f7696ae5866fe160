import { AssessmentStage } from '@ogp/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Commitment } from '../commitments';
import type { RequestContext } from '../request-context';
import { toAssessment } from './assessment.mapper';
import { AssessmentEntity } from './assessment.entity';
import { Assessment } from './assessment.model';
import { AssessmentsService } from './assessments.service';
import { AssessCommitmentInput } from './dto/assess-commitment.input';

@Resolver(() => Assessment)
export class AssessmentsResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @Mutation(() => Assessment, {
    description:
      'Records an IRM (or government self-) assessment of a commitment at one stage (reviewers and administrators); appended to the audit log.',
  })
  assessCommitment(
    @Context() context: RequestContext,
    @Args('input', { description: 'The assessment.' }) input: AssessCommitmentInput,
  ) {
    return this.assessments.assess(context.actor, input);
  }
}

/** One loader per request (the request's context is the key), so a list of commitments costs one query. */
const latestLoaders = new WeakMap<object, DataLoader<string, Assessment[]>>();

const STAGE_ORDER = [AssessmentStage.DESIGN, AssessmentStage.MIDTERM, AssessmentStage.END_OF_TERM];

/** The latest assessment of each stage, beside the commitment's computed progress. */
@Resolver(() => Commitment)
export class CommitmentAssessmentsResolver {
  constructor(private readonly db: DataSource) {}

  @ResolveField(() => [Assessment], {
    description:
      'The latest assessment of each stage, in stage order: the one recorded last (a later entry supersedes an earlier one). Show its completion beside the computed one.',
  })
  latestAssessments(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    let loader = latestLoaders.get(context);
    if (!loader) {
      loader = new DataLoader((ids) => this.latestOf(ids));
      latestLoaders.set(context, loader);
    }
    return loader.load(commitment.id);
  }

  private async latestOf(ids: readonly string[]): Promise<Assessment[][]> {
    const rows = await this.db.getRepository(AssessmentEntity).find({
      where: { commitmentId: In([...ids]) },
      order: { sequence: 'ASC' },
    });
    const latest = new Map<string, Map<AssessmentStage, AssessmentEntity>>();
    for (const row of rows) {
      const byStage = latest.get(row.commitmentId) ?? new Map<AssessmentStage, AssessmentEntity>();
      byStage.set(row.stage, row);
      latest.set(row.commitmentId, byStage);
    }
    return ids.map((id) =>
      STAGE_ORDER.flatMap((stage) => {
        const row = latest.get(id)?.get(stage);
        return row ? [toAssessment(row)] : [];
      }),
    );
  }
}
