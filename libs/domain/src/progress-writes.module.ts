import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments';
import {
  AssessmentsResolver,
  CommitmentAssessmentsResolver,
} from './assessments/assessments.resolver';
import { AuditLogService, MilestoneUpdatesService } from './status-updates';
import { AuditLogResolver } from './status-updates/audit-log.resolver';
import { MilestoneUpdatesResolver } from './status-updates/milestone-updates.resolver';
import { VerificationsService } from './verifications';
import { VerificationsResolver } from './verifications/verifications.resolver';

/** Every resolver of the progress writes and the audit log (the schema generator builds from this list). */
export const PROGRESS_WRITE_RESOLVERS = [
  MilestoneUpdatesResolver,
  VerificationsResolver,
  AssessmentsResolver,
  CommitmentAssessmentsResolver,
  AuditLogResolver,
];

/**
 * Recording progress: status updates, verifications and IRM assessments, each one transaction that appends a
 * row to the plan's hash chain; and the audit log's read side (auditTrail, verifyAuditChain).
 */
@Module({
  providers: [
    MilestoneUpdatesService,
    VerificationsService,
    AssessmentsService,
    AuditLogService,
    ...PROGRESS_WRITE_RESOLVERS,
  ],
  exports: [MilestoneUpdatesService, VerificationsService, AssessmentsService, AuditLogService],
})
export class ProgressWritesModule {}
