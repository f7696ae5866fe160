import { Field, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({
  description:
    'Changes to an agency: only the given fields change, and null clears a field that may be empty.',
})
export class UpdateAgencyInput {
  @Field(() => String, {
    nullable: true,
    description:
      'New slug, unique: lower-case letters and digits in parts joined by single hyphens or underscores.',
  })
  slug?: string | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description:
      'Name: a language left out keeps its text, null clears it; at least one language must remain.',
  })
  name?: LocalizedTextInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Abbreviation, 1 to 40 characters; null clears it.',
  })
  abbreviation?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Slug of the (unarchived) body it sits under; null clears it. An agency cannot sit under itself or under one of its own sub-bodies.',
  })
  parentSlug?: string | null;
}
