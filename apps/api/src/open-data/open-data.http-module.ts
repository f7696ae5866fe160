import { Module } from '@nestjs/common';
import { OpenDataModule } from '@ogp/domain/open-data.module';
import { OpenDataController } from './open-data.controller';

/** GET /api/plans/:slug/feed.atom and GET /api/catalog.jsonld. */
@Module({ imports: [OpenDataModule], controllers: [OpenDataController] })
export class OpenDataHttpModule {}
