import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { AppConfig } from '@ogp/core';
import { RequestLoaders, type AuthenticationService, type RequestContext } from '@ogp/domain';
import type { SubscriptionRights } from '@ogp/domain/plans/subscription-rights';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { depthLimit } from './depth-limit';
import { describeRootTypes } from './describe-root-types';
import { formatError } from './format-error';
import { graphqlWsOptions } from './graphql-ws-options';
import { introspectionEnabled } from './introspection';
import { contextRefusal, refusalFor, serviceUnavailablePlugin } from './service-unavailable';
import { stringInputsPlugin } from './string-inputs';
import { databaseAvailability } from '../health/database-availability';
import { RedisPersistedQueries } from '../public-cache/persisted-queries';

/** Apollo options: limits, errors, and the per-request context (the actor and fresh DataLoaders). */
export function graphqlOptions(
  config: AppConfig,
  db: DataSource,
  authentication: AuthenticationService,
  subscriptionRights: SubscriptionRights,
): ApolloDriverConfig {
  const introspection = introspectionEnabled(config);
  // Persisted queries (a GET by the query's hash): known to every process through Redis when there is one.
  const persisted = config.redisUrl
    ? new RedisPersistedQueries(config.redisUrl, `${config.redisChannelPrefix}apq:`)
    : null;
  return {
    ...(persisted ? { persistedQueries: { cache: persisted } } : {}),
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection,
    // No landing page of Apollo's or Nest's (GraphiQL from unpkg.com, blank without the internet): a browser's
    // GET /graphql gets the explorer built into the dashboard's files instead (see graphql-pages.ts).
    graphiql: false,
    // Refuses requests a browser could send cross-site without a preflight (CSRF), cookies or not.
    csrfPrevention: true,
    validationRules: [depthLimit(config.graphqlMaxDepth, { introspection })],
    formatError,
    transformSchema: describeRootTypes,
    includeStacktraceInErrorResponses: false,
    // Answers with SERVICE_UNAVAILABLE go out as 503 with Retry-After (Nest's own plugin would reset them to 200).
    // Strings PostgreSQL cannot store (or longer than any field) are refused before any resolver runs.
    // Apollo's cache-control plugin is off: the tracker gives no cache hints, and the plugin's hook on every
    // field resolved cost more of a dashboard answer's server time than running its resolvers.
    plugins: [
      serviceUnavailablePlugin(),
      stringInputsPlugin(),
      // (Nest's driver types see Apollo's ESM declarations, this import its CommonJS ones: the same plugin.)
      ApolloServerPluginCacheControlDisabled() as NonNullable<
        ApolloDriverConfig['plugins']
      >[number],
      ...(persisted
        ? [persisted.plugin() as NonNullable<ApolloDriverConfig['plugins']>[number]]
        : []),
    ],
    preserveHttpStatusForExecutionErrors: false,
    // Subscriptions (planActivity) over graphql-ws on the same path.
    subscriptions: {
      'graphql-ws': graphqlWsOptions(config, db, authentication, subscriptionRights),
    },
    context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
      const actor = await authentication.authenticate(req).catch((error: unknown) => {
        // A token or session cookie that cannot be checked for want of a database is an outage, not a bug.
        const refusal = refusalFor(error);
        if (!refusal) throw error;
        databaseAvailability.noticed(error);
        databaseAvailability.refused(refusal.message);
        throw contextRefusal(refusal);
      });
      // The date flags are derived at; one per request so a response is consistent.
      const today = new Date().toISOString().slice(0, 10);
      return { req, res, actor, loaders: new RequestLoaders(db, today, actor) };
    },
  };
}
