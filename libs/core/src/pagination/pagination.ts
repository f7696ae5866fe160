import { errorMessage } from '@ogp/common';
import { DomainException } from '../errors/domain.exception';

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  offset: number;
  limit: number;
}

export const DEFAULT_PAGE_SIZE = 50;

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** Turns `first`/`after` into offset and limit, refusing a page larger than the maximum by name. */
export function toPage(request: PageRequest, maxPageSize: number): Page {
  const first = request.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw DomainException.badInput(
      'first',
      errorMessage('page.first', { max: maxPageSize }),
      first,
    );
  }
  let offset = 0;
  if (request.after) {
    // Only the exact form this API writes: a forged or mangled cursor is refused, never guessed at.
    const match = /^offset:(0|[1-9][0-9]*)$/.exec(
      Buffer.from(request.after, 'base64url').toString('utf8'),
    );
    const position = match ? Number(match[1]) : NaN;
    if (!Number.isSafeInteger(position)) {
      throw DomainException.badInput('after', errorMessage('page.after'), request.after);
    }
    offset = position + 1;
  }
  return { offset, limit: first };
}

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export function toConnection<T>(nodes: T[], totalCount: number, page: Page): Connection<T> {
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    totalCount,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
