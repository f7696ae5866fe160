import { Module } from '@nestjs/common';
import { PlansReadModule, UsersModule } from '@ogp/domain';
import { ProgressImportService, ProgressTemplateService } from '@ogp/domain/progress-imports';
import { ProgressWritesModule } from '@ogp/domain/progress-writes.module';
import { ProgressImportController } from './progress-import.controller';

/** Bulk progress over HTTP: the per-agency template (XLSX) and the import of a filled-in CSV or XLSX. */
@Module({
  imports: [PlansReadModule, UsersModule, ProgressWritesModule],
  controllers: [ProgressImportController],
  providers: [ProgressImportService, ProgressTemplateService],
})
export class ProgressImportModule {}
