import {
  fetchPlanAgencies,
  postProgressFile,
  progressFileType,
  progressTemplateHref,
  type ImportAgency,
  type ImportPlan,
  type ProgressImportResult,
} from '../../api/imports';
import type { PageContext } from '../../app/page';
import { fallbackString } from '../../components/fallback-text';
import { h } from '../../dom';
import { FormField } from '../../forms/field';
import { fieldTarget, FormProblems } from '../../forms/form-problems';
import { FormSection } from '../../forms/form-section';
import type { MessageKey } from '../../i18n';
import { failureText, ImportOutcome, problemNode, problemTable, whileBusy } from './import-view';

/** The last answer, kept so a change of language says it again. */
type Shown =
  | { kind: 'result'; result: ProgressImportResult; dryRun: boolean }
  | { kind: 'failed'; error: unknown; dryRun: boolean }
  | null;

/** Part two of the import screen: many milestones' progress at once, from the plan's template filled in. */
export class ProgressPart {
  readonly section = new FormSection(
    {
      section: 'progress-import',
      heading: 'progress-import-heading',
      summary: 'progress-import-errors',
      form: 'progress-import-form',
    },
    () => this.check(),
  );
  private readonly intro = h('p', { class: 'summary' });
  private readonly plan = new FormField(h('select', { name: 'progress-plan' }), {
    id: 'progress-plan',
  });
  private readonly agency = new FormField(h('select', { name: 'progress-agency' }), {
    id: 'progress-agency',
  });
  private readonly template = h('a', { id: 'progress-template-link', download: '' });
  private readonly file = new FormField(
    h('input', {
      type: 'file',
      name: 'progress-file',
      accept: `.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`,
    }),
    { id: 'progress-file' },
  );
  private readonly problems = new FormProblems(this.section.summary, {
    plan: fieldTarget(this.plan),
    file: fieldTarget(this.file),
  });
  private readonly applyButton = h('button', {
    type: 'button',
    id: 'progress-import-apply',
    hidden: true,
  });
  private readonly outcome = new ImportOutcome('progress-import-outcome');
  private plans: ImportPlan[] = [];
  private agencies: ImportAgency[] = [];
  private agenciesOf: string | null = null;
  /** What a dry run found applicable: the Apply button sends it. */
  private checked: { slug: string; file: File; type: string } | null = null;
  private shown: Shown = null;
  private context: PageContext | null = null;

  constructor() {
    this.section.fill(
      [
        this.plan.element,
        this.agency.element,
        h('p', { class: 'import-template' }, this.template),
        this.file.element,
      ],
      this.applyButton,
    );
    this.section.form.before(this.intro);
    this.section.element.append(...this.outcome.elements());
    this.plan.control.addEventListener('change', () => {
      this.forget();
      void this.loadAgencies();
    });
    this.agency.control.addEventListener('change', () => this.updateTemplate());
    this.file.control.addEventListener('change', () => this.forget());
    this.applyButton.addEventListener('click', () => void this.apply());
  }

  get element(): HTMLElement {
    return this.section.element;
  }

  /** The plans to choose from (the first chosen until another is). */
  async load(plans: ImportPlan[], signal: AbortSignal): Promise<void> {
    this.plans = plans;
    const slug = this.plan.control.value || plans[0]?.slug || '';
    if (slug && slug !== this.agenciesOf) {
      this.agencies = await fetchPlanAgencies(slug, signal);
      this.agenciesOf = slug;
    }
  }

  render(context: PageContext): void {
    const { t, locale } = context;
    this.context = context;
    this.section.heading.textContent = t('impProgressHeading');
    this.intro.textContent = t('impProgressIntro');
    this.plan.setLabel(t('impProgressPlan'));
    const plan = this.plan.control.value || this.agenciesOf || '';
    this.plan.control.replaceChildren(
      ...this.plans.map((p) => h('option', { value: p.slug }, fallbackString(p.title, locale, t))),
    );
    this.plan.control.value = plan;
    this.agency.setLabel(t('impProgressAgency')).setHint(t('impProgressAgencyHint'));
    this.renderAgencies();
    this.file.setLabel(t('impProgressFile')).setHint(t('impProgressFileHint'));
    this.section.submit.textContent = t('impCheck');
    this.section.submit.id = 'progress-import-check';
    this.applyButton.textContent = t('impApply');
    this.updateTemplate();
    this.show(false);
  }

  private renderAgencies(): void {
    const { t, locale } = this.context!;
    const chosen = this.agency.control.value;
    this.agency.control.replaceChildren(
      h('option', { value: '' }, t('impAllAgencies')),
      ...this.agencies.map((a) => h('option', { value: a.id }, fallbackString(a.name, locale, t))),
    );
    this.agency.control.value = this.agencies.some((a) => a.id === chosen) ? chosen : '';
  }

  private async loadAgencies(): Promise<void> {
    const slug = this.plan.control.value;
    this.updateTemplate();
    try {
      this.agencies = await fetchPlanAgencies(slug);
      this.agenciesOf = slug;
    } catch {
      this.agencies = [];
    }
    if (this.plan.control.value !== slug) return;
    this.renderAgencies();
    this.updateTemplate();
  }

  private updateTemplate(): void {
    const context = this.context;
    if (!context) return;
    const slug = this.plan.control.value;
    this.template.hidden = !slug;
    this.template.href = slug
      ? progressTemplateHref(slug, this.agency.control.value || null, context.locale)
      : '';
    this.template.textContent = context.t('impTemplateLink');
  }

  /** A new plan or file: what was said of the last one no longer holds. */
  private forget(): void {
    this.checked = null;
    this.applyButton.hidden = true;
    this.problems.clear();
    this.shown = null;
    this.outcome.clear();
  }

  private async check(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const { t } = context;
    this.problems.clear();
    const slug = this.plan.control.value;
    const file = this.file.control.files?.[0] ?? null;
    const type = file ? progressFileType(file.name) : null;
    const items = [
      ...(slug ? [] : [{ key: 'plan', text: t('impChoosePlan') }]),
      ...(!file
        ? [{ key: 'file', text: t('impChooseFile') }]
        : !type
          ? [{ key: 'file', text: t('impWrongFileKind') }]
          : []),
    ];
    if (items.length || !file || !type) {
      this.problems.show(t('rvErrorSummary'), items);
      return;
    }
    await this.send({ slug, file, type }, true, this.section.submit);
  }

  private async apply(): Promise<void> {
    if (!this.checked || !this.context) return;
    await this.send(this.checked, false, this.applyButton);
  }

  private async send(
    chosen: { slug: string; file: File; type: string },
    dryRun: boolean,
    button: HTMLButtonElement,
  ): Promise<void> {
    const t = this.context!.t;
    const message = t(dryRun ? 'impChecking' : 'impApplying');
    await whileBusy(this.section.element, button, this.outcome, message, async () => {
      try {
        const { result } = await postProgressFile(chosen.slug, chosen.file, chosen.type, dryRun);
        this.shown = { kind: 'result', result, dryRun };
        this.checked = result.ok && dryRun && result.rows > 0 ? chosen : null;
      } catch (error) {
        this.shown = { kind: 'failed', error, dryRun };
        this.checked = null;
      }
      this.show(true);
    });
  }

  /** The last answer in the page's language; `focus` right after it came. */
  private show(focus: boolean): void {
    const { t, locale } = this.context!;
    const shown = this.shown;
    this.applyButton.hidden = !this.checked;
    if (!shown) return;
    if (shown.kind === 'failed') {
      this.outcome.failed(
        t(shown.dryRun ? 'impCheckFailed' : 'impApplyFailed', {
          message: failureText(shown.error, locale),
        }),
      );
    } else if (shown.result.ok) {
      const { result } = shown;
      const key: MessageKey = shown.dryRun ? 'impProgressCheckedOk' : 'impProgressApplied';
      const skipped = result.skipped ?? 0;
      this.outcome.succeeded(
        [
          result.notice
            ? problemNode(result.notice, locale).textContent
            : t(key, { rows: result.rows, applied: result.applied }),
          skipped > 0 ? t('impProgressSkipped', { skipped }) : '',
        ]
          .join(' ')
          .trim(),
      );
    } else {
      const { problems, conflicts, rows } = shown.result;
      const count = problems.length + conflicts.length;
      this.outcome.failed(
        t(shown.dryRun ? 'impProgressRefusedDryRun' : 'impProgressRefused', { count, rows }),
        t('impProblemsHeading', { count }),
        ...(problems.length
          ? [
              problemTable(
                t('impRowProblemsCaption'),
                [
                  { label: t('impColumnRow') },
                  { label: t('impColumnColumn') },
                  { label: t('impColumnProblem') },
                ],
                problems.map((problem, index) => ({
                  key: `${index}`,
                  header: String(problem.row),
                  cells: [problem.column ?? '–', problemNode(problem, locale)],
                })),
              ),
            ]
          : []),
        ...(conflicts.length
          ? [
              h('p', {}, t('impConflictsIntro')),
              problemTable(
                t('impConflictsCaption'),
                [
                  { label: t('impColumnRow') },
                  { label: t('impColumnMilestone') },
                  { label: t('impColumnExpected'), numeric: true },
                  { label: t('impColumnCurrent'), numeric: true },
                ],
                conflicts.map((conflict) => ({
                  key: `${conflict.row}-${conflict.milestoneId}`,
                  header: String(conflict.row),
                  cells: [
                    `${conflict.ogpId} ${t('impMilestoneNumber', { number: String(conflict.milestoneNumber) })}`,
                    String(conflict.expectedVersion),
                    String(conflict.currentVersion),
                  ],
                })),
              ),
            ]
          : []),
      );
    }
    if (focus) this.outcome.focus();
  }
}
