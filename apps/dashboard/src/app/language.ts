import type { Locale } from '@ogp/common';
import { isLocale } from '../i18n';

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
