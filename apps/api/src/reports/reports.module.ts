import { Module } from '@nestjs/common';
import { PlansReadModule, UsersModule } from '@ogp/domain';
import { ReportsService } from '@ogp/domain/reports';
import { ReportsController } from './reports.controller';

/** The exports of a plan over HTTP (CSV, IRM CSV, XLSX, plan file JSON) and the plan file's JSON Schema. */
@Module({
  imports: [PlansReadModule, UsersModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
