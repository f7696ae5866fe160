import {
  MILESTONE_STATUS_LABELS,
  OGP_VALUE_LABELS,
  ROLE_LABELS,
  fillMessage,
  type ErrorParamValue,
  type Label,
  type Locale,
} from '@ogp/common';
import { ERROR_TEXTS, translator } from './index';

// The API's refusals in the reader's language: every error and every field problem the API sends carries a
// message key and its parameters (extensions.messageKey, messageParams); its English `message` is for scripts
// and is never shown. i18n/errors holds a text for each key of the API's catalogue (a unit test checks).

/** A message as the API sends it: in an error's extensions, or in one of its `problems`. */
export interface KeyedMessage {
  messageKey?: unknown;
  messageParams?: unknown;
}

// Parameters that hold one of the shared vocabularies are written with its label.
const VOCABULARIES: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  from: MILESTONE_STATUS_LABELS,
  to: MILESTONE_STATUS_LABELS,
  status: MILESTONE_STATUS_LABELS,
  roles: ROLE_LABELS,
  values: OGP_VALUE_LABELS,
};

function writeParam(name: string, value: ErrorParamValue, locale: Locale): string {
  if (Array.isArray(value)) {
    return value.map((item: string | number) => writeParam(name, item, locale)).join(', ');
  }
  if (value === null) return '–';
  if (typeof value === 'number') {
    return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      useGrouping: Math.abs(value) >= 10_000,
    }).format(value);
  }
  const label = VOCABULARIES[name]?.[String(value)];
  return label ? label[locale] : String(value);
}

/**
 * The text of a keyed message in the page's language (a generic refusal when the key is unknown here). It begins
 * with a capital: it stands alone under its field, and after the field's label in a summary.
 */
export function errorText(message: KeyedMessage, locale: Locale): string {
  const key = message.messageKey;
  const text = typeof key === 'string' ? ERROR_TEXTS[locale][key] : undefined;
  if (text === undefined) return translator(locale)('errorUnknown');
  const params =
    typeof message.messageParams === 'object' && message.messageParams !== null
      ? (message.messageParams as Record<string, ErrorParamValue>)
      : {};
  const filled = fillMessage(text, params, (name, value) => writeParam(name, value, locale));
  return filled.charAt(0).toLocaleUpperCase(locale) + filled.slice(1);
}

/**
 * What went wrong with a request, in the page's language: the API's refusal by its key, or a lost connection.
 * Every place that shows a failed request's error goes through here or errorText.
 */
export function describeError(error: unknown, locale: Locale): string {
  const extensions = (error as { extensions?: unknown } | null)?.extensions;
  if (typeof extensions === 'object' && extensions !== null) {
    return errorText(extensions, locale);
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) return translator(locale)('errorNetwork');
  return translator(locale)('errorUnknown');
}
