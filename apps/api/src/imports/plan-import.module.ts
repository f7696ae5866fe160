import { Module } from '@nestjs/common';
import { UsersModule } from '@ogp/domain';
import { PlanImportService } from '@ogp/domain/plan-files';
import { PlanImportController } from './plan-import.controller';

/** Plan files imported over HTTP by administrators (the body is read by planImportBody, see configureApp). */
@Module({
  imports: [UsersModule],
  controllers: [PlanImportController],
  providers: [PlanImportService],
})
export class PlanImportModule {}
