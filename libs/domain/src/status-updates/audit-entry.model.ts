import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Assessment } from '../assessments';
import { connectionOf } from '../shared/connection';
import { VerificationRecord } from '../verifications';
import { StatusUpdate } from './status-update.model';

export enum AuditEntryKind {
  STATUS_UPDATE = 'STATUS_UPDATE',
  VERIFICATION = 'VERIFICATION',
  ASSESSMENT = 'ASSESSMENT',
}
registerEnumType(AuditEntryKind, {
  name: 'AuditEntryKind',
  description: 'What kind of history row an audit entry is.',
  valuesMap: {
    STATUS_UPDATE: { description: 'A progress report on a milestone.' },
    VERIFICATION: { description: "A reviewer's verdict on a milestone's reported progress." },
    ASSESSMENT: { description: 'An IRM or government self-assessment of a commitment.' },
  },
});

@ObjectType({
  description:
    "One row of a plan's audit log: a link of its hash chain. Exactly one of statusUpdate, verification and assessment is set, as kind says.",
})
export class AuditEntry {
  @Field(() => ID, { description: 'The id of the history row.' })
  id: string;

  @Field(() => AuditEntryKind, { description: 'What kind of row it is.' })
  kind: AuditEntryKind;

  @Field(() => Int, {
    description:
      "Position in its chain, from 1: the plan's public chain (PUBLIC updates, verdicts on them, assessments), or the internal chain of the commitment (its INTERNAL updates and the verdicts on them).",
  })
  sequence: number;

  @Field({ description: 'sha256 of the previous hash and this row.' })
  hash: string;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the row before in the same chain (null for the first).',
  })
  previousHash: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded (server time).' })
  recordedAt: Date;

  @Field({ description: 'Who recorded it: a display name, never an email.' })
  recordedBy: string;

  @Field({ description: 'OGP id of the commitment it concerns.' })
  commitmentOgpId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The milestone it concerns (none for assessments).',
  })
  milestoneId: string | null;

  @Field(() => StatusUpdate, {
    nullable: true,
    description: 'The status update, for STATUS_UPDATE.',
  })
  statusUpdate: StatusUpdate | null;

  @Field(() => VerificationRecord, {
    nullable: true,
    description: 'The verdict, for VERIFICATION.',
  })
  verification: VerificationRecord | null;

  @Field(() => Assessment, { nullable: true, description: 'The assessment, for ASSESSMENT.' })
  assessment: Assessment | null;
}

export const AuditEntryConnection = connectionOf(AuditEntry, 'AuditEntry');

@ObjectType({ description: "The result of recomputing a plan's audit chain." })
export class AuditChainCheckModel {
  @Field({
    description:
      "Every row recomputes to its stored hash, in order, up to the stored head, in every chain checked: the plan's public chain, and the internal chains of the commitments whose INTERNAL updates you may read.",
  })
  ok: boolean;

  @Field(() => Int, { description: 'How many rows were recomputed, in every chain checked.' })
  checked: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The head hash of the plan's public chain, as the plan stores it (auditHeadHash; null while it is empty). The heads of internal chains are not shown.",
  })
  headHash: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The first row (in chain order) that does not match: changed, out of place, or right after a removed row; in the public chain first, then in the internal chains by commitment.',
  })
  firstBrokenId: string | null;
}
