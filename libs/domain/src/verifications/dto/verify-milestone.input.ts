import { Field, ID, InputType } from '@nestjs/graphql';
import { LocalizedTextInput } from '../../shared/dto/localized-text.input';
import { VerificationVerdict } from '../verification.model';

@InputType({ description: "A reviewer's verdict on a milestone's latest reported progress." })
export class VerifyMilestoneInput {
  @Field(() => ID, { description: 'The milestone.' })
  milestoneId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The status update you read and judge (its id). When the milestone has been reported again since, the answer ' +
      'is CONFLICT with the latest update and nothing is recorded. Left out: the verdict is on the latest update.',
  })
  statusUpdateId?: string | null;

  @Field(() => VerificationVerdict, { description: 'VERIFIED or DISPUTED.' })
  verdict: VerificationVerdict;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'A note in Danish and/or English; required for DISPUTED.',
  })
  note?: LocalizedTextInput | null;
}
