/** A GraphQL error as the API returns it, with its extension code (e.g. NOT_FOUND). */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs one query to the API on the same origin (the dev server proxies /graphql). */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json()) as GraphqlResponse<T>;
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphqlError(first.message, first.extensions?.code);
  }
  if (!body.data) throw new GraphqlError(`HTTP ${response.status}`, undefined);
  return body.data;
}
