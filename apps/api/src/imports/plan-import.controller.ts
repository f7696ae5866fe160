import { Controller, Post, Query, Req, Res } from '@nestjs/common';
import { errorMessage } from '@ogp/common';
import { DomainException } from '@ogp/core';
import { AuthenticationService } from '@ogp/domain';
import { PlanImportService } from '@ogp/domain/plan-files';
import type { Request, Response } from 'express';

/** `dryRun=1`: check only; `0` or left out: load. */
function dryRunOf(query: Record<string, unknown>): boolean {
  const value = query.dryRun ?? '0';
  if (typeof value !== 'string') {
    throw DomainException.badInput('dryRun', errorMessage('request.parameterOnce'));
  }
  if (value !== '0' && value !== '1') {
    throw DomainException.badInput('dryRun', errorMessage('request.zeroOrOne'), value);
  }
  return value === '1';
}

/**
 * `POST /api/plans/import`: an administrator loads a plan file (the body, read by planImportBody) in one
 * transaction: 201 with the summary, or 422 with every problem and nothing changed. With `dryRun=1` the same
 * load is rolled back: 200, ok or not, with the same problems an import would meet.
 */
@Controller('api')
export class PlanImportController {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly imports: PlanImportService,
  ) {}

  @Post('plans/import')
  async import(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const actor = await this.authentication.authenticate(req);
    PlanImportService.mayImport(actor);
    const dryRun = dryRunOf(query);
    const answer = await this.imports.import(actor, req.body as unknown, dryRun);
    res.setHeader('Cache-Control', 'no-store');
    res.status(dryRun ? 200 : answer.ok ? 201 : 422).json(answer);
  }
}
