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
import { Field, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';

@InputType({ description: 'The report an assessment comes from.' })
export class AssessmentSourceInput {
  @Field({ description: 'An absolute http:// or https:// address.' })
  url: string;

  @Field(() => String, { nullable: true, description: "The report's title." })
  title?: string | null;
}

@InputType({
  description:
    'An IRM (or government self-) assessment of a commitment at one stage. Fields left out were not assessed.',
})
export class AssessCommitmentInput {
  @Field({ description: "The commitment's OGP id, e.g. DK0052." })
  commitmentOgpId: string;

  @Field(() => AssessmentStage, { description: 'DESIGN, MIDTERM or END_OF_TERM.' })
  stage: AssessmentStage;

  @Field(() => Assessor, { description: 'IRM or GOVERNMENT_SELF_ASSESSMENT.' })
  assessor: Assessor;

  @Field({
    description: 'The report date: a day or a period (2020, 2020-H1, 2020-05), not in the future.',
  })
  assessedOn: string;

  @Field(() => AssessmentSourceInput, { description: 'The report.' })
  source: AssessmentSourceInput;

  @Field(() => Boolean, { nullable: true, description: 'Specific enough to verify.' })
  verifiable?: boolean | null;

  @Field(() => Specificity, { nullable: true, description: 'Specificity (older reports).' })
  specificity?: Specificity | null;

  @Field(() => [OgpValue], {
    nullable: true,
    description: 'Values found relevant; [] = none; left out = not assessed.',
  })
  relevantOgpValues?: OgpValue[] | null;

  @Field(() => PotentialImpact, { nullable: true, description: 'Potential impact.' })
  potentialImpact?: PotentialImpact | null;

  @Field(() => Completion, { nullable: true, description: 'Completion as the assessor rated it.' })
  completion?: Completion | null;

  @Field(() => DidItOpenGovernment, { nullable: true, description: 'Did it open government?' })
  didItOpenGovernment?: DidItOpenGovernment | null;

  @Field(() => Starred, { nullable: true, description: 'Starred.' })
  starred?: Starred | null;

  @Field(() => Boolean, { nullable: true, description: 'Potentially starred (design stage).' })
  potentiallyStarred?: boolean | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'Note in Danish and/or English.',
  })
  note?: LocalizedTextInput | null;
}
