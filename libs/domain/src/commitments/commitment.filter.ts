import { Completion, MilestoneFlag, MilestoneStatus } from '@ogp/common';
import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Narrows a list of commitments; all given conditions must hold.' })
export class CommitmentFilter {
  @Field(() => String, { nullable: true, description: 'Only this theme (its key).' })
  themeKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only commitments this agency leads or supports (its slug).',
  })
  agencySlug?: string | null;

  @Field(() => Completion, { nullable: true, description: 'Only this computed completion level.' })
  completion?: Completion | null;

  @Field(() => MilestoneStatus, {
    nullable: true,
    description: 'Only commitments with a milestone in this status.',
  })
  status?: MilestoneStatus | null;

  @Field(() => MilestoneFlag, {
    nullable: true,
    description: 'Only commitments with a milestone carrying this flag today (or on asOf).',
  })
  flag?: MilestoneFlag | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the OGP id, number or title (Danish or English).',
  })
  search?: string | null;
}
