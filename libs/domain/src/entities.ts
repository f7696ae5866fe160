import { EventOutboxEntity } from '@ogp/core';
import { AgencyEntity } from './agencies/agency.entity';
import { AssessmentEntity } from './assessments/assessment.entity';
import { CommitmentAgencyEntity } from './commitments/commitment-agency.entity';
import { CommitmentStakeholderEntity } from './commitments/commitment-stakeholder.entity';
import { CommitmentEntity } from './commitments/commitment.entity';
import { MilestoneEntity } from './milestones/milestone.entity';
import { ActionPlanEntity } from './plans/action-plan.entity';
import { SourceEntity } from './sources/source.entity';
import { StatusUpdateEntity } from './status-updates/status-update.entity';
import { ThemeEntity } from './themes/theme.entity';
import { ApiTokenEntity } from './users/api-token.entity';
import { LoginThrottleEntity } from './users/login-throttle.entity';
import { SessionEntity } from './users/session.entity';
import { UserEntity } from './users/user.entity';
import { VerificationEntity } from './verifications/verification.entity';

/** Every table the tracker maps; the data source of the app, the CLIs and the tests use this list. */
export const DOMAIN_ENTITIES = [
  ActionPlanEntity,
  AgencyEntity,
  AssessmentEntity,
  CommitmentAgencyEntity,
  CommitmentEntity,
  CommitmentStakeholderEntity,
  MilestoneEntity,
  SourceEntity,
  StatusUpdateEntity,
  ThemeEntity,
  UserEntity,
  SessionEntity,
  ApiTokenEntity,
  LoginThrottleEntity,
  VerificationEntity,
  EventOutboxEntity,
];
