import {
  ALLOWED_TRANSITIONS,
  MILESTONE_FLAG_LABELS,
  MILESTONE_STATUS_LABELS,
  MilestoneStatus,
  Role,
  VERIFICATION_LABELS,
  VISIBILITY_LABELS,
  Visibility,
  milestoneStatusLabel,
  type Locale,
} from '@ogp/common';
import { GraphqlError, type FieldProblem } from '../api/client';
import {
  buildUpdateInput,
  conflictDetails,
  evidenceRowIndex,
  fetchReportCommitment,
  knownProblem,
  recordMilestoneUpdate,
  reportFieldOf,
  utcToday,
  type ConflictDetails,
  type RecordedUpdate,
  type ReportCommitment,
  type ReportDraft,
  type ReportMilestone,
  type StatusUpdate,
} from '../api/coordinator';
import { localized, type LocalizedText } from '../api/dashboard';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { hasRole } from '../app/session';
import { h } from '../dom';
import { ErrorSummary, type SummaryItem } from '../forms/error-summary';
import {
  ChoiceField,
  FieldGroup,
  FormField,
  textAreaField,
  textField,
  uniqueId,
} from '../forms/field';
import { Busy, labelledForm, onSubmit } from '../forms/form';
import { countedHeading } from '../forms/form-problems';
import { problemText } from '../forms/problems';
import { formatDateTime, formatPercent, type MessageKey, type Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/coordinator.css';

const STATUSES: readonly MilestoneStatus[] = [
  MilestoneStatus.NOT_STARTED,
  MilestoneStatus.IN_PROGRESS,
  MilestoneStatus.COMPLETED,
  MilestoneStatus.CANCELLED,
];
const VISIBILITIES: readonly Visibility[] = [Visibility.PUBLIC, Visibility.INTERNAL];

/** One evidence link row: url and title, removable. */
class EvidenceRow {
  readonly element: HTMLFieldSetElement;
  readonly legend = h('legend');
  readonly url: FormField<HTMLInputElement>;
  readonly title: FormField<HTMLInputElement>;
  readonly remove = h('button', { type: 'button', class: 'secondary remove-row' });

  constructor(onRemove: (row: EvidenceRow) => void) {
    const id = uniqueId('evidence');
    this.url = textField(`${id}-url`, { type: 'url', name: 'evidence-url', spellcheck: 'false' });
    this.title = textField(`${id}-title`, { name: 'evidence-title' });
    this.element = h(
      'fieldset',
      { class: 'evidence-row', id },
      this.legend,
      this.url.element,
      this.title.element,
      this.remove,
    );
    this.remove.addEventListener('click', () => onRemove(this));
  }

  relabel(t: Translate, index: number): void {
    this.legend.textContent = t('reportEvidenceRowLegend', { number: index + 1 });
    this.url.setLabel(t('reportEvidenceUrl'));
    this.url.setHint(t('reportEvidenceUrlHint'));
    this.title.setLabel(t('reportEvidenceTitle'));
    this.remove.textContent = t('reportEvidenceRemove', { number: index + 1 });
  }
}

/** Where a problem shows: a field of the form (with how to name it), or the form as a whole. */
interface PlacedProblem {
  target: FormField<HTMLInputElement | HTMLTextAreaElement> | ChoiceField | FieldGroup | null;
  label: (t: Translate) => string;
  focusId: string | null;
  /** The message in the page's language, when it is one we can translate; else the API's English text. */
  text: (t: Translate, locale: Locale) => { text: string; lang?: string };
}

type Outcome =
  | { kind: 'saved'; result: RecordedUpdate }
  | { kind: 'conflict'; details: ConflictDetails; readVersion: number }
  | null;

/** The progress report form of one milestone: current state, latest update, the form, and what came of it. */
export class MilestoneReportPage implements PageView {
  readonly element = h('div', { class: 'report' });
  private readonly heading = h('h1', { id: 'report-heading' });
  private readonly lead = h('p', { class: 'lead' });
  private readonly summary = new ErrorSummary('report-errors');
  private readonly outcome = h('div', { class: 'outcome', id: 'report-outcome' });
  private readonly state = h('section', {
    id: 'current-state',
    'aria-labelledby': 'state-heading',
  });
  private readonly latest = h('section', {
    id: 'latest-update',
    'aria-labelledby': 'latest-heading',
  });
  private readonly formHeading = h('h2', { id: 'form-heading' });
  private readonly notAllowed = h('p', { class: 'notice', hidden: true });

  private readonly status = new ChoiceField<MilestoneStatus>('status', STATUSES);
  private readonly percent = textField('percent', {
    inputmode: 'numeric',
    autocomplete: 'off',
    size: 4,
  });
  private readonly effectiveDate = textField('effective-date', { size: 12, autocomplete: 'off' });
  private readonly actualStart = textField('actual-start', { size: 12, autocomplete: 'off' });
  private readonly actualEnd = textField('actual-end', { size: 12, autocomplete: 'off' });
  private readonly note = new FieldGroup('note');
  private readonly noteDa = textAreaField('note-da', { lang: 'da', rows: 4 });
  private readonly noteEn = textAreaField('note-en', { lang: 'en', rows: 4 });
  private readonly evidence = new FieldGroup('evidence', 'evidence');
  private readonly evidenceRows = h('div', { class: 'evidence-rows' });
  private readonly addEvidence = h('button', { type: 'button', class: 'secondary' });
  private readonly visibility = new ChoiceField<Visibility>('visibility', VISIBILITIES);
  private readonly submit = h('button', { type: 'submit' });
  private readonly form: HTMLFormElement;
  private readonly formSection: HTMLElement;

  private rows: EvidenceRow[] = [];
  private context: PageContext | null = null;
  private commitment: ReportCommitment | null = null;
  private milestone: ReportMilestone | null = null;
  /** The version the form's report builds on (expectedVersion). */
  private version = 0;
  private problems: PlacedProblem[] = [];
  private result: Outcome = null;
  private readonly busy = new Busy();

  constructor() {
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
    this.formSection = h(
      'section',
      { id: 'report', 'aria-labelledby': 'form-heading' },
      this.formHeading,
      this.notAllowed,
      this.form,
    );
    this.element.append(
      this.heading,
      this.lead,
      this.summary.element,
      this.outcome,
      this.state,
      this.latest,
      this.formSection,
    );
    this.addEvidence.addEventListener('click', () => {
      const row = this.addRow();
      row.url.control.focus();
    });
    this.status.onChange(() => {
      this.followStatus();
      this.relabel();
    });
    onSubmit(this.form, () => this.save());
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.context = context;
    if (!this.milestone) {
      await this.load(context.signal);
      if (context.signal.aborted || !this.milestone) return { title: '' };
      this.resetForm();
    }
    this.show(false);
    return {
      title: `${context.t('reportHeading')}: ${localized(this.milestone.title, context.locale)}`,
    };
  }

  destroy(): void {
    this.element.remove();
  }

  private async load(signal?: AbortSignal): Promise<void> {
    const { ogpId, milestoneId } = this.context!.params;
    const commitment = await fetchReportCommitment(ogpId, signal);
    if (signal?.aborted) return;
    const milestone = commitment.milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw new GraphqlError(`No milestone ${milestoneId} in ${ogpId}`, 'NOT_FOUND');
    this.commitment = commitment;
    this.milestone = milestone;
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
    const t = this.context!.t;
    this.context!.announce(t('reportEvidenceRemoved', { number: index + 1 }));
    (
      this.rows[index]?.url.control ??
      this.rows[index - 1]?.url.control ??
      this.addEvidence
    ).focus();
  }

  /** The form as it stands after a load, a save or "discard mine": the milestone's state, no note, no links. */
  private resetForm(): void {
    const milestone = this.milestone!;
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
      const milestone = this.milestone;
      if (control.value === '' && milestone?.status === MilestoneStatus.IN_PROGRESS) {
        control.value = milestone.progressPercent === null ? '' : String(milestone.progressPercent);
      }
    } else if (!inProgress) {
      control.value = '';
      control.disabled = true;
    }
  }

  private draft(): ReportDraft {
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

  private async save(): Promise<void> {
    const context = this.context;
    const milestone = this.milestone;
    if (!context || !milestone) return;
    await this.busy.run(this.submit, async () => {
      const draft = this.draft();
      const { input, problems } = buildUpdateInput(draft, milestone.id, this.version);
      this.result = null;
      if (!input) {
        this.problems = this.place(problems, draft);
        this.show(true);
        return;
      }
      context.announce(context.t('reportSaving'));
      try {
        const result = await recordMilestoneUpdate(input);
        this.milestone = {
          ...result.milestone,
          history: [result.statusUpdate, ...milestone.history],
        };
        this.result = { kind: 'saved', result };
        this.resetForm();
        this.show(true);
        const t = this.context!.t;
        this.context!.announce(t('reportSavedAnnounce', { version: result.milestone.version }));
      } catch (error) {
        await this.failed(error, draft);
      }
    });
  }

  private async failed(error: unknown, draft: ReportDraft): Promise<void> {
    const context = this.context!;
    context.announce('');
    if (error instanceof GraphqlError) {
      const conflict = conflictDetails(error);
      if (conflict) {
        this.problems = [];
        this.result = { kind: 'conflict', details: conflict, readVersion: this.version };
        // The state above the form follows; the form keeps what the user typed.
        try {
          await this.load();
        } catch {
          // The conflict panel already says what changed.
        }
        this.show(true);
        return;
      }
      if (error.code === 'INVALID_TRANSITION') {
        const { from, to } = error.extensions as { from?: MilestoneStatus; to?: MilestoneStatus };
        this.problems = [
          {
            target: this.status,
            focusId: this.status.focusTarget.id,
            label: (t) => t('reportFieldStatus'),
            text: (t, locale) =>
              from && to
                ? {
                    text: t('reportProblemTransition', {
                      from: MILESTONE_STATUS_LABELS[from][locale],
                      to: MILESTONE_STATUS_LABELS[to][locale],
                    }),
                  }
                : { text: error.message, lang: 'en' },
          },
        ];
        this.show(true);
        return;
      }
      if (error.code === 'BAD_USER_INPUT' && error.problems.length) {
        this.problems = this.place(error.problems, draft);
        this.show(true);
        return;
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof GraphqlError ? error.code : undefined;
    this.problems = [
      {
        target: null,
        focusId: null,
        label: () => '',
        text: (t) => ({
          text:
            code === 'FORBIDDEN'
              ? t('reportForbidden')
              : code === 'UNAUTHENTICATED'
                ? t('reportSignedOut')
                : t('reportFailed', { message }),
        }),
      },
    ];
    this.show(true);
  }

  /** Puts each API problem on its field (the evidence index is among the rows sent, not the rows shown). */
  private place(problems: FieldProblem[], draft: ReportDraft): PlacedProblem[] {
    return problems.map((problem): PlacedProblem => {
      const message = problemText(problem);
      const known = knownProblem(message);
      const text = (t: Translate) =>
        known ? { text: t(known.key, known.vars) } : { text: message, lang: 'en' };
      const field = reportFieldOf(problem.field);
      const simple: Record<string, [PlacedProblem['target'], MessageKey, string | null]> = {
        status: [this.status, 'reportFieldStatus', this.status.focusTarget.id],
        percent: [this.percent, 'reportFieldPercent', this.percent.id],
        effectiveDate: [this.effectiveDate, 'reportFieldEffectiveDate', this.effectiveDate.id],
        actualStart: [this.actualStart, 'reportFieldActualStart', this.actualStart.id],
        actualEnd: [this.actualEnd, 'reportFieldActualEnd', this.actualEnd.id],
        noteDa: [this.noteDa, 'reportFieldNoteDa', this.noteDa.id],
        noteEn: [this.noteEn, 'reportFieldNoteEn', this.noteEn.id],
        evidence: [
          this.evidence,
          'reportFieldEvidence',
          this.rows[0]?.url.id ?? this.addEvidence.id,
        ],
        visibility: [this.visibility, 'reportFieldVisibility', this.visibility.focusTarget.id],
      };
      if (field && field in simple) {
        const [target, key, focusId] = simple[field];
        // A note needed for a move is about the note as a whole: shown by the Danish box, which comes first.
        return { target, focusId, label: (t) => t(key), text };
      }
      const row = field && /^evidence\.(\d+)\.(url|title)$/.exec(field);
      if (row) {
        const index = evidenceRowIndex(draft.evidence, Number(row[1]));
        const evidenceRow = index === null ? undefined : this.rows[index];
        if (evidenceRow) {
          const target = row[2] === 'url' ? evidenceRow.url : evidenceRow.title;
          return {
            target,
            focusId: target.id,
            label: (t) =>
              t(row[2] === 'url' ? 'reportFieldEvidenceUrl' : 'reportFieldEvidenceTitle', {
                number: this.rows.indexOf(evidenceRow) + 1,
              }),
            text,
          };
        }
      }
      return { target: null, focusId: null, label: () => '', text };
    });
  }

  /** Everything in the page's language; `focus` after a submit (the summary or the outcome gets it). */
  private show(focus: boolean): void {
    const context = this.context;
    const milestone = this.milestone;
    const commitment = this.commitment;
    if (!context || !milestone || !commitment) return;
    const { t, locale } = context;
    this.heading.textContent = t('reportHeading');
    this.heading.setAttribute('tabindex', '-1');
    this.lead.replaceChildren(
      h('span', { class: 'milestone-title' }, localized(milestone.title, locale)),
      h('br'),
      t('reportOfCommitment'),
      ' ',
      h(
        'a',
        { href: context.href(`/commitments/${encodeURIComponent(commitment.ogpId)}`) },
        `${commitment.ogpId} ${localized(commitment.title, locale)}`,
      ),
      ` (${localized(commitment.leadAgency.name, locale)})`,
    );
    this.renderState(milestone, context);
    this.renderLatest(milestone.history[0] ?? null, context);
    const user = context.user;
    const allowed =
      hasRole(user, Role.ADMIN) ||
      !!user?.agencies.some((agency) => agency.slug === commitment.leadAgency.slug);
    this.formHeading.textContent = t('reportFormHeading');
    this.notAllowed.hidden = allowed;
    this.notAllowed.textContent = t('reportNotLead', {
      agency: localized(commitment.leadAgency.name, locale),
    });
    this.form.hidden = !allowed;
    this.relabel();
    this.renderOutcome(context);
    this.showProblems(focus && !this.result);
    if (focus && this.result) this.outcome.focus();
  }

  private relabel(): void {
    const context = this.context;
    const milestone = this.milestone;
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

  private showProblems(focus: boolean): void {
    const context = this.context;
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

  private renderState(milestone: ReportMilestone, { t, locale }: PageContext): void {
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
    this.state.replaceChildren(
      h('h2', { id: 'state-heading' }, t('reportStateHeading')),
      h(
        'dl',
        { class: 'facts', 'data-version': milestone.version },
        ...facts.flatMap(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]),
      ),
    );
  }

  private renderLatest(update: StatusUpdate | null, context: PageContext): void {
    const { t } = context;
    this.latest.replaceChildren(
      h('h2', { id: 'latest-heading' }, t('reportLatestHeading')),
      update ? updateFacts(update, context) : h('p', {}, t('reportLatestNone')),
    );
  }

  private renderOutcome(context: PageContext): void {
    const { t, locale, href } = context;
    const result = this.result;
    this.outcome.className = 'outcome';
    if (!result) {
      this.outcome.replaceChildren();
      this.outcome.removeAttribute('tabindex');
      this.outcome.removeAttribute('aria-labelledby');
      return;
    }
    this.outcome.setAttribute('tabindex', '-1');
    this.outcome.setAttribute('role', 'region');
    this.outcome.setAttribute('aria-labelledby', 'outcome-heading');
    if (result.kind === 'saved') {
      const { milestone, statusUpdate } = result.result;
      const commitment = this.commitment!;
      this.outcome.classList.add('saved');
      this.outcome.replaceChildren(
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
    apply.addEventListener('click', () => {
      this.version = details.currentVersion;
      this.result = null;
      void this.save();
    });
    discard.addEventListener('click', () => void this.discard());
    this.outcome.classList.add('conflict');
    this.outcome.replaceChildren(
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

  private async discard(): Promise<void> {
    const context = this.context!;
    try {
      await this.load();
    } catch (error) {
      context.announce(
        context.t('reportFailed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
      return;
    }
    this.result = null;
    this.resetForm();
    this.show(false);
    context.announce(context.t('reportConflictDiscarded', { version: this.version }));
    this.heading.focus();
  }
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
  const own = note[locale];
  if (own) return document.createTextNode(own);
  const other: Locale = locale === 'da' ? 'en' : 'da';
  const text = note[other];
  if (!text) return null;
  return h(
    'span',
    {},
    h('span', { lang: other }, text),
    ' ',
    h('span', { class: 'marker' }, other === 'en' ? t('reportInEnglish') : t('reportInDanish')),
  );
}
