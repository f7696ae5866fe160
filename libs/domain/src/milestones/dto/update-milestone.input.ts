import { Field, Float, InputType } from '@nestjs/graphql';
import { TitledChangesInput } from '../../shared/dto/titled.input';

@InputType({
  description:
    'Changes to the planning of a milestone: only the given fields change, and null clears a field that may be empty. Status and percent change only by recording progress.',
})
export class UpdateMilestoneInput extends TitledChangesInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Planned start as a partial date (2018, 2018-H1, 2018-Q3, 2018-06, 2018-06-12), not after the planned end; null clears it.',
  })
  plannedStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Planned end as a partial date, not before the planned start; null clears it.',
  })
  plannedEnd?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "Weight in the commitment's percent: above 0, at most 99999.999.",
  })
  weight?: number | null;
}
