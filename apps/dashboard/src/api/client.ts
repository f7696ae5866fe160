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

/** POSTs one query to the API on the same origin (the dev server proxies /graphql). */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
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
    throw new GraphqlError(first.message, first.extensions?.code, first.extensions ?? {});
  }
  if (!body.data) throw new GraphqlError(`HTTP ${response.status}`, undefined);
  return body.data;
}
