import { Field, InputType, Int } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({ description: 'A new theme of an action plan.' })
export class CreateThemeInput {
  @Field({ description: 'Slug of the (unarchived) plan the theme belongs to.' })
  planSlug: string;

  @Field({
    description:
      'Key, unique within the plan: lower-case letters and digits in parts joined by single hyphens or underscores, at most 100 characters, e.g. "open_data".',
  })
  key: string;

  @Field(() => Int, { description: 'Number within the plan (1, 2, ...), unique within the plan.' })
  number: number;

  @Field(() => LocalizedTextInput, {
    description: 'Title in Danish and/or English (at least one, at most 500 characters each).',
  })
  title: LocalizedTextInput;
}
