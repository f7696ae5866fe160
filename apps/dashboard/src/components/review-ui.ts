import { MILESTONE_STATUS_LABELS, type Locale } from '@ogp/common';
import type { LocalizedText } from '../api/dashboard';
import type { StatusUpdateView } from '../api/reviewer';
import { h } from '../dom';
import { formatDateTime, formatPercent, type Translate } from '../i18n';
import '../styles/visually-hidden.css';
import { fallbackNode, fallbackString } from './fallback-text';

// Small pieces the reviewer and administrator pages share.

/**
 * User-entered text in the page's language, or the other one with the visible marker and its own `lang`
 * (null when neither language has text).
 */
export function textIn(text: LocalizedText, locale: Locale, t: Translate): Node | null {
  return fallbackNode(text, locale, t);
}

/** A title as plain text (titles are required in at least one language), marked when in the other language. */
export function titleIn(text: LocalizedText, locale: Locale, t: Translate): string {
  return fallbackString(text, locale, t);
}

/** Text only screen readers read (context for links whose visible text repeats). */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'visually-hidden' }, text);
}

/** A status update as its parts: status, percent, date, who and when, note, evidence. */
export function updateDetails(
  update: StatusUpdateView,
  locale: Locale,
  t: Translate,
): HTMLDListElement {
  const note = textIn(update.note, locale, t);
  return h(
    'dl',
    { class: 'ra-details' },
    h('dt', {}, t('rvStatus')),
    h('dd', { 'data-field': 'status' }, MILESTONE_STATUS_LABELS[update.status][locale]),
    h('dt', {}, t('rvPercent')),
    h(
      'dd',
      { 'data-field': 'percent', 'data-value': update.progressPercent ?? '' },
      formatPercent(update.progressPercent, locale, t('noData')),
    ),
    h('dt', {}, t('rvEffectiveDate')),
    h('dd', {}, update.effectiveDate.label),
    h('dt', {}, t('rvReportedBy')),
    h(
      'dd',
      {},
      t('rvWhoWhen', { name: update.recordedBy, time: formatDateTime(update.recordedAt, locale) }),
    ),
    h('dt', {}, t('rvNote')),
    h('dd', { 'data-field': 'note' }, note ?? t('rvNoNote')),
    h('dt', {}, t('rvEvidence')),
    h(
      'dd',
      {},
      update.evidence.length
        ? h(
            'ul',
            { class: 'ra-evidence' },
            ...update.evidence.map((link) =>
              h('li', {}, h('a', { href: link.url, rel: 'noopener' }, link.title || link.url)),
            ),
          )
        : t('rvNoEvidence'),
    ),
  );
}
