import { Field, InputType, Int } from '@nestjs/graphql';
import { TitledChangesInput } from '../../shared/dto/titled.input';

@InputType({
  description:
    'Changes to an action plan: only the given fields change, and null clears a field that may be empty.',
})
export class UpdateActionPlanInput extends TitledChangesInput {
  @Field(() => String, {
    nullable: true,
    description:
      'New slug, unique: lower-case letters and digits in parts joined by single hyphens, at most 100 characters.',
  })
  slug?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code in upper case, e.g. "DK".',
  })
  countryCode?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The country's action plan number (1 = first plan); null clears it.",
  })
  actionPlanNumber?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Start of the plan period as a partial date (2018, 2018-H1, 2018-Q3, 2018-06, 2018-06-12); null clears it.',
  })
  periodStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'End of the plan period as a partial date, not before the start; null clears it.',
  })
  periodEnd?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date the plan was published (YYYY-MM-DD); null clears it.',
  })
  publishedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the (unarchived) coordinating agency; null clears it.',
  })
  coordinatingAgencySlug?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true publishes the plan, false withdraws it from the public.',
  })
  isPublished?: boolean | null;
}
