import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client over a real websocket to `baseUrl`/graphql, with upgrade-request headers (a cookie). */
export function graphqlWsClient(
  baseUrl: string,
  options: { headers?: Record<string, string>; connectionParams?: Record<string, unknown> } = {},
): Client {
  const headers = options.headers ?? {};
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    },
    connectionParams: options.connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
}

/** One operation's results as they arrive, for a test to wait on. */
export class LiveResults<T = Record<string, any>> {
  readonly received: FormattedExecutionResult<T, unknown>[] = [];
  error: unknown = null;
  completed = false;
  private readonly unsubscribe: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => this.received.push(result),
        error: (error) => {
          this.error = error;
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** Waits until `count` results arrived (or the operation ended), failing after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<FormattedExecutionResult<T, unknown>[]> {
    await until(
      () => this.received.length >= count || this.completed || this.error !== null,
      timeoutMs,
      `${count} result(s); got ${this.received.length}`,
    );
    return this.received;
  }

  /** Waits until the server has answered with an error or ended the operation. */
  async waitForEnd(timeoutMs = 5000): Promise<void> {
    await until(() => this.completed || this.error !== null, timeoutMs, 'the operation to end');
  }

  stop(): void {
    this.unsubscribe();
  }
}

/** Polls `condition` every 10 ms until it holds; throws after `timeoutMs`. */
export async function until(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets pending network traffic arrive (for checking that something did NOT arrive). */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
