import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '../shared/graphql-types';

@ObjectType({ description: 'A public body that leads or supports commitments.' })
export class Agency {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Stable readable key, e.g. "digitaliseringsstyrelsen".' })
  slug: string;

  @Field(() => LocalizedText, { description: 'Name as it was at plan time.' })
  name: LocalizedText;

  @Field({
    description:
      'The country it is a public body of (ISO 3166 alpha-2, e.g. "DK"): a plan names only agencies of its country.',
  })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'Abbreviation, if any.' })
  abbreviation: string | null;

  parentId: string | null;
}
