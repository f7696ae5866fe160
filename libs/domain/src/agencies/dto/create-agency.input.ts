import { Field, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({ description: 'A new agency (public body).' })
export class CreateAgencyInput {
  @Field({
    description:
      'Stable readable key, unique: lower-case letters and digits in parts joined by single hyphens or underscores, at most 100 characters, e.g. "digitaliseringsstyrelsen".',
  })
  slug: string;

  @Field(() => LocalizedTextInput, {
    description: 'Name in Danish and/or English (at least one, at most 500 characters each).',
  })
  name: LocalizedTextInput;

  @Field(() => String, {
    nullable: true,
    description: 'Abbreviation, 1 to 40 characters, if any.',
  })
  abbreviation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the (unarchived) body it sits under, such as a ministry.',
  })
  parentSlug?: string | null;
}
