import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { englishMessage, errorMessage } from '@ogp/common';
import {
  ANONYMOUS,
  DomainException,
  messageExtensions,
  type Actor,
  type AppConfig,
} from '@ogp/core';
import { RequestLoaders, type AuthenticationService, type RequestContext } from '@ogp/domain';
import type { LiveConnection, SubscriptionRights } from '@ogp/domain/plans/subscription-rights';
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
import { introspectionEnabled } from './introspection';
import { formatError, withMessageKey } from './format-error';
import { subscribeWithStringInputs } from './string-inputs';

/** What one websocket connection carries: its registration, whose viewer SubscriptionRights keeps current. */
type ConnectionExtra = Extra & { connection?: LiveConnection; closed?: boolean };

/** The connection's extra, as graphql-ws/use/ws fills it (and onConnect adds to it). */
const extraOf = (ctx: Context): ConnectionExtra => ctx.extra as ConnectionExtra;

/** The graphql-ws options (Nest passes them on to graphql-ws's useServer as they are). */
export type GraphqlWsOptions = GraphQLWsSubscriptionsConfig &
  Pick<ServerOptions, 'context' | 'validate' | 'subscribe' | 'onError' | 'onClose'>;

/** The error with the code Apollo gives the same mistake over HTTP (formatError passes those through). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: withMessageKey({ ...error.extensions, code }),
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
 * A subscription's stream that failed (SubscriptionRights ends one with NOT_FOUND) reaches onError wrapped by
 * graphql-ws without a path, which formatError does not unwrap: the domain exception keeps its code this way.
 */
const streamFailure = (error: GraphQLError): unknown =>
  error.originalError instanceof DomainException ? error.originalError : error;

/**
 * Subscriptions over graphql-ws at /graphql: the same depth limit and error formatting as over HTTP, and a
 * per-operation context like the HTTP one. The viewer is authenticated when the socket connects and kept current
 * by SubscriptionRights: read again before each subscription starts and while its subscriptions run. A credential
 * revoked, expired or of a deactivated user counts for nothing from then on, as over HTTP: the connection stays
 * open as the anonymous public, and subscriptions the public may not read end with the error NOT_FOUND.
 */
export function graphqlWsOptions(
  config: AppConfig,
  db: DataSource,
  authentication: AuthenticationService,
  rights: SubscriptionRights,
): GraphqlWsOptions {
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), streamFailure(error)));
  return {
    path: '/graphql',
    onConnect: async (ctx) => {
      const asOf = rights.now();
      const actor = await connectionActor(ctx, config, authentication);
      const extra = extraOf(ctx);
      if (!extra.closed) extra.connection = rights.open(actor, asOf);
      return true;
    },
    onClose: (ctx) => {
      const extra = extraOf(ctx);
      extra.closed = true;
      if (extra.connection) rights.close(extra.connection);
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
        const overHttp = errorMessage(
          operation.operation === OperationTypeNode.QUERY
            ? 'request.queriesOverWebsocket'
            : 'request.mutationsOverWebsocket',
        );
        return [
          new GraphQLError(englishMessage(overHttp), {
            extensions: { code: 'BAD_REQUEST', ...messageExtensions(overHttp) },
          }),
        ];
      }
      return undefined;
    },
    // Replaces the HTTP context function for websocket operations: Nest spreads these options after it.
    context: (ctx): RequestContext => {
      const extra = extraOf(ctx);
      const connection = extra.connection;
      // As last read; a subscription reads its viewer again as it starts (a failed read is then its error).
      const actor = connection?.actor ?? ANONYMOUS;
      const today = new Date().toISOString().slice(0, 10);
      return {
        req: extra.request as Request,
        // No HTTP response on a websocket: nothing may set a cookie here.
        res: undefined as unknown as Response,
        actor,
        loaders: new RequestLoaders(db, today, actor),
        connection,
      };
    },
    validate: (schema, document) =>
      validate(schema, document, [
        ...specifiedRules,
        depthLimit(config.graphqlMaxDepth, { introspection: introspectionEnabled(config) }),
      ]).map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')),
    // The same refusal of unstorable strings as over HTTP, before the subscription's resolver runs.
    subscribe: subscribeWithStringInputs,
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: format(result.errors) } : undefined,
    onError: (_ctx, _id, _payload, errors) => format(errors),
  };
}
