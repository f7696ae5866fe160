import type { QueryChanges } from './page';
import { matchRoute } from './routes';

/** Sets each changed parameter; null, undefined or empty removes it. */
export function applyQuery(params: URLSearchParams, changes: QueryChanges): void {
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(name);
    else params.set(name, value);
  }
}

/** A link inside the app: it keeps the language, and the as-of day where the target shows public figures. */
export function appHref(path: string, query: QueryChanges = {}): string {
  const current = new URL(location.href);
  const target = new URL(path, location.origin);
  target.searchParams.set('lang', current.searchParams.get('lang') ?? 'da');
  const asOf = current.searchParams.get('asOf');
  if (asOf && matchRoute(target.pathname)?.route.asOf) target.searchParams.set('asOf', asOf);
  applyQuery(target.searchParams, query);
  return `${target.pathname}${target.search}${target.hash}`;
}
