import { Module } from '@nestjs/common';
import { AgenciesService } from './agencies';
import { AgenciesResolver } from './agencies/agencies.resolver';
import { CommitmentsService } from './commitments';
import { CommitmentsResolver } from './commitments/commitments.resolver';
import { DashboardsService } from './dashboards';
import { DashboardsResolver } from './dashboards/dashboards.resolver';
import { MilestonesService } from './milestones';
import { MilestonesResolver } from './milestones/milestones.resolver';
import { PlansService } from './plans';
import { PlansResolver } from './plans/plans.resolver';
import { ThemeFieldsResolver } from './themes/theme-fields.resolver';

/** Every resolver of the read API (the schema generator builds the schema from this list). */
export const READ_RESOLVERS = [
  PlansResolver,
  ThemeFieldsResolver,
  CommitmentsResolver,
  MilestonesResolver,
  AgenciesResolver,
  DashboardsResolver,
];

/** The public read API: plans, themes, commitments, milestones, agencies and dashboards. */
@Module({
  providers: [
    PlansService,
    PlansResolver,
    ThemeFieldsResolver,
    CommitmentsService,
    CommitmentsResolver,
    MilestonesService,
    MilestonesResolver,
    AgenciesService,
    AgenciesResolver,
    DashboardsService,
    DashboardsResolver,
  ],
  exports: [PlansService],
})
export class PlansReadModule {}
