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
    'A progress figure with what it rests on; it counts what reports show, and a milestone nobody reported adds nothing. For a commitment: percent = sum(weight x milestone percent) over reported milestones / sum(weight) over all non-cancelled milestones; reportedPercent = the same sum / the weight of the reported milestones with a percent; coverage = reported weight / non-cancelled weight. For a theme, agency or plan: the count of commitments at each completion level first; percent = sum of its commitments\' percents / number of commitments (one with no data adds nothing); coverage = share of commitments with anything reported; milestoneCoverage = reported share of all their non-cancelled milestone weight. Percents and coverage are rounded half up (percent to one decimal, coverage to three as a share, one as a percent). Percent is null ("no data", never 0) when no reported milestone gives a percent.',
})
export class Progress {
  @Field(() => Float, {
    nullable: true,
    description:
      'Evidence-backed percent complete, rounded half up to one decimal; unreported milestones count for nothing; null = no data.',
  })
  percent: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The mean of what was reported (unreported milestones, or commitments with no percent, left out), rounded half up to one decimal; null = no data.',
  })
  reportedPercent: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0-1) that is reported, rounded half up to three decimals: of the non-cancelled milestone weight (commitments), of the commitments (themes, agencies, plans).',
  })
  coverage: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0-1) of the non-cancelled milestone weight that is reported, rounded half up to three decimals (for a commitment, its coverage).',
  })
  milestoneCoverage: number | null;

  @Field(() => Completion, { description: 'The percent on the IRM completion scale.' })
  completion: Completion;

  @Field(() => Int, { description: 'Milestones that are not cancelled.' })
  milestoneCount: number;

  @Field(() => Int, { description: 'Milestones that are not cancelled and have been reported.' })
  reportedMilestoneCount: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Commitments counted (themes, agencies, plans only).',
  })
  commitmentCount: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Commitments with any non-cancelled milestone reported (themes, agencies, plans only).',
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
    reportedPercent: null,
    coverage: null,
    milestoneCoverage: null,
    completion: Completion.NO_EVIDENCE,
    milestoneCount: 0,
    reportedMilestoneCount: 0,
    commitmentCount: 0,
    reportedCount: 0,
    completionCounts: [],
  };
}
