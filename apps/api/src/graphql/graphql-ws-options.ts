import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ANONYMOUS, type Actor, type AppConfig } from '@ogp/core';
import { RequestLoaders, type AuthenticationService, type RequestContext } from '@ogp/domain';
import type { Request, Response } from 'express';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { depthLimit } from './depth-limit';
import { formatError } from './format-error';

/** What one websocket connection carries: the actor, decided once when it connects. */
type ConnectionExtra = Extra & { actor?: Actor };

/** The connection's extra, as graphql-ws/use/ws fills it (and onConnect adds to it). */
const extraOf = (ctx: Context): ConnectionExtra => ctx.extra as ConnectionExtra;

/** The graphql-ws options (Nest passes them on to graphql-ws's useServer as they are). */
export type GraphqlWsOptions = GraphQLWsSubscriptionsConfig &
  Pick<ServerOptions, 'context' | 'validate' | 'onError'>;

/** The error with the code Apollo gives the same mistake over HTTP (formatError passes those through). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** True when the upgrade request comes from a page this tracker serves, or from an origin CORS_ORIGINS allows. */
function allowedOrigin(request: Extra['request'], config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser: cookies are not sent on its behalf
  if (config.corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Who opens a websocket: a bearer token in `connectionParams.authorization` (clients that cannot set headers on a
 * websocket), else the session cookie of the upgrade request, else anonymous. A cookie sent along from a page of
 * another origin counts for nothing (cross-site websocket hijacking).
 */
async function connectionActor(
  ctx: Context,
  config: AppConfig,
  authentication: AuthenticationService,
): Promise<Actor> {
  const request = extraOf(ctx).request;
  const authorization = ctx.connectionParams?.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    return authentication.authenticate({ headers: { authorization } } as Request);
  }
  if (!allowedOrigin(request, config)) return ANONYMOUS;
  return authentication.authenticate({ headers: { cookie: request.headers.cookie } } as Request);
}

/**
 * Subscriptions over graphql-ws at /graphql: the same depth limit and error formatting as over HTTP, and a
 * per-operation context like the HTTP one, with the actor authenticated once per connection.
 */
export function graphqlWsOptions(
  config: AppConfig,
  db: DataSource,
  authentication: AuthenticationService,
): GraphqlWsOptions {
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));
  return {
    path: '/graphql',
    onConnect: async (ctx) => {
      extraOf(ctx).actor = await connectionActor(ctx, config, authentication);
      return true;
    },
    // Queries and mutations go over HTTP (where cookies are set and CSRF is refused): a websocket only subscribes.
    onSubscribe: (_ctx, _id, payload) => {
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return error instanceof GraphQLError
          ? [withCode(error, 'GRAPHQL_PARSE_FAILED')]
          : undefined;
      }
      const operation = getOperationAST(document, payload.operationName);
      if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
        return [
          new GraphQLError(
            `Send ${operation.operation === OperationTypeNode.QUERY ? 'queries' : 'mutations'} over HTTP (POST /graphql); a websocket only subscribes`,
            { extensions: { code: 'BAD_REQUEST' } },
          ),
        ];
      }
      return undefined;
    },
    // Replaces the HTTP context function for websocket operations: Nest spreads these options after it.
    context: (ctx): RequestContext => {
      const extra = extraOf(ctx);
      const actor = extra.actor ?? ANONYMOUS;
      const today = new Date().toISOString().slice(0, 10);
      return {
        req: extra.request as Request,
        // No HTTP response on a websocket: nothing may set a cookie here.
        res: undefined as unknown as Response,
        actor,
        loaders: new RequestLoaders(db, today, actor),
      };
    },
    validate: (schema, document) =>
      validate(schema, document, [...specifiedRules, depthLimit(config.graphqlMaxDepth)]).map(
        (error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'),
      ),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: format(result.errors) } : undefined,
    onError: (_ctx, _id, _payload, errors) => format(errors),
  };
}
