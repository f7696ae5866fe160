import type { NestExpressApplication } from '@nestjs/platform-express';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { AppConfig } from '@ogp/core';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { introspectionEnabled } from './introspection';

/** Where the schema's SDL is published: the same text as apps/api/schema.gql, printed from the running schema. */
export const SCHEMA_SDL_PATH = '/graphql/schema.graphql';

/** The explorer's page in the built dashboard (`vite build` makes it from apps/dashboard/explorer.html). */
export const EXPLORER_PAGE = 'explorer.html';

/**
 * Pages about the GraphQL API beside it, answered before the API's own door (load shedding, body parsing) as
 * they cost next to nothing: the schema's SDL, and the explorer (GraphiQL) for a browser at GET /graphql when
 * the dashboard is built. Only while introspection is answered: they tell no more than it.
 */
export function serveGraphqlPages(
  app: NestExpressApplication,
  config: AppConfig,
  dashboardDir: string | null,
): void {
  if (!introspectionEnabled(config)) return;
  if (dashboardDir) {
    const explorer = join(dashboardDir, EXPLORER_PAGE);
    app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
      // A browser opening the address; a GraphQL GET (?query=...) from a client accepting JSON is Apollo's.
      if (
        (req.method !== 'GET' && req.method !== 'HEAD') ||
        req.path !== '/' ||
        req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !==
          'text/html'
      ) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(explorer);
    });
  }
  let sdl: string | undefined;
  app.use(SCHEMA_SDL_PATH, (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/') {
      next();
      return;
    }
    // Printed once, on the first request: the schema is built when the app starts and never changes after.
    sdl ??= `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(sdl);
  });
}
