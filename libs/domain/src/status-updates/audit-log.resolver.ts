import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { afterDescription, pageSizeDescription } from '../shared/graphql-types';
import { AuditChainCheckModel, AuditEntry, AuditEntryConnection } from './audit-entry.model';
import { AuditLogService } from './audit-log.service';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(private readonly auditLog: AuditLogService) {}

  @Query(() => AuditEntryConnection, {
    description:
      "A plan's audit log, newest first: status updates and verdicts (INTERNAL updates and the verdicts on them only for those who may read them) and assessments, each with its place in its chain and its hash. NOT_FOUND for a plan you may not read.",
  })
  auditTrail(
    @Context() context: RequestContext,
    @Args('planSlug', { description: 'The plan slug.' }) planSlug: string,
    @Args('commitmentOgpId', {
      type: () => String,
      nullable: true,
      description: 'Only the rows of this commitment.',
    })
    commitmentOgpId?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: afterDescription })
    after?: string,
  ) {
    return this.auditLog.trail(context.actor, planSlug, commitmentOgpId, { first, after });
  }

  @Query(() => AuditChainCheckModel, {
    description:
      "Recomputes a plan's public audit chain (every PUBLIC status update, verdict on one and assessment, in order) and compares it with the stored head; for those who may read INTERNAL updates, also the internal chains of those commitments. Anyone may check the public chain: it holds nothing of INTERNAL rows.",
  })
  verifyAuditChain(
    @Context() context: RequestContext,
    @Args('planSlug', { description: 'The plan slug.' }) planSlug: string,
  ) {
    return this.auditLog.verifyChain(context.actor, planSlug);
  }
}
