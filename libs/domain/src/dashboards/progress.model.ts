import { Completion } from '@ogp/common';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import '../shared/graphql-types';

@ObjectType({ description: 'How many commitments sit at one completion level.' })
export class CompletionCount {
  @Field(() => Completion, { description: 'The level.' })
  completion: Completion;

  @Field(() => Int, { description: 'Commitments at that level.' })
  count: number;
}

@ObjectType({
  description:
    'A progress figure with what it rests on. For a commitment: percent = sum(weight x milestone percent) / sum(weight) over reported, non-cancelled milestones; coverage = that weight / non-cancelled weight. For a theme, agency or plan: percent = mean of its commitments\' percents; coverage = share of commitments with any reported progress. Percent is null ("no data", never 0) when nothing was reported.',
})
export class Progress {
  @Field(() => Float, {
    nullable: true,
    description: 'Percent complete, floored to one decimal; null = no data.',
  })
  percent: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0-1) of the figure that rests on reported progress.',
  })
  coverage: number | null;

  @Field(() => Completion, { description: 'The percent on the IRM completion scale.' })
  completion: Completion;

  @Field(() => Int, {
    nullable: true,
    description: 'Commitments counted (themes, agencies, plans only).',
  })
  commitmentCount: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Commitments with reported progress (themes, agencies, plans only).',
  })
  reportedCount: number | null;

  @Field(() => [CompletionCount], {
    nullable: true,
    description: 'Commitments at each completion level (themes, agencies, plans only).',
  })
  completionCounts: CompletionCount[] | null;
}

/** The progress of something nothing is known about yet. */
export function emptyProgress(): Progress {
  return {
    percent: null,
    coverage: null,
    completion: Completion.NO_EVIDENCE,
    commitmentCount: 0,
    reportedCount: 0,
    completionCounts: [],
  };
}
