import { Module } from '@nestjs/common';
import { AgenciesAdminService } from './agencies';
import { AgenciesAdminResolver } from './agencies/agencies-admin.resolver';
import { CommitmentsAdminService } from './commitments';
import { CommitmentsAdminResolver } from './commitments/commitments-admin.resolver';
import { MilestonesAdminService } from './milestones';
import { MilestonesAdminResolver } from './milestones/milestones-admin.resolver';
import { PlansAdminService } from './plans';
import { PlansAdminResolver } from './plans/plans-admin.resolver';
import { ThemesAdminService } from './themes';
import { ThemesAdminResolver } from './themes/themes-admin.resolver';

/** Every resolver of the administration mutations (the schema generator builds the schema from this list). */
export const ADMIN_RESOLVERS = [
  PlansAdminResolver,
  ThemesAdminResolver,
  CommitmentsAdminResolver,
  MilestonesAdminResolver,
  AgenciesAdminResolver,
];

/**
 * Administration: create, update and archive plans, themes, commitments, milestones and agencies. Every service
 * method checks the ADMIN role itself and writes in one transaction.
 */
@Module({
  providers: [
    PlansAdminService,
    ThemesAdminService,
    CommitmentsAdminService,
    MilestonesAdminService,
    AgenciesAdminService,
    ...ADMIN_RESOLVERS,
  ],
})
export class AdminModule {}
