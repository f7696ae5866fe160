import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The encodings built beside each asset, best first: the file's suffix for each. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * The dashboard's hashed assets (`/assets/*`): never changing under one name, so cached for a year as immutable;
 * sent as the brotli or gzip copy the build wrote beside each one when the browser accepts it (no compressing per
 * request), else as is.
 */
export function serveStaticAssets(app: NestExpressApplication, dir: string): void {
  const assets = join(dir, 'assets');
  // Files found (the build never changes under a running server); what is missing is looked for again, so
  // requests for made-up names fill no memory.
  const found = new Set<string>();
  const exists = (path: string): boolean => {
    if (found.has(path)) return true;
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    found.add(path);
    return true;
  };
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = normalize(join(assets, decodeURIComponent(req.path)));
    if (!file.startsWith(assets + '/') || !exists(file)) return next();
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('cache-control', IMMUTABLE);
    for (const [encoding, suffix] of ENCODINGS) {
      if (!req.acceptsEncodings(encoding) || !exists(file + suffix)) continue;
      res.setHeader('content-encoding', encoding);
      res.type(extname(file));
      res.sendFile(file + suffix, { cacheControl: false, lastModified: true }, (error) => {
        if (error) next(error);
      });
      return;
    }
    next();
  });
}
