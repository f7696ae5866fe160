import { Field, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from './localized-text.input';

// The title and description every new plan, commitment and milestone has, and the changes to them: one
// wording of the rules (checkTitleAndDescription() enforces them) for all three.

@InputType({ isAbstract: true })
export abstract class NewTitledInput {
  @Field(() => LocalizedTextInput, {
    description: 'Title in Danish and/or English (at least one, at most 500 characters each).',
  })
  title: LocalizedTextInput;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'Description in Danish and/or English (at most 10000 characters each).',
  })
  description?: LocalizedTextInput | null;
}

@InputType({ isAbstract: true })
export abstract class TitledChangesInput {
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description:
      'Title: a language left out keeps its text, null clears it; at least one language must remain.',
  })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'Description: a language left out keeps its text; null clears the description.',
  })
  description?: LocalizedTextInput | null;
}
