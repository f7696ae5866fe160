import { errorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '@ogp/core';
import type { AuthenticationService } from '@ogp/domain';
import { PlanImportService } from '@ogp/domain/plan-files';
import { json, type NextFunction, type Request, type Response } from 'express';

/** Where administrators send plan files. */
export const PLAN_IMPORT_PATH = '/api/plans/import';

/** A whole plan with its history is large: this route alone reads bodies this big. */
export const PLAN_IMPORT_BODY_LIMIT = '50mb';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
};

/** Answers as the API's exception filter does: the message, the code, the message key and its parameters. */
function refuse(res: Response, exception: DomainException, status?: number): void {
  res.setHeader('Cache-Control', 'no-store');
  res
    .status(status ?? STATUS[exception.code] ?? 400)
    .json({ message: exception.message, ...exception.extensions() });
}

const badBody = (reason: Parameters<typeof DomainException.badInput>[1]) =>
  DomainException.badInput('body', reason);

/**
 * The body of `POST /api/plans/import`, read before the app's own parser (whose limit is far smaller): only for
 * an administrator (anyone else is refused before a byte of the file is read), only as JSON, at most
 * PLAN_IMPORT_BODY_LIMIT. A body that is not JSON is refused naming the body. When the caller cannot be told
 * yet (the database does not answer), the route itself answers, as every route does.
 */
export function planImportBody(authentication: AuthenticationService) {
  const parse = json({ limit: PLAN_IMPORT_BODY_LIMIT, type: () => true });
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method !== 'POST') return next();
    try {
      PlanImportService.mayImport(await authentication.authenticate(req));
    } catch (error) {
      if (error instanceof DomainException) return refuse(res, error);
      return next();
    }
    if (!req.is(['application/json', '+json'])) {
      return refuse(res, badBody(errorMessage('planFile.notJsonType')), 415);
    }
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const failure = error as { type?: string; status?: number; message?: string };
      if (failure.type === 'entity.too.large') {
        return refuse(res, badBody(errorMessage('planFile.tooLarge', { max: '50 MB' })), 413);
      }
      if (failure.type === 'request.aborted') return next(error);
      const status = failure.status && failure.status < 500 ? failure.status : 400;
      refuse(
        res,
        badBody(errorMessage('planFile.notJson', { detail: failure.message ?? 'unreadable' })),
        status,
      );
    });
  };
}
