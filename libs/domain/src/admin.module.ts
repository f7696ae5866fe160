import { Module } from '@nestjs/common';
import { AgenciesAdminResolver } from './agencies/agencies-admin.resolver';
import { AgenciesAdminService } from './agencies/agencies-admin.service';
import { CommitmentsAdminResolver } from './commitments/commitments-admin.resolver';
import { CommitmentsAdminService } from './commitments/commitments-admin.service';
import { MilestonesAdminResolver } from './milestones/milestones-admin.resolver';
import { MilestonesAdminService } from './milestones/milestones-admin.service';
import { PlansAdminResolver } from './plans/plans-admin.resolver';
import { PlansAdminService } from './plans/plans-admin.service';
import { ThemesAdminResolver } from './themes/themes-admin.resolver';
import { ThemesAdminService } from './themes/themes-admin.service';

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
