import type { Locale } from '@ogp/common';
import { isLocale } from '../i18n';
import type { QueryChanges } from './page';
import { matchRoute } from './routes';

// What the address carries besides the page: the language (remembered for the next visit), the as-of day, and
// the parameters a page changes.

const LANGUAGE_KEY = 'ogp-tracker.language';

function storedLanguage(): Locale | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage blocked: the URL still carries the language
  }
}

function rememberLanguage(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // storage blocked: nothing to remember it in
  }
}

/** The language: from the URL, else the one remembered, else Danish; always written back into the URL. */
export function pageLocale(url: URL): Locale {
  const fromUrl = url.searchParams.get('lang');
  const locale = isLocale(fromUrl) ? fromUrl : (storedLanguage() ?? 'da');
  rememberLanguage(locale);
  if (fromUrl !== locale) {
    url.searchParams.set('lang', locale);
    history.replaceState(null, '', url);
  }
  return locale;
}

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
