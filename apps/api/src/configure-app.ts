import compression from 'compression';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { json, type NextFunction, type Request, type Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { PoolGuard, type AppConfig } from '@ogp/core';
import { AuthenticationService } from '@ogp/domain';
import { serveGraphqlPages } from './graphql/graphql-pages';
import { scopeRequests, shedLoad } from './graphql/service-unavailable';
import { PLAN_IMPORT_PATH, planImportBody } from './imports/plan-import.body';
import { publicCache } from './public-cache/public-cache';
import { MemoryResponseStore, RedisResponseStore } from './public-cache/response-store';
import { serveStaticAssets } from './public-cache/static-assets';

/** Paths the API answers itself; the dashboard's page fallback never takes them. */
const API_PATHS = /^\/(graphql|healthz|readyz)(\/|$)/;

/**
 * The built dashboard (`vite build` output in dist/dashboard), found by walking up from this file so the same
 * code works compiled (dist/apps/api/...) and from source (the tests).
 */
export function findDashboardDir(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'dashboard');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

// Connections the kernel may hold for us while the event loop is busy (it caps this at net.core.somaxconn).
// Node's default, 511, overflows under a burst of visitors, and a dropped SYN costs the next one 1 s, 3 s, 7 s.
const LISTEN_BACKLOG = 4096;

/** Starts listening, with room in the accept queue for a burst. */
export async function listen(
  app: NestExpressApplication,
  port: number,
  host: string,
): Promise<void> {
  // Nest passes extra arguments on to Node's server.listen(port, host, backlog).
  const nestListen = app.listen.bind(app) as (...args: unknown[]) => Promise<unknown>;
  await nestListen(port, host, LISTEN_BACKLOG);
}

/** HTTP settings shared by `npm start` and the tests, so both serve the same app. */
export function configureApp(
  app: NestExpressApplication,
  config: AppConfig,
  options: { dashboardDir?: string | null } = {},
): void {
  if (config.trustProxy) app.set('trust proxy', true);
  // No CORS headers unless origins are configured: then only those, with cookies.
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true });
  }
  app.disable('x-powered-by');
  const dashboardDir =
    options.dashboardDir === undefined ? findDashboardDir() : options.dashboardDir;
  // Anonymous answers: shared by every replica through Redis when there is one, else kept by this process.
  const answers = config.redisUrl
    ? new RedisResponseStore(config.redisUrl, `${config.redisChannelPrefix}answers:`)
    : new MemoryResponseStore();
  app.getHttpServer().on('close', () => void answers.close());
  // The schema's SDL and the explorer: before the GraphQL door below, which is for GraphQL requests.
  serveGraphqlPages(app, config, dashboardDir);
  // GraphQL requests: refused at once (before anything else is spent on them) when the house is full or the
  // event loop saturated with more than one request in it; otherwise read, then run in a scope of their own
  // (a deadline, and cancellation when the client goes away). The body is read here, first, so the scope
  // reaches everything the request runs.
  app.use(
    '/graphql',
    shedLoad(app.get(PoolGuard), config.dbPoolSize + config.dbPoolMaxWaiting, 2),
    json(),
    scopeRequests(config.requestTimeoutMs),
    // Anonymous GETs are answered from the versions and the cache (304, or a kept answer); everything else is
    // `no-store` (`private, no-store` for a signed-in caller): no cache keeps what only one caller may see.
    publicCache(app.get(DataSource), answers),
  );
  // A plan file is read by its route's own parser (a larger limit, and only for administrators), before the
  // app's parser would refuse it.
  app.use(PLAN_IMPORT_PATH, planImportBody(app.get(AuthenticationService)));
  // gzip for the dashboard's JavaScript (a third of its size on the wire) and for larger GraphQL answers.
  app.use(compression());
  if (dashboardDir) serveDashboard(app, dashboardDir);
}

function serveDashboard(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  // Hashed assets: immutable, and precompressed when the browser accepts brotli or gzip.
  serveStaticAssets(app, dir);
  // Hashed file names: the assets never change under one name; the page itself is always revalidated.
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(dir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      ),
  });
  // Client-side routes (/, /plans/dk-2017-2019, ...) get the page; API paths and missing files do not.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PATHS.test(req.path) ||
      /\.[a-z0-9]+$/i.test(req.path) ||
      !req.accepts('html')
    ) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
