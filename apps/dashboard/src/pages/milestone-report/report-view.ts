import {
  MILESTONE_FLAG_LABELS,
  MILESTONE_STATUS_LABELS,
  VERIFICATION_LABELS,
  VISIBILITY_LABELS,
  milestoneStatusLabel,
  type Locale,
} from '@ogp/common';
import type {
  ConflictDetails,
  RecordedUpdate,
  ReportCommitment,
  ReportMilestone,
  StatusUpdate,
} from '../../api/coordinator/milestone-report';
import type { LocalizedText } from '../../api/dashboard';
import type { PageContext } from '../../app/page';
import { fallbackNode } from '../../components/fallback-text';
import { h } from '../../dom';
import { formatDateTime, formatPercent, type MessageKey, type Translate } from '../../i18n';

/** What came of the last submit: saved, or refused because someone reported since the form was read. */
export type Outcome =
  | { kind: 'saved'; result: RecordedUpdate }
  | { kind: 'conflict'; details: ConflictDetails; readVersion: number }
  | null;

/** The milestone as it stands, above the form. */
export function renderState(
  section: HTMLElement,
  milestone: ReportMilestone,
  { t, locale }: PageContext,
): void {
  const noData = t('noData');
  const facts: [MessageKey, string][] = [
    ['myColStatus', milestoneStatusLabel(milestone.status)[locale]],
    ['myColPercent', formatPercent(milestone.progressPercent, locale, noData)],
    ['reportPlannedStart', milestone.plannedStart?.label ?? noData],
    ['myColPlannedEnd', milestone.plannedEnd?.label ?? noData],
    ['reportFieldActualStart', milestone.actualStart?.label ?? noData],
    ['reportFieldActualEnd', milestone.actualEnd?.label ?? noData],
    [
      'myColFlags',
      milestone.flags.length
        ? milestone.flags.map((flag) => MILESTONE_FLAG_LABELS[flag][locale]).join(', ')
        : t('myFlagsNone'),
    ],
    ['myColVerification', VERIFICATION_LABELS[milestone.verification][locale]],
    ['myColLastUpdate', milestone.lastUpdateOn ?? noData],
    ['reportVersion', String(milestone.version)],
  ];
  section.replaceChildren(
    h('h2', { id: 'state-heading' }, t('reportStateHeading')),
    h(
      'dl',
      { class: 'facts', 'data-version': milestone.version },
      ...facts.flatMap(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]),
    ),
  );
}

/** The latest update recorded, or that there is none yet. */
export function renderLatest(
  section: HTMLElement,
  update: StatusUpdate | null,
  context: PageContext,
): void {
  const { t } = context;
  section.replaceChildren(
    h('h2', { id: 'latest-heading' }, t('reportLatestHeading')),
    update ? updateFacts(update, context) : h('p', {}, t('reportLatestNone')),
  );
}

/** What came of the last submit; a conflict offers to send mine again on the current version, or discard it. */
export function renderOutcome(
  outcome: HTMLElement,
  result: Outcome,
  commitment: ReportCommitment,
  context: PageContext,
  actions: { apply(currentVersion: number): void; discard(): void },
): void {
  const { t, locale, href } = context;
  outcome.className = 'outcome';
  if (!result) {
    outcome.replaceChildren();
    outcome.removeAttribute('tabindex');
    outcome.removeAttribute('aria-labelledby');
    return;
  }
  outcome.setAttribute('tabindex', '-1');
  outcome.setAttribute('role', 'region');
  outcome.setAttribute('aria-labelledby', 'outcome-heading');
  if (result.kind === 'saved') {
    const { milestone, statusUpdate } = result.result;
    outcome.classList.add('saved');
    outcome.replaceChildren(
      h('h2', { id: 'outcome-heading' }, t('reportSavedHeading')),
      h(
        'p',
        { id: 'saved-summary', 'data-version': milestone.version },
        t('reportSavedSummary', {
          status: milestoneStatusLabel(milestone.status)[locale],
          percent: formatPercent(milestone.progressPercent, locale, t('noData')),
          date: statusUpdate.effectiveDate.label,
          version: milestone.version,
        }),
      ),
      h(
        'p',
        {},
        h(
          'a',
          { href: href(`/commitments/${encodeURIComponent(commitment.ogpId)}`) },
          t('reportSavedCommitmentLink', { commitment: commitment.ogpId }),
        ),
      ),
    );
    return;
  }
  const { details, readVersion } = result;
  const apply = h('button', { type: 'button', id: 'apply-mine' }, t('reportConflictApply'));
  const discard = h(
    'button',
    { type: 'button', class: 'secondary', id: 'discard-mine' },
    t('reportConflictDiscard'),
  );
  apply.addEventListener('click', () => actions.apply(details.currentVersion));
  discard.addEventListener('click', () => actions.discard());
  outcome.classList.add('conflict');
  outcome.replaceChildren(
    h('h2', { id: 'outcome-heading' }, t('reportConflictHeading')),
    h('p', {}, t('reportConflictIntro', { read: readVersion, current: details.currentVersion })),
    details.latestUpdate
      ? h(
          'div',
          { class: 'their-update' },
          h('h3', {}, t('reportConflictTheirs')),
          updateFacts(details.latestUpdate, context),
        )
      : h('p', {}, t('reportLatestNone')),
    h('p', {}, t('reportConflictChoose')),
    h('div', { class: 'form-actions' }, apply, discard),
  );
}

/** An update's facts: status, percent, date, note, links, who and when. */
function updateFacts(update: StatusUpdate, { t, locale }: PageContext): HTMLElement {
  const noData = t('noData');
  const note = noteText(update.note, locale, t);
  return h(
    'dl',
    { class: 'facts', 'data-sequence': update.sequence },
    h('dt', {}, t('myColStatus')),
    h('dd', { class: 'update-status' }, MILESTONE_STATUS_LABELS[update.status][locale]),
    h('dt', {}, t('myColPercent')),
    h('dd', { class: 'update-percent' }, formatPercent(update.progressPercent, locale, noData)),
    h('dt', {}, t('reportFieldEffectiveDate')),
    h('dd', {}, update.effectiveDate.label),
    h('dt', {}, t('reportFieldNote')),
    h('dd', { class: 'update-note' }, note ?? t('reportNoNote')),
    ...(update.evidence.length
      ? [
          h('dt', {}, t('reportFieldEvidence')),
          h(
            'dd',
            {},
            h(
              'ul',
              {},
              ...update.evidence.map((link) =>
                h('li', {}, h('a', { href: link.url, rel: 'noopener' }, link.title ?? link.url)),
              ),
            ),
          ),
        ]
      : []),
    h('dt', {}, t('reportFieldVisibility')),
    h('dd', {}, VISIBILITY_LABELS[update.visibility][locale]),
    h('dt', {}, t('reportRecordedBy')),
    h('dd', { class: 'update-by' }, update.recordedBy),
    h('dt', {}, t('reportRecordedAt')),
    h('dd', {}, formatDateTime(update.recordedAt, locale)),
  );
}

/** The note in the page's language, else the other one marked as such; null when there is none. */
function noteText(note: LocalizedText, locale: Locale, t: Translate): Node | null {
  return fallbackNode(note, locale, t);
}
