import { VERIFICATION_LABELS, VISIBILITY_LABELS } from '@ogp/common';
import type { CommitmentDetail, MilestoneDetail, StatusUpdateEntry } from '../../api/public';
import type { PageContext } from '../../app/page';
import { formatPartialDate } from '../../components/partial-date';
import {
  dateText,
  fact,
  flagsText,
  hasText,
  localizedNode,
  percentText,
  periodText,
  sourceList,
  statusText,
} from '../../components/public-ui';
import { h } from '../../dom';
import { formatDateTime } from '../../i18n';

/** Each milestone with its facts and the history of its updates. */
export function renderMilestones(
  section: HTMLElement,
  c: CommitmentDetail,
  context: PageContext,
): void {
  const { t } = context;
  section.replaceChildren(
    h('h2', { id: 'milestone-history-heading' }, t('pubMilestonesHeading')),
    ...(c.milestones.length
      ? c.milestones.map((m) => milestone(m, context))
      : [h('p', { class: 'no-data' }, t('pubNoMilestones'))]),
  );
}

function milestone(m: MilestoneDetail, context: PageContext): HTMLElement {
  const { locale, t } = context;
  const headingId = `milestone-${m.id}-heading`;
  return h(
    'article',
    {
      class: 'milestone',
      id: `milestone-${m.id}`,
      'data-id': m.id,
      'aria-labelledby': headingId,
      tabindex: '-1',
    },
    h('h3', { id: headingId }, `${m.position}. `, localizedNode(m.title, locale, t)),
    h(
      'dl',
      { class: 'facts' },
      ...fact(t('pubStatus'), h('span', { class: 'status-text' }, statusText(m.status, locale))),
      ...fact(t('pubPercent'), percentText(m.progressPercent, locale, t)),
      ...fact(t('pubFlags'), flagsText(m.flags, locale, t)),
      ...fact(t('pubVerification'), VERIFICATION_LABELS[m.verification][locale]),
      ...fact(t('pubWeight'), String(m.weight)),
      ...fact(t('pubPlannedPeriod'), periodText(m.plannedStart, m.plannedEnd, locale, t)),
      ...fact(t('pubLastUpdate'), dateText(m.history[0]?.effectiveDate ?? null, locale, t)),
    ),
    ...(hasText(m.description) ? [localizedNode(m.description, locale, t, 'p')] : []),
    h('h4', {}, t('pubHistory')),
    m.history.length
      ? h('ol', { class: 'history' }, ...m.history.map((entry) => update(entry, context)))
      : h('p', { class: 'no-data' }, t('pubNoHistory')),
    ...(m.sources.length || hasText(m.notes)
      ? [
          h(
            'details',
            {},
            h('summary', {}, t('pubMilestoneSources')),
            sourceList(m.sources, t),
            ...(hasText(m.notes) ? [localizedNode(m.notes, locale, t, 'p')] : []),
          ),
        ]
      : []),
  );
}

function update(entry: StatusUpdateEntry, { locale, t }: PageContext): HTMLElement {
  const effective = formatPartialDate(entry.effectiveDate, locale);
  return h(
    'li',
    { class: 'update', 'data-id': entry.id },
    h(
      'p',
      { class: 'update-head' },
      h(
        'strong',
        {},
        entry.effectiveDateKnown ? effective : t('pubUndatedUpdate', { date: effective }),
      ),
      `: ${statusText(entry.status, locale)}`,
      entry.progressPercent === null ? '' : `, ${percentText(entry.progressPercent, locale, t)}`,
      entry.actualStart
        ? ` · ${t('pubActualStart')} ${formatPartialDate(entry.actualStart, locale)}`
        : '',
      entry.actualEnd
        ? ` · ${t('pubActualEnd')} ${formatPartialDate(entry.actualEnd, locale)}`
        : '',
    ),
    ...(hasText(entry.note) ? [localizedNode(entry.note, locale, t, 'p')] : []),
    ...(entry.evidence.length
      ? [
          h(
            'div',
            { class: 'evidence' },
            h('span', {}, `${t('pubEvidence')}:`),
            h(
              'ul',
              {},
              ...entry.evidence.map((link) =>
                h('li', {}, h('a', { href: link.url }, link.title ?? link.url)),
              ),
            ),
          ),
        ]
      : [h('p', { class: 'no-data' }, `${t('pubEvidence')}: ${t('pubNone')}`)]),
    h(
      'p',
      { class: 'update-meta' },
      t('pubRecorded', {
        who: entry.recordedBy,
        when: formatDateTime(entry.recordedAt, locale),
        visibility: VISIBILITY_LABELS[entry.visibility][locale],
      }),
    ),
  );
}
