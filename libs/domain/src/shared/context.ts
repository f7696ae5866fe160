import type { RequestLoaders } from './request-loaders';

/** What every resolver gets from the per-request GraphQL context. */
export interface RequestContext {
  loaders: RequestLoaders;
}
