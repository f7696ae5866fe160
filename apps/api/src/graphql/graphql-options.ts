import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '@ogp/core';
import { RequestLoaders } from '@ogp/domain';
import type { DataSource } from 'typeorm';
import { depthLimit } from './depth-limit';
import { describeRootTypes } from './describe-root-types';
import { formatError } from './format-error';

/** Apollo options shared by the server and the schema generator. */
export function graphqlOptions(config: AppConfig, db: DataSource | null): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    csrfPrevention: true,
    validationRules: [depthLimit(config.graphqlMaxDepth)],
    formatError,
    transformSchema: describeRootTypes,
    includeStacktraceInErrorResponses: false,
    context: () => ({
      // The date flags are derived at; one per request so a response is consistent.
      loaders: db ? new RequestLoaders(db, new Date().toISOString().slice(0, 10)) : null,
    }),
  };
}
