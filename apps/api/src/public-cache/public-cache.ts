import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '@ogp/common';
import { SESSION_COOKIE } from '@ogp/domain';
import { readDataVersions } from './data-versions';
import type { ResponseStore } from './response-store';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** A request that names a signed-in caller (a session cookie or a token, valid or not) is never shared. */
export function namesCaller(req: Request): boolean {
  if (req.headers.authorization) return true;
  const cookie = req.headers.cookie;
  return !!cookie && cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** Apollo's CSRF rule for a GET: only a request a browser would have preflighted is answered. */
function preflighted(req: Request): boolean {
  if (req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name'])
    return true;
  const type = req.headers['content-type'];
  if (!type) return false;
  const essence = type.split(';')[0].trim().toLowerCase();
  return !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(
    essence,
  );
}

function param(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The query's hash (its APQ hash, or that of its text) and its variables in canonical form; null: not cacheable. */
function describe(req: Request): { hash: string; variables: string; operation: string } | null {
  try {
    const extensions = JSON.parse(param(req, 'extensions') ?? '{}') as {
      persistedQuery?: { sha256Hash?: unknown };
    };
    const query = param(req, 'query');
    const given = extensions.persistedQuery?.sha256Hash;
    const hash =
      typeof given === 'string'
        ? given
        : query
          ? createHash('sha256').update(query).digest('hex')
          : null;
    if (!hash) return null;
    const variables = canonicalJson(JSON.parse(param(req, 'variables') ?? '{}') as object);
    return { hash, variables, operation: param(req, 'operationName') ?? '' };
  } catch {
    return null;
  }
}

/** An answer with errors (or that names an `errors` field) is never kept or validated. */
function isCleanAnswer(body: string): boolean {
  return !body.includes('"errors":');
}

/**
 * Public reads over GET: the answer of an anonymous GET carries a strong ETag made of the query's hash, its
 * variables, the day (date flags change at midnight) and the data versions read now; a request whose
 * If-None-Match names it gets 304 without the query running, and the answer itself is kept in `store` under the
 * same key. Requests with a session cookie or a token never touch the store and are answered `private, no-store`;
 * POSTs (mutations and the rest) are `no-store` as before.
 */
export function publicCache(db: DataSource, store: ResponseStore) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET') {
      res.setHeader('cache-control', 'no-store');
      next();
      return;
    }
    res.setHeader('vary', 'Cookie, Authorization, Accept-Encoding');
    const described = namesCaller(req) || !preflighted(req) ? null : describe(req);
    if (!described) {
      res.setHeader('cache-control', namesCaller(req) ? PRIVATE_CACHE_CONTROL : 'no-store');
      next();
      return;
    }
    void answer(db, store, described, req, res).then(
      (answered) => {
        if (!answered) next();
      },
      () => {
        // The versions could not be read: the query runs uncached (and says so if the database is away).
        res.setHeader('cache-control', 'no-store');
        next();
      },
    );
  };
}

/** Answers from the cache (304 or a kept body); false: the query is to run, its answer kept on the way out. */
async function answer(
  db: DataSource,
  store: ResponseStore,
  described: { hash: string; variables: string; operation: string },
  req: Request,
  res: Response,
): Promise<boolean> {
  const versions = await readDataVersions(db);
  const today = new Date().toISOString().slice(0, 10);
  const key = createHash('sha256')
    .update(
      JSON.stringify([described.hash, described.operation, described.variables, today, versions]),
    )
    .digest('base64url');
  const etag = `"${key}"`;
  res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
  const asked = req.headers['if-none-match'];
  if (asked && asked.split(',').some((tag) => tag.trim() === etag)) {
    res.setHeader('etag', etag);
    res.status(304).end();
    return true;
  }
  // Browsers take gzip: a gzipped copy is kept beside each answer, so a hit is not compressed again.
  const gzipped = req.acceptsEncodings('gzip') === 'gzip';
  const zipped = gzipped ? await store.get(`${key}.gz`) : null;
  const kept = zipped ?? (await store.get(key));
  if (kept !== null) {
    res.setHeader('etag', etag);
    res.setHeader('x-cache', 'hit');
    if (zipped) res.setHeader('content-encoding', 'gzip');
    res.status(200).type('application/json; charset=utf-8').send(kept);
    return true;
  }
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (res.statusCode === 200 && typeof body === 'string' && isCleanAnswer(body)) {
      res.setHeader('etag', etag);
      res.setHeader('x-cache', 'miss');
      store.set(key, Buffer.from(body));
      gzip(body, (error, zipped) => {
        if (!error) store.set(`${key}.gz`, zipped);
      });
    } else {
      res.setHeader('cache-control', 'no-store');
    }
    return send(body);
  };
  return false;
}
