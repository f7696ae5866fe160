import { MilestoneFlag, MilestoneStatus } from '@ogp/common';
import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Narrows a list of milestones; all given conditions must hold.' })
export class MilestoneFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only milestones of this commitment (its OGP id).',
  })
  commitmentOgpId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this theme (its key).' })
  themeKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only commitments this agency leads or supports (its slug).',
  })
  agencySlug?: string | null;

  @Field(() => MilestoneStatus, { nullable: true, description: 'Only this reported status.' })
  status?: MilestoneStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only never-reported milestones (no data); false: only reported ones.',
  })
  noData?: boolean | null;

  @Field(() => MilestoneFlag, {
    nullable: true,
    description: 'Only milestones carrying this flag today (or on asOf).',
  })
  flag?: MilestoneFlag | null;

  @Field(() => String, { nullable: true, description: 'Words in the title (Danish or English).' })
  search?: string | null;
}
