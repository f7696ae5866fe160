import { Module } from '@nestjs/common';
import { PlansReadModule, UsersModule } from '@ogp/domain';
import { ReportsResolver, ReportsService } from '@ogp/domain/reports';
import { ReportsController } from './reports.controller';

/**
 * The exports of a plan over HTTP (CSV, IRM CSV, XLSX, plan file JSON), the plan file's JSON Schema, and the
 * data licence for the dashboard.
 */
@Module({
  imports: [PlansReadModule, UsersModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsResolver],
})
export class ReportsModule {}
