import { Role } from '@ogp/common';
import { GraphqlError } from '../../api/client';
import {
  conflictDetails,
  fetchReportCommitment,
  recordMilestoneUpdate,
  type ReportCommitment,
  type ReportMilestone,
} from '../../api/coordinator/milestone-report';
import { buildUpdateInput, type ReportDraft } from '../../api/coordinator/report-input';
import { fallbackNode, fallbackString } from '../../components/fallback-text';
import type { PageContext, PageView, RenderResult } from '../../app/page';
import { hasRole } from '../../app/session';
import { h } from '../../dom';
import { Busy } from '../../forms/form';
import { describeError } from '../../i18n/error-text';
import '../../styles/forms.css';
import '../../styles/coordinator.css';
import { ReportForm } from './report-form';
import { failureProblem, placeProblems, transitionProblem } from './report-problems';
import { renderLatest, renderOutcome, renderState, type Outcome } from './report-view';

/** The progress report form of one milestone: current state, latest update, the form, and what came of it. */
export class MilestoneReportPage implements PageView {
  readonly element = h('div', { class: 'report' });
  private readonly heading = h('h1', { id: 'report-heading' });
  private readonly lead = h('p', { class: 'lead' });
  private readonly outcome = h('div', { class: 'outcome', id: 'report-outcome' });
  private readonly state = h('section', {
    id: 'current-state',
    'aria-labelledby': 'state-heading',
  });
  private readonly latest = h('section', {
    id: 'latest-update',
    'aria-labelledby': 'latest-heading',
  });
  private readonly form = new ReportForm(
    { context: () => this.context, milestone: () => this.milestone },
    () => this.save(),
  );

  private context: PageContext | null = null;
  private commitment: ReportCommitment | null = null;
  private milestone: ReportMilestone | null = null;
  private result: Outcome = null;
  private readonly busy = new Busy();

  constructor() {
    this.element.append(
      this.heading,
      this.lead,
      this.form.summary.element,
      this.outcome,
      this.state,
      this.latest,
      this.form.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.context = context;
    if (!this.milestone) {
      await this.load(context.signal);
      if (context.signal.aborted || !this.milestone) return { title: '' };
      this.form.reset(this.milestone);
    }
    this.show(false);
    return {
      title: `${context.t('reportHeading')}: ${fallbackString(this.milestone.title, context.locale, context.t)}`,
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

  private async save(): Promise<void> {
    const context = this.context;
    const milestone = this.milestone;
    if (!context || !milestone) return;
    const form = this.form;
    await this.busy.run(form.submit, async () => {
      const draft = form.draft();
      const { input, problems } = buildUpdateInput(draft, milestone.id, form.version);
      this.result = null;
      if (!input) {
        form.problems = placeProblems(problems, draft, form);
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
        form.reset(this.milestone);
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
    const form = this.form;
    context.announce('');
    if (error instanceof GraphqlError) {
      const conflict = conflictDetails(error);
      if (conflict) {
        form.problems = [];
        this.result = { kind: 'conflict', details: conflict, readVersion: form.version };
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
        form.problems = [transitionProblem(error, form)];
        this.show(true);
        return;
      }
      if (error.code === 'BAD_USER_INPUT' && error.problems.length) {
        form.problems = placeProblems(error.problems, draft, form);
        this.show(true);
        return;
      }
    }
    form.problems = [failureProblem(error)];
    this.show(true);
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
      h('span', { class: 'milestone-title' }, fallbackNode(milestone.title, locale, t)),
      h('br'),
      t('reportOfCommitment'),
      ' ',
      h(
        'a',
        { href: context.href(`/commitments/${encodeURIComponent(commitment.ogpId)}`) },
        `${commitment.ogpId} `,
        fallbackNode(commitment.title, locale, t),
      ),
      ' (',
      fallbackNode(commitment.leadAgency.name, locale, t) ?? '',
      ')',
    );
    renderState(this.state, milestone, context);
    renderLatest(this.latest, milestone.history[0] ?? null, context);
    const user = context.user;
    const allowed =
      hasRole(user, Role.ADMIN) ||
      !!user?.agencies.some((agency) => agency.slug === commitment.leadAgency.slug);
    this.form.heading.textContent = t('reportFormHeading');
    this.form.notAllowed.hidden = allowed;
    this.form.notAllowed.textContent = t('reportNotLead', {
      agency: fallbackString(commitment.leadAgency.name, locale, t),
    });
    this.form.form.hidden = !allowed;
    this.form.relabel();
    renderOutcome(this.outcome, this.result, commitment, context, {
      apply: (currentVersion) => {
        this.form.version = currentVersion;
        this.result = null;
        void this.save();
      },
      discard: () => void this.discard(),
    });
    this.form.showProblems(focus && !this.result);
    if (focus && this.result) this.outcome.focus();
  }

  private async discard(): Promise<void> {
    const context = this.context!;
    try {
      await this.load();
    } catch (error) {
      context.announce(
        context.t('reportFailed', {
          message: describeError(error, context.locale),
        }),
      );
      return;
    }
    this.result = null;
    this.form.reset(this.milestone!);
    this.show(false);
    context.announce(context.t('reportConflictDiscarded', { version: this.form.version }));
    this.heading.focus();
  }
}
