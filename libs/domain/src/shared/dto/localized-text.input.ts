import { Field, InputType } from '@nestjs/graphql';

@InputType({
  description:
    'Text in Danish and English. On an update a language left out keeps its text and null clears it; ' +
    'at least one language must remain where the text is required.',
})
export class LocalizedTextInput {
  @Field(() => String, { nullable: true, description: 'Danish (null or empty = none).' })
  da?: string | null;

  @Field(() => String, { nullable: true, description: 'English (null or empty = none).' })
  en?: string | null;
}
