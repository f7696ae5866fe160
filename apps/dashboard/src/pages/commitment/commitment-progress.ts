import {
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  OGP_VALUE_LABELS,
  POTENTIAL_IMPACT_LABELS,
  SPECIFICITY_LABELS,
  STARRED_LABELS,
  commitmentHeadline,
} from '@ogp/common';
import type { AssessmentEntry, CommitmentDetail } from '../../api/public';
import type { PageContext } from '../../app/page';
import { formatDay, formatPartialDate } from '../../components/partial-date';
import { formulaAndRules, progressFigures } from '../../components/public-progress';
import {
  completionText,
  fact,
  hasText,
  localizedNode,
  percentText,
} from '../../components/public-ui';
import { dataTable, h } from '../../dom';

/** The computed progress beside the latest assessments, and a table comparing their completion. */
export function renderProgress(
  section: HTMLElement,
  c: CommitmentDetail,
  context: PageContext,
): void {
  const { locale, t } = context;
  const p = c.progress;
  const computed = h(
    'div',
    { class: 'panel', id: 'computed-progress' },
    h('h3', {}, t('pubComputedHeading')),
    progressFigures('commitment', p, context),
    ...formulaAndRules('progress', c.progressFormula, context),
  );
  const assessments = h(
    'div',
    { class: 'panel', id: 'assessments' },
    h('h3', {}, t('pubAssessmentsHeading')),
    ...(c.latestAssessments.length
      ? c.latestAssessments.map((a) => assessment(a, context))
      : [h('p', { class: 'no-data', id: 'no-assessment' }, t('pubNoAssessment'))]),
  );
  section.replaceChildren(
    h('h2', { id: 'progress-heading' }, t('pubProgressAndAssessment')),
    // Its level, the evidence-backed percent and how many milestones it rests on, before any detail.
    h('p', { class: 'summary headline', id: 'commitment-headline' }, commitmentHeadline(p, locale)),
    h(
      'div',
      { class: 'table-wrap' },
      dataTable(
        t('pubCompareCaption'),
        [
          { label: t('pubAssessedBy') },
          { label: t('pubCompletion') },
          { label: t('pubPercent'), numeric: true },
        ],
        [
          {
            key: 'computed',
            header: t('pubComputedRow', {
              date: context.asOf ? formatDay(context.asOf, locale) : t('pubToday'),
            }),
            cells: [
              { text: completionText(p.completion, locale), value: p.completion },
              { text: percentText(p.percent, locale, t), value: p.percent },
            ],
          },
          ...c.latestAssessments.map((a) => ({
            key: `${a.assessor}-${a.stage}`,
            header: `${ASSESSOR_LABELS[a.assessor][locale]}, ${ASSESSMENT_STAGE_LABELS[a.stage][locale]} (${formatPartialDate(a.assessedOn, locale)})`,
            cells: [
              {
                text: a.completion ? completionText(a.completion, locale) : t('pubNotAssessed'),
                value: a.completion,
              },
              { text: t('pubNotGiven') },
            ],
          })),
        ],
      ),
    ),
    h('div', { class: 'side-by-side' }, computed, assessments),
  );
  section.querySelector('table')?.setAttribute('id', 'completion-compare');
}

/** One assessment: what it rated (or that it did not), its source and note. */
function assessment(a: AssessmentEntry, { locale, t }: PageContext): HTMLElement {
  const notAssessed = t('pubNotAssessed');
  const label = <K extends string>(
    labels: Readonly<Record<K, { da: string; en: string }>>,
    value: K | null,
  ) => (value === null ? notAssessed : labels[value][locale]);
  const yesNo = (value: boolean | null) =>
    value === null ? notAssessed : value ? t('pubYes') : t('pubNo');
  return h(
    'article',
    { class: 'assessment', 'data-stage': a.stage, 'data-assessor': a.assessor },
    h(
      'h4',
      {},
      `${ASSESSMENT_STAGE_LABELS[a.stage][locale]}: ${ASSESSOR_LABELS[a.assessor][locale]}`,
    ),
    h(
      'dl',
      { class: 'facts' },
      ...fact(t('pubAssessedOn'), formatPartialDate(a.assessedOn, locale)),
      ...fact(
        t('pubCompletion'),
        a.completion ? completionText(a.completion, locale) : notAssessed,
      ),
      ...fact(t('pubDidItOpen'), label(DID_IT_OPEN_GOVERNMENT_LABELS, a.didItOpenGovernment)),
      ...fact(t('pubPotentialImpact'), label(POTENTIAL_IMPACT_LABELS, a.potentialImpact)),
      ...fact(t('pubVerifiable'), yesNo(a.verifiable)),
      ...fact(t('pubSpecificity'), label(SPECIFICITY_LABELS, a.specificity)),
      ...fact(
        t('pubRelevantValues'),
        a.relevantOgpValues === null
          ? notAssessed
          : a.relevantOgpValues.length
            ? a.relevantOgpValues.map((value) => OGP_VALUE_LABELS[value][locale]).join(', ')
            : t('pubNone'),
      ),
      ...fact(t('pubPotentiallyStarred'), yesNo(a.potentiallyStarred)),
      ...fact(t('pubStarred'), label(STARRED_LABELS, a.starred)),
      ...fact(t('pubSource'), h('a', { href: a.source.url }, a.source.title ?? a.source.url)),
    ),
    ...(hasText(a.note)
      ? [
          h(
            'details',
            {},
            h('summary', {}, t('pubAssessmentNote')),
            localizedNode(a.note, locale, t, 'p'),
          ),
        ]
      : []),
  );
}
