import type { Locale } from '@ogp/common';
import type { LocalizedText } from '../api/dashboard';
import { h } from '../dom';
import type { Translate } from '../i18n';
import '../styles/labels.css';

// Bilingual text may be missing in one language: the page then shows the other one, in its own `lang` and with a
// visible marker ("(kun på engelsk)", "(in Danish only)"), on every page alike.

const otherOf = (locale: Locale): Locale => (locale === 'da' ? 'en' : 'da');

/** The words beside text shown in `other`, the language the page is not in. */
export function fallbackMarker(other: Locale, t: Translate): string {
  return t(other === 'en' ? 'pubInEnglish' : 'pubInDanish');
}

/**
 * Text in the page's language; when only the other language has it, that text with its `lang` and the marker;
 * null when neither language has any.
 */
export function fallbackNode(
  text: LocalizedText | null | undefined,
  locale: Locale,
  t: Translate,
  tag: 'span' | 'p' | 'div' = 'span',
): HTMLElement | null {
  const own = text?.[locale]?.trim();
  if (own) return h(tag, {}, own);
  const other = otherOf(locale);
  const fallback = text?.[other]?.trim();
  if (!fallback) return null;
  return h(
    tag,
    { class: 'fallback' },
    h('span', { lang: other }, fallback),
    ' ',
    h('span', { class: 'fallback-marker' }, fallbackMarker(other, t)),
  );
}

/** The same where no markup can go (a select's option, a page title): "Titel (kun på engelsk)"; '' for none. */
export function fallbackString(
  text: LocalizedText | null | undefined,
  locale: Locale,
  t: Translate,
): string {
  const own = text?.[locale]?.trim();
  if (own) return own;
  const other = otherOf(locale);
  const fallback = text?.[other]?.trim();
  return fallback ? `${fallback} ${fallbackMarker(other, t)}` : '';
}
