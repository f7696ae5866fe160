import { Field, Float, InputType } from '@nestjs/graphql';
import { NewTitledInput } from '../../shared/dto/titled.input';

@InputType({
  description:
    'A new milestone of a commitment. It starts never reported (no data); progress is recorded separately.',
})
export class CreateMilestoneInput extends NewTitledInput {
  @Field({ description: 'OGP id of the (unarchived) commitment it belongs to, e.g. DK0052.' })
  commitmentOgpId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Planned start as a partial date: 2018, 2018-H1, 2018-Q3, 2018-06 or 2018-06-12.',
  })
  plannedStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Planned end as a partial date; the start may not come after it.',
  })
  plannedEnd?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Weight in the commitment's percent: above 0, at most 99999.999, three decimals at most; default 1.",
  })
  weight?: number | null;
}
