import { Verification } from '@ogp/common';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Milestone } from '../milestones';
import { LocalizedText } from '../shared/graphql-types';

/** What a reviewer may say about reported progress (UNVERIFIED is what a new report resets it to). */
export enum VerificationVerdict {
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
}
registerEnumType(VerificationVerdict, {
  name: 'VerificationVerdict',
  description: "A reviewer's verdict on a milestone's reported progress.",
  valuesMap: {
    VERIFIED: { description: 'The reported progress is borne out by the evidence.' },
    DISPUTED: { description: 'The reported progress is disputed (a note says why).' },
  },
});

@ObjectType('MilestoneVerification', {
  description: "A reviewer's verdict, as recorded in the audit log. History is never changed.",
})
export class VerificationRecord {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => Int, {
    description:
      "Position in the chain of the update judged, from 1: the plan's public chain, or for a verdict on an INTERNAL update the internal chain of its commitment.",
  })
  sequence: number;

  @Field(() => Verification, { description: 'VERIFIED or DISPUTED.' })
  verdict: Verification;

  @Field(() => ID, { description: 'The status update the verdict is about.' })
  statusUpdateId: string;

  @Field(() => LocalizedText, { description: 'Note (required for DISPUTED).' })
  note: LocalizedText;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded (server time).' })
  recordedAt: Date;

  @Field({ description: 'Who gave it (a display name).' })
  recordedBy: string;

  @Field({ description: 'sha256 of the previous hash and this row.' })
  hash: string;

  milestoneId: string;
}

@ObjectType({ description: 'What verifyMilestone recorded.' })
export class VerifyMilestonePayload {
  @Field(() => Milestone, { description: 'The milestone with its new verification.' })
  milestone: Milestone;

  @Field(() => VerificationRecord, { description: 'The verdict as recorded in the audit log.' })
  verification: VerificationRecord;
}
