import {
  AssessmentStage,
  Assessor,
  Completion,
  DidItOpenGovernment,
  OgpValue,
  PotentialImpact,
  Specificity,
  Starred,
} from '@ogp/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalizedText, PartialDateModel, SourceModel } from '../shared/graphql-types';

@ObjectType({
  description: 'An IRM (or government self-) assessment of a commitment at one stage.',
})
export class Assessment {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => AssessmentStage, { description: 'DESIGN, MIDTERM or END_OF_TERM.' })
  stage: AssessmentStage;

  @Field(() => Assessor, { description: 'Who assessed.' })
  assessor: Assessor;

  @Field(() => PartialDateModel, { description: 'When (the report date).' })
  assessedOn: PartialDateModel;

  @Field(() => SourceModel, { description: 'The report.' })
  source: SourceModel;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Specific enough to verify; null = not assessed.',
  })
  verifiable: boolean | null;

  @Field(() => Specificity, { nullable: true, description: 'Specificity (older reports).' })
  specificity: Specificity | null;

  @Field(() => [OgpValue], {
    nullable: true,
    description: 'Values found relevant; [] = none; null = not assessed.',
  })
  relevantOgpValues: OgpValue[] | null;

  @Field(() => PotentialImpact, { nullable: true, description: 'Potential impact.' })
  potentialImpact: PotentialImpact | null;

  @Field(() => Completion, { nullable: true, description: 'Completion as the assessor rated it.' })
  completion: Completion | null;

  @Field(() => DidItOpenGovernment, { nullable: true, description: 'Did it open government?' })
  didItOpenGovernment: DidItOpenGovernment | null;

  @Field(() => Starred, { nullable: true, description: 'Starred.' })
  starred: Starred | null;

  @Field(() => Boolean, { nullable: true, description: 'Potentially starred (design stage).' })
  potentiallyStarred: boolean | null;

  @Field(() => LocalizedText, { description: 'Note, including which values were inferred.' })
  note: LocalizedText;
}
