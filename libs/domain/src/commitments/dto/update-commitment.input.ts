import { OgpValue } from '@ogp/common';
import { Field, InputType } from '@nestjs/graphql';
import { TitledChangesInput } from '../../shared/dto/titled.input';

@InputType({
  description:
    'Changes to a commitment: only the given fields change, and null clears a field that may be empty.',
})
export class UpdateCommitmentInput extends TitledChangesInput {
  @Field(() => String, {
    nullable: true,
    description: 'Key of the (unarchived) theme of the same plan to move the commitment to.',
  })
  themeKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Corrected OGP id, unique across all plans, e.g. "DK0052".',
  })
  ogpId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Number within the plan, e.g. "1.3": 1 to 20 characters, unique within the plan.',
  })
  number?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Slug of the new (unarchived) lead agency: it replaces the current lead, and stops being a supporting agency if it was one.',
  })
  leadAgencySlug?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'All the supporting agencies (slugs of unarchived agencies, not the lead); replaces the list, null clears it.',
  })
  supportingAgencySlugs?: string[] | null;

  @Field(() => [OgpValue], {
    nullable: true,
    description: 'All the OGP values the plan names for it; replaces the list, null clears it.',
  })
  ogpValues?: OgpValue[] | null;
}
