import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { VerifyMilestoneInput } from './dto/verify-milestone.input';
import { VerifyMilestonePayload } from './verification.model';
import { VerificationsService } from './verifications.service';

@Resolver(() => VerifyMilestonePayload)
export class VerificationsResolver {
  constructor(private readonly verifications: VerificationsService) {}

  @Mutation(() => VerifyMilestonePayload, {
    description:
      "Verifies or disputes a milestone's latest reported progress (reviewers and administrators); recorded in the audit log.",
  })
  verifyMilestone(
    @Context() context: RequestContext,
    @Args('input', { description: 'The verdict.' }) input: VerifyMilestoneInput,
  ) {
    return this.verifications.verify(context.actor, input);
  }
}
