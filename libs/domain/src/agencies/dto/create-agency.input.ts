import { Field, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({ description: 'A new agency (public body).' })
export class CreateAgencyInput {
  @Field({
    description:
      'Stable readable key, unique: lower-case letters and digits in parts joined by single hyphens or underscores, at most 100 characters, e.g. "digitaliseringsstyrelsen".',
  })
  slug: string;

  @Field({
    description:
      'The country it is a public body of: an upper-case ISO 3166-1 alpha-2 code, e.g. "DK". Plans name only agencies of their own country; it cannot be changed later.',
  })
  countryCode: string;

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
    description:
      'Slug of the (unarchived) body of the same country it sits under, such as a ministry.',
  })
  parentSlug?: string | null;
}
