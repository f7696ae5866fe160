import { Field, InputType, Int } from '@nestjs/graphql';
import { NewTitledInput } from '../../shared/dto/titled.input';

@InputType({ description: 'A new action plan. It is unpublished unless isPublished is true.' })
export class CreateActionPlanInput extends NewTitledInput {
  @Field({
    description:
      'Readable key used in URLs, unique: lower-case letters and digits in parts joined by single hyphens, at most 100 characters, e.g. "dk-2017-2019".',
  })
  slug: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code in upper case, e.g. "DK".' })
  countryCode: string;

  @Field(() => Int, {
    nullable: true,
    description: "The country's action plan number (1 = first plan).",
  })
  actionPlanNumber?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Start of the plan period as a partial date: 2018, 2018-H1, 2018-Q3, 2018-06 or 2018-06-12.',
  })
  periodStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'End of the plan period as a partial date; not before the start.',
  })
  periodEnd?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date the plan was published (YYYY-MM-DD).',
  })
  publishedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the (unarchived) agency that coordinates the plan.',
  })
  coordinatingAgencySlug?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true shows the plan to the public at once; default false (unpublished).',
  })
  isPublished?: boolean | null;
}
