import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import { OpenDataService } from '@ogp/domain/open-data';
import type { Request } from 'express';

/** The site's origin as the visitor reached it (behind a proxy only when TRUST_PROXY says so: Express decides). */
function origin(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/** Open data files: the public's view only, whoever asks (no session is read). */
@Controller('api')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('plans/:slug/feed.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  feed(@Param('slug') slug: string, @Query('lang') lang: unknown, @Req() req: Request) {
    return this.openData.feed(slug, OpenDataService.locale(lang), origin(req));
  }

  @Get('catalog.jsonld')
  @Header('Content-Type', 'application/ld+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  async catalog(@Req() req: Request) {
    return JSON.stringify(await this.openData.catalog(origin(req)), null, 2);
  }
}
