import type { AppConfig } from '@ogp/core';

/**
 * Whether GraphQL introspection is answered (over HTTP and the websocket alike). On everywhere for now; the one
 * place to decide it, so the depth limit's exemption for introspection follows the same switch.
 */
export function introspectionEnabled(_config: AppConfig): boolean {
  return true;
}
