import { OgpValue } from '@ogp/common';
import { Field, InputType } from '@nestjs/graphql';
import { NewTitledInput } from '../../shared/dto/titled.input';

@InputType({ description: 'A new commitment of an action plan, with its lead agency.' })
export class CreateCommitmentInput extends NewTitledInput {
  @Field({ description: 'Slug of the (unarchived) plan the commitment belongs to.' })
  planSlug: string;

  @Field({ description: 'Key of the (unarchived) theme of that plan it belongs to.' })
  themeKey: string;

  @Field({
    description:
      'OGP\'s id, unique across all plans: two upper-case letters and four digits, e.g. "DK0052".',
  })
  ogpId: string;

  @Field({
    description: 'Number within the plan, e.g. "1.3": 1 to 20 characters, unique within the plan.',
  })
  number: string;

  @Field({ description: 'Slug of the (unarchived) agency that leads the commitment.' })
  leadAgencySlug: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Slugs of the (unarchived) supporting agencies; not the lead agency.',
  })
  supportingAgencySlugs?: string[] | null;

  @Field(() => [OgpValue], { nullable: true, description: 'OGP values the plan names for it.' })
  ogpValues?: OgpValue[] | null;
}
