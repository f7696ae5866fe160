import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { Commitment } from './commitment.model';
import { CommitmentsAdminService } from './commitments-admin.service';
import { CreateCommitmentInput } from './dto/create-commitment.input';
import { UpdateCommitmentInput } from './dto/update-commitment.input';

/** Commitment administration (administrators only; the service checks). */
@Resolver(() => Commitment)
export class CommitmentsAdminResolver {
  constructor(private readonly commitmentAdmin: CommitmentsAdminService) {}

  @Mutation(() => Commitment, {
    description:
      'Adds a commitment, with its lead and supporting agencies, at the end of its plan (administrators only).',
  })
  createCommitment(
    @Context() context: RequestContext,
    @Args('input', { description: 'The new commitment.' }) input: CreateCommitmentInput,
  ) {
    return this.commitmentAdmin.create(context.actor, input);
  }

  @Mutation(() => Commitment, {
    description: 'Changes the given fields of a commitment (administrators only).',
  })
  updateCommitment(
    @Context() context: RequestContext,
    @Args('ogpId', { description: "OGP's id, e.g. DK0052." }) ogpId: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateCommitmentInput,
  ) {
    return this.commitmentAdmin.update(context.actor, ogpId, input);
  }

  @Mutation(() => Commitment, {
    description:
      'Archives a commitment: it and its milestones leave the public reads and keep their history; archiving again changes nothing (administrators only).',
  })
  archiveCommitment(
    @Context() context: RequestContext,
    @Args('ogpId', { description: "OGP's id, e.g. DK0052." }) ogpId: string,
  ) {
    return this.commitmentAdmin.archive(context.actor, ogpId);
  }
}
