import { Module } from '@nestjs/common';
import { OpenDataService } from './open-data';

/** The open data read side: the Atom feed and the DCAT catalogue (served by the API's file routes). */
@Module({ providers: [OpenDataService], exports: [OpenDataService] })
export class OpenDataModule {}
