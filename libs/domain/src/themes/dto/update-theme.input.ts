import { Field, InputType, Int } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({ description: 'Changes to a theme: only the given fields change.' })
export class UpdateThemeInput {
  @Field(() => String, {
    nullable: true,
    description:
      'New key, unique within the plan: lower-case letters and digits in parts joined by single hyphens or underscores.',
  })
  key?: string | null;

  @Field(() => Int, { nullable: true, description: 'New number within the plan, unique there.' })
  number?: number | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description:
      'Title: a language left out keeps its text, null clears it; at least one language must remain.',
  })
  title?: LocalizedTextInput | null;
}
