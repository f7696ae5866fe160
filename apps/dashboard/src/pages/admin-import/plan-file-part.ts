import {
  postPlanFile,
  type ImportAnswer,
  type PlanImportResult,
  type PlanImportSummary,
} from '../../api/imports';
import type { PageContext } from '../../app/page';
import { h } from '../../dom';
import { FormField } from '../../forms/field';
import { fieldTarget, FormProblems } from '../../forms/form-problems';
import { FormSection } from '../../forms/form-section';
import {
  failureText,
  figureList,
  ImportOutcome,
  problemNode,
  problemTable,
  whileBusy,
} from './import-view';

/** The last answer, kept so a change of language says it again. */
type Shown =
  | { kind: 'checked' | 'refused'; result: PlanImportResult; dryRun: boolean }
  | { kind: 'imported'; summary: PlanImportSummary }
  | { kind: 'failed'; error: unknown; dryRun: boolean }
  | null;

/** Part one of the import screen: a plan file, checked first (dry run), then imported. */
export class PlanFilePart {
  readonly section = new FormSection(
    {
      section: 'plan-import',
      heading: 'plan-import-heading',
      summary: 'plan-import-errors',
      form: 'plan-import-form',
    },
    () => this.check(),
  );
  private readonly intro = h('p', { class: 'summary' });
  private readonly schema = h('a', { href: '/api/schema/plan.json', id: 'plan-schema-link' });
  private readonly file = new FormField(
    h('input', { type: 'file', name: 'plan-file', accept: '.json,application/json' }),
    { id: 'plan-file' },
  );
  private readonly problems = new FormProblems(this.section.summary, {
    file: fieldTarget(this.file),
  });
  private readonly importButton = h('button', {
    type: 'button',
    id: 'plan-import-apply',
    hidden: true,
  });
  private readonly outcome = new ImportOutcome('plan-import-outcome');
  /** The file a dry run found importable (the Import button sends it). */
  private checked: File | null = null;
  private shown: Shown = null;
  private context: PageContext | null = null;

  constructor() {
    this.section.fill([this.file.element], this.importButton);
    this.section.form.before(this.intro);
    this.section.element.append(...this.outcome.elements());
    // Another file: what was said of the last one no longer holds.
    this.file.control.addEventListener('change', () => {
      this.checked = null;
      this.importButton.hidden = true;
      this.problems.clear();
      this.shown = null;
      this.outcome.clear();
    });
    this.importButton.addEventListener('click', () => void this.import());
  }

  get element(): HTMLElement {
    return this.section.element;
  }

  render(context: PageContext): void {
    const { t } = context;
    this.context = context;
    this.section.heading.textContent = t('impPlanHeading');
    this.intro.replaceChildren(t('impPlanIntro'), ' ', this.schema);
    this.schema.textContent = t('impPlanSchema');
    this.file.setLabel(t('impPlanFile')).setHint(t('impPlanFileHint'));
    if (this.file.hasError) this.file.setError(t('impChooseFile'));
    this.section.submit.textContent = t('impCheck');
    this.section.submit.id = 'plan-import-check';
    this.importButton.textContent = t('impImport');
    this.show(false);
  }

  private chosen(): File | null {
    return this.file.control.files?.[0] ?? null;
  }

  private async check(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const file = this.chosen();
    this.problems.clear();
    if (!file) {
      this.problems.show(context.t('rvErrorSummary'), [
        { key: 'file', text: context.t('impChooseFile') },
      ]);
      return;
    }
    await this.send(file, true, this.section.submit);
  }

  private async import(): Promise<void> {
    const file = this.checked;
    if (!file || !this.context) return;
    await this.send(file, false, this.importButton);
  }

  private async send(file: File, dryRun: boolean, button: HTMLButtonElement): Promise<void> {
    const t = this.context!.t;
    const section = this.section.element;
    await whileBusy(
      section,
      button,
      this.outcome,
      t(dryRun ? 'impChecking' : 'impImporting'),
      async () => {
        let answer: ImportAnswer<PlanImportResult>;
        try {
          answer = await postPlanFile(await file.text(), dryRun);
        } catch (error) {
          this.shown = { kind: 'failed', error, dryRun };
          this.checked = null;
          this.show(true);
          return;
        }
        const { result } = answer;
        if (!dryRun && result.ok && result.summary) {
          this.shown = { kind: 'imported', summary: result.summary };
          this.checked = null;
        } else {
          this.shown = { kind: result.ok ? 'checked' : 'refused', result, dryRun };
          this.checked = result.ok && dryRun ? file : null;
        }
        this.show(true);
      },
    );
  }

  /** The last answer in the page's language; `focus` right after it came. */
  private show(focus: boolean): void {
    const context = this.context!;
    const { t, locale, href } = context;
    const shown = this.shown;
    this.importButton.hidden = !this.checked;
    if (!shown) return;
    if (shown.kind === 'failed') {
      this.outcome.failed(
        t(shown.dryRun ? 'impCheckFailed' : 'impImportFailed', {
          message: failureText(shown.error, locale),
        }),
      );
    } else if (shown.kind === 'imported') {
      const { summary } = shown;
      this.outcome.succeeded(
        t('impPlanImported', { slug: summary.slug }),
        t('impPlanImportedHeading'),
        this.figures(summary),
        h(
          'p',
          {},
          h(
            'a',
            { href: href(`/plans/${encodeURIComponent(summary.slug)}`), id: 'imported-plan-link' },
            t('impOpenPlan', { slug: summary.slug }),
          ),
        ),
      );
    } else if (shown.kind === 'checked') {
      const summary = shown.result.summary;
      this.outcome.succeeded(
        t(shown.dryRun ? 'impPlanCheckedOk' : 'impPlanImported', { slug: summary?.slug ?? '' }),
        t('impPlanSummaryHeading'),
        ...(summary ? [this.figures(summary)] : []),
        h('p', {}, t('impPlanNextStep')),
      );
    } else {
      const problems = shown.result.problems;
      this.outcome.failed(
        t(shown.dryRun ? 'impPlanRefusedDryRun' : 'impPlanRefused', { count: problems.length }),
        t('impProblemsHeading', { count: problems.length }),
        problemTable(
          t('impProblemsCaption'),
          [{ label: t('impColumnPath') }, { label: t('impColumnProblem') }],
          problems.map((problem, index) => ({
            key: `${index}`,
            header: h('code', {}, problem.path || '/'),
            cells: [problemNode(problem, locale)],
          })),
        ),
      );
    }
    if (focus) this.outcome.focus();
  }

  private figures(summary: PlanImportSummary): HTMLElement {
    const t = this.context!.t;
    return figureList([
      [t('impPlanSlug'), summary.slug],
      [t('impThemes'), summary.themes],
      [t('impCommitments'), summary.commitments],
      [t('impMilestones'), summary.milestones],
      [t('impStatusUpdates'), summary.statusUpdates],
      [t('impAssessments'), summary.assessments],
      [t('impAgenciesCreated'), summary.agenciesCreated],
    ]);
  }
}
