import {
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  COMPLETION_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  OGP_VALUE_LABELS,
  POTENTIAL_IMPACT_LABELS,
  SPECIFICITY_LABELS,
  Starred,
  STARRED_LABELS,
  type Locale,
} from '@ogp/common';
import type { AssessmentView, CommitmentToAssess } from '../../api/reviewer';
import { h } from '../../dom';
import { formatPercent, type Translate } from '../../i18n';
import { textIn } from '../../components/review-ui';

/** Beside the form: the computed progress and the assessments recorded so far. */
export function renderBeside(
  sections: { computed: HTMLElement; existing: HTMLElement },
  commitment: CommitmentToAssess,
  locale: Locale,
  t: Translate,
): void {
  const { progress } = commitment;
  const pct = (value: number | null) => formatPercent(value, locale, t('noData'));
  sections.computed.replaceChildren(
    h('h2', { id: 'assess-computed-heading' }, t('rvComputedHeading')),
    h(
      'dl',
      { class: 'ra-details' },
      h('dt', {}, t('rvComputedCompletion')),
      h(
        'dd',
        { id: 'assess-computed-completion', 'data-value': progress.completion },
        COMPLETION_LABELS[progress.completion][locale],
      ),
      h('dt', {}, t('rvPercent')),
      h('dd', { 'data-value': progress.percent ?? '' }, pct(progress.percent)),
      h('dt', {}, t('rvCoverage')),
      h('dd', {}, pct(progress.coverage === null ? null : progress.coverage * 100)),
    ),
  );
  // The latest report first (the API lists them by report date, oldest first).
  const rows = [...commitment.assessments].reverse();
  sections.existing.replaceChildren(
    h('h2', { id: 'assess-existing-heading' }, t('rvExistingHeading')),
    h('p', { class: 'summary' }, t('rvExistingSummary', { count: rows.length })),
    rows.length
      ? h(
          'ol',
          { class: 'ra-assessments' },
          ...rows.map((assessment) => card(assessment, locale, t)),
        )
      : h('p', {}, t('rvNoAssessments')),
  );
}

/** One assessment: what it rated (only what was assessed), its source and note. */
function card(assessment: AssessmentView, locale: Locale, t: Translate): HTMLLIElement {
  const yesNo = (value: boolean) => STARRED_LABELS[value ? Starred.YES : Starred.NO][locale];
  const rated: [string, string | null][] = [
    [
      t('rvCompletionField'),
      assessment.completion
        ? COMPLETION_LABELS[assessment.completion][locale]
        : t('rvCompletionNotRated'),
    ],
    [t('rvVerifiableField'), assessment.verifiable === null ? null : yesNo(assessment.verifiable)],
    [
      t('rvSpecificityField'),
      assessment.specificity ? SPECIFICITY_LABELS[assessment.specificity][locale] : null,
    ],
    [
      t('rvValuesField'),
      assessment.relevantOgpValues === null
        ? null
        : assessment.relevantOgpValues.length
          ? assessment.relevantOgpValues.map((v) => OGP_VALUE_LABELS[v][locale]).join(', ')
          : t('rvValuesNone'),
    ],
    [
      t('rvImpactField'),
      assessment.potentialImpact
        ? POTENTIAL_IMPACT_LABELS[assessment.potentialImpact][locale]
        : null,
    ],
    [
      t('rvDiogField'),
      assessment.didItOpenGovernment
        ? DID_IT_OPEN_GOVERNMENT_LABELS[assessment.didItOpenGovernment][locale]
        : null,
    ],
    [t('rvStarredField'), assessment.starred ? STARRED_LABELS[assessment.starred][locale] : null],
    [
      t('rvPotentiallyStarredField'),
      assessment.potentiallyStarred === null ? null : yesNo(assessment.potentiallyStarred),
    ],
  ];
  const note = textIn(assessment.note, locale, t);
  return h(
    'li',
    { class: 'ra-assessment', 'data-key': assessment.id },
    h(
      'h3',
      {},
      t('rvAssessmentHeading', {
        stage: ASSESSMENT_STAGE_LABELS[assessment.stage][locale],
        date: assessment.assessedOn.label,
      }),
    ),
    h('p', {}, ASSESSOR_LABELS[assessment.assessor][locale]),
    h(
      'dl',
      { class: 'ra-details' },
      ...rated
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
      h('dt', {}, t('rvSource')),
      h(
        'dd',
        {},
        h(
          'a',
          { href: assessment.source.url, rel: 'noopener' },
          assessment.source.title || assessment.source.url,
        ),
      ),
    ),
    note ? h('details', {}, h('summary', {}, t('rvNote')), h('p', {}, note)) : null,
  );
}
