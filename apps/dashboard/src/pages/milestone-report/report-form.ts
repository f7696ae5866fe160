import {
  ALLOWED_TRANSITIONS,
  MILESTONE_STATUS_LABELS,
  MilestoneStatus,
  VISIBILITY_LABELS,
  Visibility,
} from '@ogp/common';
import { utcToday, type ReportMilestone } from '../../api/coordinator/milestone-report';
import type { ReportDraft } from '../../api/coordinator/report-input';
import type { PageContext } from '../../app/page';
import { h } from '../../dom';
import { ErrorSummary, type SummaryItem } from '../../forms/error-summary';
import { ChoiceField, FieldGroup, textAreaField, textField } from '../../forms/field';
import { labelledForm, onSubmit } from '../../forms/form';
import { countedHeading } from '../../forms/form-problems';
import { EvidenceRow } from './evidence-row';
import type { PlacedProblem } from './report-problems';

const STATUSES: readonly MilestoneStatus[] = [
  MilestoneStatus.NOT_STARTED,
  MilestoneStatus.IN_PROGRESS,
  MilestoneStatus.COMPLETED,
  MilestoneStatus.CANCELLED,
];
const VISIBILITIES: readonly Visibility[] = [Visibility.PUBLIC, Visibility.INTERNAL];

/** What the form reads from its page: the page's context and the milestone as last read or saved. */
export interface ReportFormHost {
  context(): PageContext | null;
  milestone(): ReportMilestone | null;
}

/**
 * The progress report form's state: its fields and evidence rows, the version it builds on, and the problems
 * placed on its fields (shown next to them and in the summary above the page).
 */
export class ReportForm {
  readonly summary = new ErrorSummary('report-errors');
  readonly heading = h('h2', { id: 'form-heading' });
  readonly notAllowed = h('p', { class: 'notice', hidden: true });
  readonly status = new ChoiceField<MilestoneStatus>('status', STATUSES);
  readonly percent = textField('percent', {
    inputmode: 'numeric',
    autocomplete: 'off',
    size: 4,
  });
  readonly effectiveDate = textField('effective-date', { size: 12, autocomplete: 'off' });
  readonly actualStart = textField('actual-start', { size: 12, autocomplete: 'off' });
  readonly actualEnd = textField('actual-end', { size: 12, autocomplete: 'off' });
  readonly note = new FieldGroup('note');
  readonly noteDa = textAreaField('note-da', { lang: 'da', rows: 4 });
  readonly noteEn = textAreaField('note-en', { lang: 'en', rows: 4 });
  readonly evidence = new FieldGroup('evidence', 'evidence');
  private readonly evidenceRows = h('div', { class: 'evidence-rows' });
  readonly addEvidence = h('button', { type: 'button', class: 'secondary' });
  readonly visibility = new ChoiceField<Visibility>('visibility', VISIBILITIES);
  readonly submit = h('button', { type: 'submit' });
  readonly form: HTMLFormElement;
  readonly element: HTMLElement;

  rows: EvidenceRow[] = [];
  /** The version the form's report builds on (expectedVersion). */
  version = 0;
  problems: PlacedProblem[] = [];

  constructor(
    private readonly host: ReportFormHost,
    save: () => Promise<void>,
  ) {
    this.note.body.append(this.noteDa.element, this.noteEn.element);
    this.evidence.body.append(this.evidenceRows, this.addEvidence);
    this.form = labelledForm('report-form', 'form-heading', 'form report-form');
    this.form.append(
      this.status.element,
      this.percent.element,
      this.effectiveDate.element,
      this.actualStart.element,
      this.actualEnd.element,
      this.note.element,
      this.evidence.element,
      this.visibility.element,
      h('div', { class: 'form-actions' }, this.submit),
    );
    this.element = h(
      'section',
      { id: 'report', 'aria-labelledby': 'form-heading' },
      this.heading,
      this.notAllowed,
      this.form,
    );
    this.addEvidence.addEventListener('click', () => {
      const row = this.addRow();
      row.url.control.focus();
    });
    this.status.onChange(() => {
      this.followStatus();
      this.relabel();
    });
    onSubmit(this.form, save);
  }

  private addRow(values?: { url: string; title: string }): EvidenceRow {
    const row = new EvidenceRow((removed) => this.removeRow(removed));
    if (values) {
      row.url.control.value = values.url;
      row.title.control.value = values.title;
    }
    this.rows.push(row);
    this.evidenceRows.append(row.element);
    this.relabel();
    return row;
  }

  private removeRow(row: EvidenceRow): void {
    const index = this.rows.indexOf(row);
    this.rows.splice(index, 1);
    row.element.remove();
    // Its problems go with it.
    this.problems = this.problems.filter(
      (problem) => problem.target !== row.url && problem.target !== row.title,
    );
    this.relabel();
    this.showProblems(false);
    const context = this.host.context()!;
    context.announce(context.t('reportEvidenceRemoved', { number: index + 1 }));
    (
      this.rows[index]?.url.control ??
      this.rows[index - 1]?.url.control ??
      this.addEvidence
    ).focus();
  }

  /** The form as it stands after a load, a save or "discard mine": the milestone's state, no note, no links. */
  reset(milestone: ReportMilestone): void {
    this.version = milestone.version;
    this.status.value = milestone.status;
    this.percent.control.value =
      milestone.status === MilestoneStatus.IN_PROGRESS && milestone.progressPercent !== null
        ? String(milestone.progressPercent)
        : '';
    this.followStatus();
    this.effectiveDate.control.value = utcToday();
    this.actualStart.control.value = milestone.actualStart?.label ?? '';
    this.actualEnd.control.value = milestone.actualEnd?.label ?? '';
    this.noteDa.control.value = '';
    this.noteEn.control.value = '';
    for (const row of this.rows) row.element.remove();
    this.rows = [];
    this.visibility.value = Visibility.PUBLIC;
    this.problems = [];
  }

  /**
   * The percent is asked for only while in progress: the other statuses fix it (not started 0, completed 100,
   * cancelled none), so the field empties and is disabled rather than let a stale figure be refused.
   */
  private followStatus(): void {
    const control = this.percent.control;
    const inProgress = this.status.value === MilestoneStatus.IN_PROGRESS;
    if (inProgress && control.disabled) {
      control.disabled = false;
      const milestone = this.host.milestone();
      if (control.value === '' && milestone?.status === MilestoneStatus.IN_PROGRESS) {
        control.value = milestone.progressPercent === null ? '' : String(milestone.progressPercent);
      }
    } else if (!inProgress) {
      control.value = '';
      control.disabled = true;
    }
  }

  draft(): ReportDraft {
    return {
      status: this.status.value,
      percent: this.percent.control.value,
      effectiveDate: this.effectiveDate.control.value,
      actualStart: this.actualStart.control.value,
      actualEnd: this.actualEnd.control.value,
      noteDa: this.noteDa.control.value,
      noteEn: this.noteEn.control.value,
      evidence: this.rows.map((row) => ({
        url: row.url.control.value,
        title: row.title.control.value,
      })),
      visibility: this.visibility.value ?? Visibility.PUBLIC,
    };
  }

  relabel(): void {
    const context = this.host.context();
    const milestone = this.host.milestone();
    if (!context || !milestone) return;
    const { t, locale } = context;
    const current = milestone.status;
    this.status.setLegend(t('reportFieldStatus'));
    this.status.setLabels((value) => MILESTONE_STATUS_LABELS[value][locale]);
    this.status.setHint(
      current === null
        ? t('reportStatusHintFirst')
        : t('reportStatusHintFrom', {
            status: MILESTONE_STATUS_LABELS[current][locale],
            allowed: ALLOWED_TRANSITIONS[current]
              .map((status) => MILESTONE_STATUS_LABELS[status][locale])
              .join(', '),
          }),
    );
    this.percent.setLabel(t('reportFieldPercent'));
    this.percent.setHint(
      this.status.value === MilestoneStatus.IN_PROGRESS
        ? t('reportPercentHintInProgress')
        : t('reportPercentHint'),
    );
    this.effectiveDate.setLabel(t('reportFieldEffectiveDate'));
    this.effectiveDate.setHint(t('reportEffectiveDateHint'));
    this.actualStart.setLabel(t('reportFieldActualStart'));
    this.actualStart.setHint(t('reportActualStartHint'));
    this.actualEnd.setLabel(t('reportFieldActualEnd'));
    this.actualEnd.setHint(t('reportActualEndHint'));
    this.note.setLegend(t('reportFieldNote'));
    this.note.setHint(t('reportNoteHint'));
    this.noteDa.setLabel(t('reportFieldNoteDa'));
    this.noteEn.setLabel(t('reportFieldNoteEn'));
    this.evidence.setLegend(t('reportFieldEvidence'));
    this.evidence.setHint(this.rows.length ? t('reportEvidenceHint') : t('reportEvidenceHintNone'));
    this.rows.forEach((row, index) => row.relabel(t, index));
    this.addEvidence.id = 'add-evidence';
    this.addEvidence.textContent = t('reportEvidenceAdd');
    this.visibility.setLegend(t('reportFieldVisibility'));
    this.visibility.setLabels((value) => VISIBILITY_LABELS[value][locale]);
    this.visibility.setHint(t('reportVisibilityHint'));
    this.submit.textContent = t('reportSubmit');
  }

  /** Each problem next to its field and all of them in the summary; `focus` moves there. */
  showProblems(focus: boolean): void {
    const context = this.host.context();
    if (!context) return;
    const { t, locale } = context;
    const targets = [
      this.status,
      this.percent,
      this.effectiveDate,
      this.actualStart,
      this.actualEnd,
      this.noteDa,
      this.noteEn,
      this.evidence,
      this.visibility,
      ...this.rows.flatMap((row) => [row.url, row.title]),
    ];
    for (const target of targets) {
      const mine = this.problems.filter((problem) => problem.target === target);
      if (!mine.length) {
        target.setError(null);
        continue;
      }
      const texts = mine.map((problem) => problem.text(t, locale));
      const lang = texts.every((text) => text.lang) ? texts[0].lang : undefined;
      target.setError(texts.map((text) => text.text).join(' '), lang);
    }
    if (!this.problems.length) {
      this.summary.hide();
      return;
    }
    const items: SummaryItem[] = this.problems.map((problem) => {
      const { text, lang } = problem.text(t, locale);
      return { label: problem.label(t) || undefined, text, lang, targetId: problem.focusId };
    });
    this.summary.show(countedHeading(t, items.length), items);
    if (focus) this.summary.focus();
  }
}
