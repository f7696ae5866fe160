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
import type { AssessInput } from '../../api/reviewer';
import { h } from '../../dom';
import { ChoiceField, FieldGroup, FormField, textAreaField, textField } from '../../forms/field';
import {
  choiceTarget,
  fieldTarget,
  FormProblems,
  groupTarget,
  type ProblemItem,
} from '../../forms/form-problems';
import { FormSection } from '../../forms/form-section';
import type { MessageKey, Translate } from '../../i18n';

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

/** A yes/no select, its options worded as the starred labels' yes and no. */
const yesNoSelect = (id: string, labelKey: MessageKey) =>
  new EnumSelect(
    id,
    YES_NO,
    (value, locale) => STARRED_LABELS[value === 'true' ? Starred.YES : Starred.NO][locale],
    labelKey,
  );

/** The new-assessment form: its fields, where their problems show, and the input they make. */
export class AssessmentForm {
  readonly success = h('p', { class: 'ra-success', id: 'assess-success', role: 'status' });
  readonly section = new FormSection(
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
  private readonly verifiable = yesNoSelect('assess-verifiable', 'rvVerifiableField');
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
  private readonly potentiallyStarred = yesNoSelect(
    'assess-potentially-starred',
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
  readonly problems = new FormProblems(this.section.summary, {
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

  constructor(private readonly send: () => Promise<void>) {
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
  }

  /** Labels and options in the page's language; `backHref` is the review list the form returns to. */
  render(t: Translate, locale: Locale, backHref: string): void {
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
    this.back.href = backHref;
  }

  /** The input as the form holds it, or the problems the form can see before asking the API. */
  read(t: Translate, ogpId: string): { input: AssessInput | null; problems: ProblemItem[] } {
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
      commitmentOgpId: ogpId,
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
}
