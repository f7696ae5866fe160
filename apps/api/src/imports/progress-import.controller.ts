import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Role, englishMessage, errorMessage } from '@ogp/common';
import { DomainException, messageExtensions, requireRole } from '@ogp/core';
import { AuthenticationService } from '@ogp/domain';
import {
  ProgressImportService,
  ProgressTemplateService,
  XLSX_MEDIA_TYPE,
  formatOfMediaType,
} from '@ogp/domain/progress-imports';
import type { Request, Response } from 'express';

/** The largest file this route reads (a plan's template is a few hundred kilobytes). */
const MAX_MEGABYTES = 10;
const MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;

/** A query parameter given at most once. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw DomainException.badInput(name, errorMessage('request.parameterOnce'));
  }
  return value;
}

/**
 * Bulk progress over HTTP, for the caller the session cookie or bearer token names: the template of an
 * agency's milestones, and the import of a filled-in file (a dry run first: `?dryRun=1`).
 */
@Controller('api/plans/:slug')
export class ProgressImportController {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly imports: ProgressImportService,
    private readonly templates: ProgressTemplateService,
  ) {}

  @Get('progress-template.xlsx')
  async template(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const lang = single(query, 'lang') ?? 'da';
    if (lang !== 'da' && lang !== 'en') {
      throw DomainException.badInput('lang', errorMessage('request.language'), lang);
    }
    const agency = single(query, 'agency')?.trim() || null;
    const actor = await this.authentication.authenticate(req);
    const file = await this.templates.template(actor, slug, { agency, locale: lang });
    res.status(200);
    res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    // It names versions and may show INTERNAL progress: no cache keeps it.
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.body);
  }

  /**
   * 200 with the outcome for a dry run (`ok` says whether the import would go through) and for an applied
   * import; 422 with the same shape when a row could not be applied (then nothing was).
   */
  @Post('progress-import')
  async import(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const dryRunParam = single(query, 'dryRun') ?? '0';
    if (dryRunParam !== '0' && dryRunParam !== '1') {
      throw DomainException.badInput('dryRun', errorMessage('request.zeroOrOne'), dryRunParam);
    }
    const dryRun = dryRunParam === '1';
    const actor = await this.authentication.authenticate(req);
    // Who may not import hears so before the file is read.
    requireRole(actor, Role.ADMIN, Role.COORDINATOR);
    const format = formatOfMediaType(req.headers['content-type']);
    if (format === null) {
      throw DomainException.badInput(
        'Content-Type',
        errorMessage('progressImport.mediaType'),
        req.headers['content-type'] ?? null,
      );
    }
    const body = await readBody(req, MAX_BYTES);
    if (body === null) {
      const reason = errorMessage('progressImport.tooLarge', { max: MAX_MEGABYTES });
      res.setHeader('Connection', 'close');
      res.status(413).json({
        code: 'PAYLOAD_TOO_LARGE',
        message: englishMessage(reason),
        ...messageExtensions(reason),
      });
      return;
    }
    const result = await this.imports.run(actor, slug, body, format, { dryRun });
    res.setHeader('Cache-Control', 'no-store');
    res.status(result.ok || dryRun ? 200 : 422).json(result);
  }
}

/** The request's body, or null as soon as it is larger than `limit` (what was sent is not read further). */
function readBody(req: Request, limit: number): Promise<Buffer | null> {
  if (Buffer.isBuffer(req.body)) return Promise.resolve(req.body.length > limit ? null : req.body);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
