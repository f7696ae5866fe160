import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '../shared/graphql-types';

@ObjectType({ description: 'A theme of an action plan, grouping commitments.' })
export class Theme {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Key within the plan, e.g. "open_data".' })
  key: string;

  @Field(() => Int, { description: 'Number within the plan (1, 2, ...).' })
  number: number;

  @Field(() => LocalizedText, { description: 'Title.' })
  title: LocalizedText;

  actionPlanId: string;

  /** The day (YYYY-MM-DD) it was read as of, for its fields; null or absent: now. Not in the schema. */
  asOf?: string | null;
}
