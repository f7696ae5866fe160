import { OgpValue } from '@ogp/common';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionOf } from '../shared/connection';
import { LocalizedText } from '../shared/graphql-types';

@ObjectType({ description: 'A commitment of an action plan, with its lead agency and milestones.' })
export class Commitment {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: "OGP's id, e.g. DK0052 (unique across plans)." })
  ogpId: string;

  @Field({ description: 'Number within the plan, e.g. "1.3".' })
  number: string;

  @Field(() => Int, { description: 'Order within the plan.' })
  position: number;

  @Field(() => LocalizedText, { description: 'Title.' })
  title: LocalizedText;

  @Field(() => LocalizedText, { description: 'Description.' })
  description: LocalizedText;

  @Field(() => [OgpValue], { description: 'OGP values the plan names for it.' })
  ogpValues: OgpValue[];

  @Field(() => LocalizedText, { description: 'Notes on the commitment and its data.' })
  notes: LocalizedText;

  actionPlanId: string;
  themeId: string;

  /** The day (YYYY-MM-DD) it was read as of, for its fields; null or absent: now. Not in the schema. */
  asOf?: string | null;
}

export const CommitmentConnection = connectionOf(Commitment, 'Commitment');
