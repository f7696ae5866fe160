/**
 * A problem with one input field, as the API lists them in `extensions.problems`: the English `message` (for
 * scripts) and the message key with its parameters, from which the page says it in its own language.
 */
export interface FieldProblem {
  field: string;
  message: string;
  messageKey?: string;
  messageParams?: Record<string, unknown>;
}

/** A GraphQL error as the API returns it, with its extension code (e.g. NOT_FOUND) and details. */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The field problems of a BAD_USER_INPUT answer (one entry when the API named a single field). */
  get problems(): FieldProblem[] {
    const listed = this.extensions.problems;
    if (Array.isArray(listed)) return listed as FieldProblem[];
    const field = this.extensions.field;
    if (typeof field !== 'string') return [];
    const { messageKey, messageParams } = this.extensions as Partial<FieldProblem>;
    return [{ field, message: this.message, messageKey, messageParams }];
  }
}

interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** Whether the visitor is signed in (as the last session read said): their reads go by POST, never cached. */
let signedIn = false;

export function setSignedIn(value: boolean): void {
  signedIn = value;
}

/** The SHA-256 of each query text sent by hash (persisted queries), computed once. */
const hashes = new Map<string, Promise<string>>();

function sha256(text: string): Promise<string> {
  let hash = hashes.get(text);
  if (!hash) {
    hash = crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(text))
      .then((digest) =>
        Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
      );
    hashes.set(text, hash);
  }
  return hash;
}

/** Hashing needs a secure context (https, or localhost); elsewhere reads go by POST. */
function canHash(): boolean {
  return typeof crypto !== 'undefined' && !!crypto.subtle;
}

function isQuery(query: string): boolean {
  return !/^\s*(mutation|subscription)\b/.test(query);
}

function unwrap<T>(response: Response, body: GraphqlResponse<T>): T {
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphqlError(first.message, first.extensions?.code, first.extensions ?? {});
  }
  if (!body.data) throw new GraphqlError(`HTTP ${response.status}`, undefined);
  return body.data;
}

/**
 * Sends one GraphQL request to the API on the same origin (the dev server proxies /graphql). A signed-out
 * visitor's queries go as GET with only the query's hash (a persisted query: the answer is cached by the API and
 * by HTTP caches, revalidated by its ETag); when the API does not know the hash yet, the query is POSTed once with
 * it, which registers it. Mutations and a signed-in visitor's requests are POSTed.
 */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  if (!signedIn && isQuery(query) && canHash()) {
    const persistedQuery = { version: 1, sha256Hash: await sha256(query) };
    const params = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery }),
    });
    const response = await fetch(`/graphql?${params.toString()}`, {
      headers: { 'apollo-require-preflight': 'true' },
      signal,
    });
    const body = (await response.json()) as GraphqlResponse<T>;
    if (body.errors?.[0]?.extensions?.code !== 'PERSISTED_QUERY_NOT_FOUND') {
      return unwrap(response, body);
    }
    return post<T>({ query, variables, extensions: { persistedQuery } }, signal);
  }
  return post<T>({ query, variables }, signal);
}

async function post<T>(body: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  return unwrap(response, (await response.json()) as GraphqlResponse<T>);
}
