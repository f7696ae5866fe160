import { VERIFICATION_LABELS, type Locale } from '@ogp/common';
import { GraphqlError } from '../api/client';
import {
  fetchMilestoneToVerify,
  verifyMilestone,
  type MilestoneToVerify,
  type VerdictView,
} from '../api/reviewer';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { h } from '../dom';
import { ErrorSummary, type SummaryItem } from '../forms/error-summary';
import { ChoiceField, textAreaField } from '../forms/field';
import { problemPath, problemText } from '../forms/problems';
import { formatDateTime, type Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { textIn, titleIn, updateDetails } from './review';

type Verdict = 'VERIFIED' | 'DISPUTED';
const VERDICTS: readonly Verdict[] = ['VERIFIED', 'DISPUTED'];

/** A reviewer verifies or disputes a milestone's latest reported progress. */
export class VerifyMilestonePage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly context = h('p');
  private readonly report = h('section', {
    id: 'verify-report',
    'aria-labelledby': 'verify-report-heading',
  });
  private readonly history = h('section', {
    id: 'verify-verdicts',
    'aria-labelledby': 'verify-verdicts-heading',
  });
  private readonly formHeading = h('h2', { id: 'verify-form-heading' });
  private readonly summary = new ErrorSummary('verify-errors');
  private readonly notice = h('div', { class: 'ra-notice', id: 'verify-notice', hidden: true });
  private readonly success = h('p', { class: 'ra-success', id: 'verify-success', role: 'status' });
  private readonly verdict = new ChoiceField<Verdict>('verify-verdict', VERDICTS);
  private readonly noteDa = textAreaField('verify-note-da', { lang: 'da' });
  private readonly noteEn = textAreaField('verify-note-en', { lang: 'en' });
  private readonly noteGroup = h('div', { class: 'ra-pair' });
  private readonly submit = h('button', { type: 'submit' });
  private readonly back = h('a');
  private readonly form = h('form', {
    class: 'form',
    id: 'verify-form',
    novalidate: true,
    'aria-labelledby': 'verify-form-heading',
  });
  private readonly formSection: HTMLElement;
  private data: MilestoneToVerify | null = null;
  /** The report the reviewer has in front of them: a verdict is only recorded about that one. */
  private shownUpdateId: string | null = null;
  private ctx: PageContext | null = null;
  private busy = false;

  constructor() {
    this.noteGroup.append(this.noteDa.element, this.noteEn.element);
    this.form.append(
      this.verdict.element,
      this.noteGroup,
      h('div', { class: 'form-actions' }, this.submit, this.back),
    );
    this.formSection = h(
      'section',
      { id: 'verify', 'aria-labelledby': 'verify-form-heading' },
      this.formHeading,
      this.summary.element,
      this.notice,
      this.success,
      this.form,
    );
    this.element = h(
      'div',
      { class: 'verify' },
      this.heading,
      this.context,
      this.report,
      this.formSection,
      this.history,
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal, params } = context;
    const data = await fetchMilestoneToVerify(params.ogpId, params.milestoneId, signal);
    if (signal.aborted) return { title: '' };
    if (!data.milestone) throw new GraphqlError(t('notFound'), 'NOT_FOUND');
    this.data = data;
    const title = titleIn(data.milestone.title, locale);
    this.heading.textContent = t('rvVerifyTitle', { title });
    this.context.replaceChildren(
      `${t('rvCommitment')}: `,
      h(
        'a',
        { href: context.href(`/commitments/${encodeURIComponent(data.commitment.ogpId)}`) },
        `${data.commitment.ogpId} ${titleIn(data.commitment.title, locale)}`,
      ),
    );
    const latest = data.milestone.history[0] ?? null;
    if (this.shownUpdateId === null) this.shownUpdateId = latest?.id ?? null;
    this.renderReport(context);
    this.renderVerdicts(data.verdicts, locale, t);
    this.renderFormLabels(t);
    this.back.href = context.href('/review', { plan: data.commitment.actionPlan.slug });
    this.formSection.hidden = latest === null;
    return { title: t('rvVerifyTitle', { title }) };
  }

  private renderReport({ t, locale }: PageContext): void {
    const milestone = this.data!.milestone!;
    const latest = milestone.history.find((u) => u.id === this.shownUpdateId) ?? null;
    this.report.replaceChildren(
      h('h2', { id: 'verify-report-heading' }, t('rvLatestReport')),
      h(
        'p',
        {},
        `${t('rvVerification')}: `,
        h(
          'strong',
          { id: 'verify-current', 'data-verification': milestone.verification },
          VERIFICATION_LABELS[milestone.verification][locale],
        ),
      ),
      latest ? updateDetails(latest, locale, t) : h('p', {}, t('rvNeverReported')),
    );
  }

  private renderVerdicts(verdicts: VerdictView[], locale: Locale, t: Translate): void {
    this.history.replaceChildren(
      h('h2', { id: 'verify-verdicts-heading' }, t('rvEarlierVerdicts')),
      verdicts.length
        ? h(
            'ul',
            { class: 'ra-verdicts' },
            ...verdicts.map((verdict) => {
              const note = textIn(verdict.note, locale, t);
              return h(
                'li',
                {},
                h('strong', {}, VERIFICATION_LABELS[verdict.verdict][locale]),
                ' ',
                t('rvWhoWhen', {
                  name: verdict.recordedBy,
                  time: formatDateTime(verdict.recordedAt, locale),
                }),
                verdict.statusUpdateId === this.shownUpdateId ? ` (${t('rvOnThisReport')})` : '',
                note ? h('span', {}, ': ', note) : null,
              );
            }),
          )
        : h('p', {}, t('rvNoVerdicts')),
    );
  }

  private renderFormLabels(t: Translate): void {
    this.formHeading.textContent = t('rvYourVerdict');
    this.verdict
      .setLegend(t('rvVerdict'))
      .setLabels((value) => t(value === 'VERIFIED' ? 'rvVerdictVerified' : 'rvVerdictDisputed'));
    this.noteDa.setLabel(t('rvNoteDa')).setHint(t('rvNoteHint'));
    this.noteEn.setLabel(t('rvNoteEn'));
    this.submit.textContent = t('rvRecordVerdict');
    this.back.textContent = t('rvBackToReview');
  }

  private clearErrors(): void {
    this.summary.hide();
    this.notice.hidden = true;
    this.verdict.setError(null);
    this.noteDa.setError(null);
    this.noteEn.setError(null);
  }

  private async send(): Promise<void> {
    const context = this.ctx;
    if (!context || !this.data?.milestone || this.busy) return;
    const { t } = context;
    this.clearErrors();
    this.success.textContent = '';
    const verdict = this.verdict.value;
    if (!verdict) {
      this.verdict.setError(t('rvChooseVerdict'));
      this.showSummary([
        {
          label: t('rvVerdict'),
          text: t('rvChooseVerdict'),
          targetId: this.verdict.focusTarget.id,
        },
      ]);
      return;
    }
    const da = this.noteDa.control.value.trim() || null;
    const en = this.noteEn.control.value.trim() || null;
    this.busy = true;
    this.submit.setAttribute('aria-disabled', 'true');
    try {
      // The verdict names the report on screen: if the agency has reported since, the API records nothing.
      const result = await verifyMilestone({
        milestoneId: this.data.milestone.id,
        statusUpdateId: this.shownUpdateId,
        verdict,
        note: da || en ? { da, en } : null,
      });
      this.verdict.value = null;
      this.noteDa.control.value = '';
      this.noteEn.control.value = '';
      const label = VERIFICATION_LABELS[result.verification.verdict][context.locale];
      // The saved state first, then the message: what it says is already on the page. A failed re-read does
      // not undo the save.
      await this.reload(context).catch(() => undefined);
      this.success.textContent = t('rvVerdictRecorded', { verdict: label });
    } catch (error) {
      if (error instanceof GraphqlError && error.code === 'CONFLICT') {
        // What was typed stays; the newer report replaces the old one on screen.
        await this.reload(context).catch(() => undefined);
        this.showNotice(t('rvReportedAgain'));
        return;
      }
      this.showFailure(error, t);
    } finally {
      this.busy = false;
      this.submit.removeAttribute('aria-disabled');
    }
  }

  private async reload(context: PageContext): Promise<void> {
    const fresh = await fetchMilestoneToVerify(
      context.params.ogpId,
      context.params.milestoneId,
      new AbortController().signal,
    );
    this.data = fresh;
    this.shownUpdateId = fresh.milestone?.history[0]?.id ?? null;
    this.renderReport(context);
    this.renderVerdicts(fresh.verdicts, context.locale, context.t);
  }

  private showNotice(text: string): void {
    this.notice.replaceChildren(h('p', {}, text));
    this.notice.hidden = false;
    this.notice.setAttribute('tabindex', '-1');
    this.notice.focus();
  }

  private showSummary(items: SummaryItem[]): void {
    this.summary.show(this.ctx!.t('rvErrorSummary'), items);
    this.summary.focus();
  }

  private showFailure(error: unknown, t: Translate): void {
    if (!(error instanceof GraphqlError)) {
      this.showSummary([{ text: t('rvNetworkError'), targetId: null }]);
      return;
    }
    const items: SummaryItem[] = [];
    const verdictChosen = this.verdict.value;
    for (const problem of error.problems) {
      const path = problemPath(problem.field);
      let message = problemText(problem);
      let lang: string | undefined = this.ctx?.locale === 'en' ? undefined : 'en';
      if (path.startsWith('note')) {
        // A dispute without a note is the usual one: say it in the page's language.
        if (verdictChosen === 'DISPUTED' && /needs a note/.test(message)) {
          message = t('rvDisputeNeedsNote');
          lang = undefined;
        }
        const field = path.endsWith('en') ? this.noteEn : this.noteDa;
        field.setError(message, lang);
        items.push({
          label: field.label.textContent ?? '',
          text: message,
          targetId: field.id,
          lang,
        });
      } else if (path === 'verdict') {
        this.verdict.setError(message, lang);
        items.push({
          label: t('rvVerdict'),
          text: message,
          targetId: this.verdict.focusTarget.id,
          lang,
        });
      } else {
        items.push({ text: message, targetId: null, lang });
      }
    }
    if (items.length === 0) {
      const text =
        error.code === 'FORBIDDEN' ? t('rvForbidden') : error.message || t('rvNetworkError');
      items.push({ text, targetId: null, lang: error.code === 'FORBIDDEN' ? undefined : 'en' });
    }
    this.showSummary(items);
  }

  destroy(): void {
    this.element.remove();
  }
}
