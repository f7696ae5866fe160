import { ADMIN_RESOLVERS } from './admin.module';
import { PlanActivityResolver } from './plans/plan-activity.resolver';
import { READ_RESOLVERS } from './plans-read.module';
import { PROGRESS_WRITE_RESOLVERS } from './progress-writes.module';
import { ReportsResolver } from './reports/reports.resolver';
import { USER_RESOLVERS } from './users/users.module';

/** Every resolver of the API: the schema generator builds apps/api/schema.gql from this list. */
export const API_RESOLVERS = [
  ...READ_RESOLVERS,
  ...USER_RESOLVERS,
  ...ADMIN_RESOLVERS,
  ...PROGRESS_WRITE_RESOLVERS,
  PlanActivityResolver,
  ReportsResolver,
];
