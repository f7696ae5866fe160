import { Controller, Get, Header, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { AuthenticationService, RequestLoaders } from '@ogp/domain';
import { planFileSchema } from '@ogp/domain/plan-files';
import { ReportsService, type ReportFormat } from '@ogp/domain/reports';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';

/**
 * Files over HTTP: a plan's exports as of a date, for the caller the session cookie or bearer token names (the
 * GraphQL API's rules: public data for everyone, INTERNAL notes only for those who may read them).
 */
@Controller('api')
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(
    private readonly db: DataSource,
    private readonly authentication: AuthenticationService,
    private readonly reports: ReportsService,
  ) {}

  /** The JSON Schema of the plan file format (export.json follows it; the loader checks its input with it). */
  @Get('schema/plan.json')
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  planSchema() {
    return planFileSchema;
  }

  @Get('plans/:slug/export.csv')
  csv(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.send('csv', slug, query, req, res);
  }

  @Get('plans/:slug/export.irm.csv')
  irmCsv(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.send('irm.csv', slug, query, req, res);
  }

  @Get('plans/:slug/export.xlsx')
  xlsx(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.send('xlsx', slug, query, req, res);
  }

  @Get('plans/:slug/export.json')
  json(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.send('json', slug, query, req, res);
  }

  @Get('plans/:slug/export.pdf')
  pdf(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.send('pdf', slug, query, req, res);
  }

  @Get('plans/:slug/export.docx')
  docx(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.send('docx', slug, query, req, res);
  }

  /**
   * Checks and reads first (errors answer as JSON with their status), then streams the file. A failure after the
   * first byte can only cut the download short, which the client sees as an incomplete file.
   */
  private async send(
    format: ReportFormat,
    slug: string,
    query: Record<string, unknown>,
    req: Request,
    res: Response,
  ): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    const options = ReportsService.options(query, today);
    const actor = await this.authentication.authenticate(req);
    const report = await this.reports.prepare(
      actor,
      slug,
      format,
      options,
      today,
      (asOf) => new RequestLoaders(this.db, today, actor, asOf),
    );
    res.status(200);
    res.setHeader('Content-Type', report.mediaType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${report.fileName}"; filename*=UTF-8''${encodeURIComponent(report.fileName)}`,
    );
    // What a signed-in reviewer downloads may hold INTERNAL notes: no cache keeps it.
    res.setHeader('Cache-Control', 'no-store');
    try {
      await report.write(res);
      if (!res.writableEnded) res.end();
    } catch (error) {
      // A client that went away is no fault of the export's.
      if (!res.destroyed) {
        this.logger.error(
          `export ${format} of ${slug} failed: ${error instanceof Error ? error.message : String(error)}`,
          error instanceof Error ? error.stack : undefined,
        );
      }
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
