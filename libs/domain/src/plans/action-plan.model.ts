import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionOf } from '../shared/connection';
import { LocalizedText, PartialDateModel } from '../shared/graphql-types';

@ObjectType({ description: "A country's OGP national action plan." })
export class ActionPlan {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Readable key used in URLs, e.g. "dk-2017-2019".' })
  slug: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode: string;

  @Field(() => LocalizedText, { description: 'Title.' })
  title: LocalizedText;

  @Field(() => LocalizedText, { description: 'Description.' })
  description: LocalizedText;

  @Field(() => Int, {
    nullable: true,
    description: "The country's action plan number (1 = first plan).",
  })
  actionPlanNumber: number | null;

  @Field(() => PartialDateModel, {
    nullable: true,
    description: 'Start of the plan period; null = no source gives it.',
  })
  periodStart: PartialDateModel | null;

  @Field(() => PartialDateModel, {
    nullable: true,
    description: 'End of the plan period; null = no source gives it.',
  })
  periodEnd: PartialDateModel | null;

  @Field(() => String, { nullable: true, description: 'Date the plan was published (YYYY-MM-DD).' })
  publishedOn: string | null;

  @Field({ description: 'True for generated benchmark data, which must be shown as synthetic.' })
  isSynthetic: boolean;

  @Field(() => LocalizedText, { description: 'Notes on the plan and its data.' })
  notes: LocalizedText;

  @Field(() => String, {
    nullable: true,
    description: "Head hash of the plan's tamper-evident history chain.",
  })
  auditHeadHash: string | null;

  coordinatingAgencyId: string | null;

  /** The day (YYYY-MM-DD) it was read as of, for its fields; null or absent: now. Not in the schema. */
  asOf?: string | null;
}

export const ActionPlanConnection = connectionOf(ActionPlan, 'ActionPlan');
