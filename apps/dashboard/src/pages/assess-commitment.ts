import {
  AssessmentStage,
  ASSESSMENT_STAGE_LABELS,
  Assessor,
  ASSESSOR_LABELS,
  Completion,
  COMPLETION_LABELS,
  DidItOpenGovernment,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  OgpValue,
  OGP_VALUE_LABELS,
  PotentialImpact,
  POTENTIAL_IMPACT_LABELS,
  Specificity,
  SPECIFICITY_LABELS,
  Starred,
  STARRED_LABELS,
  type Label,
  type Locale,
} from '@ogp/common';
import {
  assessCommitment,
  fetchCommitmentToAssess,
  type AssessInput,
  type AssessmentView,
  type CommitmentToAssess,
} from '../api/reviewer';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { h } from '../dom';
import { ChoiceField, FieldGroup, FormField, textAreaField, textField } from '../forms/field';
import { Busy } from '../forms/form';
import {
  choiceTarget,
  fieldTarget,
  FormProblems,
  groupTarget,
  type ProblemItem,
} from '../forms/form-problems';
import { FormSection } from '../forms/form-section';
import { formatPercent, type MessageKey, type Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { textIn, titleIn } from './review';

const STAGES = [AssessmentStage.DESIGN, AssessmentStage.MIDTERM, AssessmentStage.END_OF_TERM];
const ASSESSORS = [Assessor.IRM, Assessor.GOVERNMENT_SELF_ASSESSMENT];
const COMPLETIONS = [
  Completion.NO_EVIDENCE,
  Completion.NOT_STARTED,
  Completion.LIMITED,
  Completion.SUBSTANTIAL,
  Completion.COMPLETE,
];
const VALUES = [
  OgpValue.ACCESS_TO_INFORMATION,
  OgpValue.CIVIC_PARTICIPATION,
  OgpValue.PUBLIC_ACCOUNTABILITY,
  OgpValue.TECHNOLOGY_AND_INNOVATION,
];
const YES_NO = ['true', 'false'] as const;

/** A select whose first option is "not assessed" (the field is then left out of the input). */
class EnumSelect<V extends string> {
  readonly field: FormField<HTMLSelectElement>;
  constructor(
    id: string,
    private readonly values: readonly V[],
    private readonly labelOf: (value: V, locale: Locale) => string,
    private readonly labelKey: MessageKey,
  ) {
    this.field = new FormField(h('select', { name: id }), { id });
  }

  /** Options in the page's language; the choice is kept. */
  render(t: Translate, locale: Locale): void {
    const chosen = this.field.control.value;
    this.field.setLabel(t(this.labelKey));
    this.field.control.replaceChildren(
      h('option', { value: '' }, t('rvNotAssessedOption')),
      ...this.values.map((value) => h('option', { value }, this.labelOf(value, locale))),
    );
    this.field.control.value = chosen;
  }

  get value(): V | undefined {
    return (this.field.control.value || undefined) as V | undefined;
  }

  reset(): void {
    this.field.control.value = '';
  }
}

const labelled =
  <V extends string>(labels: Readonly<Record<V, Label>>) =>
  (value: V, locale: Locale) =>
    labels[value][locale];

/** A reviewer records an IRM (or government self-) assessment of a commitment. */
export class AssessCommitmentPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly context = h('p');
  private readonly computed = h('section', {
    id: 'assess-computed',
    'aria-labelledby': 'assess-computed-heading',
  });
  private readonly existing = h('section', {
    id: 'assess-existing',
    'aria-labelledby': 'assess-existing-heading',
  });
  private readonly success = h('p', { class: 'ra-success', id: 'assess-success', role: 'status' });
  private readonly section = new FormSection(
    {
      section: 'assess',
      heading: 'assess-form-heading',
      summary: 'assess-errors',
      form: 'assess-form',
    },
    () => this.send(),
    { between: [this.success] },
  );
  private readonly stage = new ChoiceField<AssessmentStage>('assess-stage', STAGES);
  private readonly assessor = new ChoiceField<Assessor>('assess-assessor', ASSESSORS);
  private readonly assessedOn = textField('assess-date', { autocomplete: 'off' });
  private readonly sourceUrl = textField('assess-source-url', { type: 'url' });
  private readonly sourceTitle = textField('assess-source-title');
  private readonly completion = new EnumSelect(
    'assess-completion',
    COMPLETIONS,
    labelled(COMPLETION_LABELS),
    'rvCompletionField',
  );
  private readonly verifiable = new EnumSelect(
    'assess-verifiable',
    YES_NO,
    (value, locale) => STARRED_LABELS[value === 'true' ? Starred.YES : Starred.NO][locale],
    'rvVerifiableField',
  );
  private readonly specificity = new EnumSelect(
    'assess-specificity',
    [Specificity.NONE, Specificity.LOW, Specificity.MEDIUM, Specificity.HIGH],
    labelled(SPECIFICITY_LABELS),
    'rvSpecificityField',
  );
  private readonly potentialImpact = new EnumSelect(
    'assess-impact',
    [
      PotentialImpact.NONE,
      PotentialImpact.MINOR,
      PotentialImpact.MODERATE,
      PotentialImpact.TRANSFORMATIVE,
    ],
    labelled(POTENTIAL_IMPACT_LABELS),
    'rvImpactField',
  );
  private readonly diog = new EnumSelect(
    'assess-diog',
    [
      DidItOpenGovernment.WORSENED,
      DidItOpenGovernment.DID_NOT_CHANGE,
      DidItOpenGovernment.MARGINAL,
      DidItOpenGovernment.MAJOR,
      DidItOpenGovernment.OUTSTANDING,
    ],
    labelled(DID_IT_OPEN_GOVERNMENT_LABELS),
    'rvDiogField',
  );
  private readonly starred = new EnumSelect(
    'assess-starred',
    [Starred.YES, Starred.NO, Starred.PENDING],
    labelled(STARRED_LABELS),
    'rvStarredField',
  );
  private readonly potentiallyStarred = new EnumSelect(
    'assess-potentially-starred',
    YES_NO,
    (value, locale) => STARRED_LABELS[value === 'true' ? Starred.YES : Starred.NO][locale],
    'rvPotentiallyStarredField',
  );
  private readonly values = new FieldGroup('assess-values');
  private readonly valueBoxes = new Map<OgpValue | 'NONE', [HTMLInputElement, HTMLLabelElement]>();
  private readonly noteDa = textAreaField('assess-note-da', { lang: 'da' });
  private readonly noteEn = textAreaField('assess-note-en', { lang: 'en' });
  private readonly back = h('a');
  private readonly selects = [
    this.completion,
    this.verifiable,
    this.specificity,
    this.potentialImpact,
    this.diog,
    this.starred,
    this.potentiallyStarred,
  ];
  // Where each field of AssessCommitmentInput is shown (for placing the form's and the API's problems).
  private readonly problems = new FormProblems(this.section.summary, {
    stage: choiceTarget(this.stage),
    assessor: choiceTarget(this.assessor),
    assessedOn: fieldTarget(this.assessedOn),
    'source.url': fieldTarget(this.sourceUrl),
    'source.title': fieldTarget(this.sourceTitle),
    completion: fieldTarget(this.completion.field),
    verifiable: fieldTarget(this.verifiable.field),
    specificity: fieldTarget(this.specificity.field),
    relevantOgpValues: groupTarget(
      this.values,
      () => this.valueBoxes.get(OgpValue.ACCESS_TO_INFORMATION)![0].id,
    ),
    potentialImpact: fieldTarget(this.potentialImpact.field),
    didItOpenGovernment: fieldTarget(this.diog.field),
    starred: fieldTarget(this.starred.field),
    potentiallyStarred: fieldTarget(this.potentiallyStarred.field),
    'note.da': fieldTarget(this.noteDa),
    'note.en': fieldTarget(this.noteEn),
    // A note or source missing as a whole: shown at its first box (after the keys these prefixes take).
    note: fieldTarget(this.noteDa),
    source: fieldTarget(this.sourceUrl),
  });
  private ctx: PageContext | null = null;
  private readonly busy = new Busy();

  constructor() {
    for (const value of [...VALUES, 'NONE' as const]) {
      const input = h('input', {
        type: 'checkbox',
        name: 'relevantOgpValues',
        value,
        id: `assess-value-${value}`,
      });
      const label = h('label', { for: input.id });
      this.valueBoxes.set(value, [input, label]);
      this.values.body.append(h('div', { class: 'choice' }, input, label));
    }
    this.section.fill(
      [
        this.stage.element,
        this.assessor.element,
        this.assessedOn.element,
        h('div', { class: 'ra-pair' }, this.sourceUrl.element, this.sourceTitle.element),
        this.completion.field.element,
        h(
          'div',
          { class: 'ra-grid' },
          this.verifiable.field.element,
          this.specificity.field.element,
          this.potentialImpact.field.element,
          this.diog.field.element,
          this.starred.field.element,
          this.potentiallyStarred.field.element,
        ),
        this.values.element,
        h('div', { class: 'ra-pair' }, this.noteDa.element, this.noteEn.element),
      ],
      this.back,
    );
    this.element = h(
      'div',
      { class: 'assess' },
      this.heading,
      this.context,
      h(
        'div',
        { class: 'ra-columns' },
        this.section.element,
        h('div', { class: 'ra-beside' }, this.computed, this.existing),
      ),
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal, params } = context;
    const commitment = await fetchCommitmentToAssess(params.ogpId, signal);
    if (signal.aborted) return { title: '' };
    const name = `${commitment.ogpId} ${titleIn(commitment.title, locale)}`;
    this.heading.textContent = t('rvAssessTitle', { commitment: commitment.ogpId });
    this.context.replaceChildren(
      `${t('rvCommitment')}: `,
      h('a', { href: context.href(`/commitments/${encodeURIComponent(commitment.ogpId)}`) }, name),
    );
    this.renderLabels(t, locale);
    this.back.href = context.href('/review', { plan: commitment.actionPlan.slug });
    this.renderBeside(commitment, locale, t);
    return { title: t('rvAssessTitle', { commitment: commitment.ogpId }) };
  }

  private renderLabels(t: Translate, locale: Locale): void {
    this.section.heading.textContent = t('rvNewAssessment');
    this.stage
      .setLegend(t('rvStageField'))
      .setLabels((value) => ASSESSMENT_STAGE_LABELS[value][locale]);
    this.assessor
      .setLegend(t('rvAssessorField'))
      .setLabels((value) => ASSESSOR_LABELS[value][locale]);
    this.assessedOn.setLabel(t('rvAssessedOnField')).setHint(t('rvAssessedOnHint'));
    this.sourceUrl.setLabel(t('rvSourceUrlField')).setHint(t('rvSourceUrlHint'));
    this.sourceTitle.setLabel(t('rvSourceTitleField'));
    for (const select of this.selects) select.render(t, locale);
    this.completion.field.setHint(t('rvCompletionHint'));
    this.values.setLegend(t('rvValuesField')).setHint(t('rvValuesHint'));
    for (const [value, [, label]] of this.valueBoxes) {
      label.textContent = value === 'NONE' ? t('rvValuesNone') : OGP_VALUE_LABELS[value][locale];
    }
    this.noteDa.setLabel(t('rvNoteDa'));
    this.noteEn.setLabel(t('rvNoteEn'));
    this.section.submit.textContent = t('rvRecordAssessment');
    this.back.textContent = t('rvBackToReview');
  }

  private renderBeside(commitment: CommitmentToAssess, locale: Locale, t: Translate): void {
    const { progress } = commitment;
    const pct = (value: number | null) => formatPercent(value, locale, t('noData'));
    this.computed.replaceChildren(
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
    this.existing.replaceChildren(
      h('h2', { id: 'assess-existing-heading' }, t('rvExistingHeading')),
      h('p', { class: 'summary' }, t('rvExistingSummary', { count: rows.length })),
      rows.length
        ? h(
            'ol',
            { class: 'ra-assessments' },
            ...rows.map((assessment) => this.card(assessment, locale, t)),
          )
        : h('p', {}, t('rvNoAssessments')),
    );
  }

  /** One assessment: what it rated (only what was assessed), its source and note. */
  private card(assessment: AssessmentView, locale: Locale, t: Translate): HTMLLIElement {
    const yesNo = (value: boolean) => STARRED_LABELS[value ? Starred.YES : Starred.NO][locale];
    const rated: [string, string | null][] = [
      [
        t('rvCompletionField'),
        assessment.completion
          ? COMPLETION_LABELS[assessment.completion][locale]
          : t('rvCompletionNotRated'),
      ],
      [
        t('rvVerifiableField'),
        assessment.verifiable === null ? null : yesNo(assessment.verifiable),
      ],
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

  /** The input as the form holds it, or the problems the form can see before asking the API. */
  private read(t: Translate): { input: AssessInput | null; problems: ProblemItem[] } {
    const problems: ProblemItem[] = [];
    const stage = this.stage.value;
    const assessor = this.assessor.value;
    if (!stage) problems.push({ key: 'stage', text: t('rvChooseStage') });
    if (!assessor) problems.push({ key: 'assessor', text: t('rvChooseAssessor') });
    const checked = [...this.valueBoxes]
      .filter(([, [input]]) => input.checked)
      .map(([value]) => value);
    if (checked.includes('NONE') && checked.length > 1)
      problems.push({ key: 'relevantOgpValues', text: t('rvValuesConflict') });
    if (problems.length || !stage || !assessor) return { input: null, problems };
    const da = this.noteDa.control.value.trim() || null;
    const en = this.noteEn.control.value.trim() || null;
    const bool = (value: string | undefined) =>
      value === undefined ? undefined : value === 'true';
    const input: AssessInput = {
      commitmentOgpId: this.ctx!.params.ogpId,
      stage,
      assessor,
      // The API checks the date and the address (and says what is wrong next to the field).
      assessedOn: this.assessedOn.control.value.trim(),
      source: {
        url: this.sourceUrl.control.value.trim(),
        title: this.sourceTitle.control.value.trim() || null,
      },
      completion: this.completion.value,
      verifiable: bool(this.verifiable.value),
      specificity: this.specificity.value,
      relevantOgpValues: checked.length
        ? checked.filter((value): value is OgpValue => value !== 'NONE')
        : undefined,
      potentialImpact: this.potentialImpact.value,
      didItOpenGovernment: this.diog.value,
      starred: this.starred.value,
      potentiallyStarred: bool(this.potentiallyStarred.value),
      note: da || en ? { da, en } : undefined,
    };
    return { input, problems };
  }

  private async send(): Promise<void> {
    const context = this.ctx;
    if (!context) return;
    const { t } = context;
    await this.busy.run(this.section.submit, async () => {
      this.problems.clear();
      this.success.textContent = '';
      const { input, problems } = this.read(t);
      if (!input) {
        this.problems.show(t('rvErrorSummary'), problems);
        return;
      }
      try {
        const saved = await assessCommitment(input);
        const message = t('rvAssessmentRecorded', {
          stage: ASSESSMENT_STAGE_LABELS[saved.stage][context.locale],
        });
        this.section.form.reset();
        // The saved assessment beside the form first, then the message. A failed re-read does not undo the save.
        await fetchCommitmentToAssess(context.params.ogpId, new AbortController().signal).then(
          (fresh) => this.renderBeside(fresh, context.locale, t),
          () => undefined,
        );
        this.success.textContent = message;
      } catch (error) {
        this.problems.showError(error, context);
      }
    });
  }

  destroy(): void {
    this.element.remove();
  }
}
