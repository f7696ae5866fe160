import type { Actor } from '@ogp/core';
import type { Request, Response } from 'express';
import type { LiveConnection } from './plans';
import type { RequestLoaders } from './request-loaders';

/** What every resolver gets from the per-request GraphQL context. */
export interface RequestContext {
  /** Who is asking (anonymous, or a signed-in user with roles and agencies). */
  actor: Actor;
  loaders: RequestLoaders;
  req: Request;
  res: Response;
  /** The websocket a subscription comes over (its viewer is kept current); absent over HTTP. */
  connection?: LiveConnection;
}
