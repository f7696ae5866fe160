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
import { ChoiceField, textAreaField } from '../forms/field';
import { Busy } from '../forms/form';
import { choiceTarget, fieldTarget, FormProblems } from '../forms/form-problems';
import { FormSection } from '../forms/form-section';
import { formatDateTime, type Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { textIn, titleIn, updateDetails } from '../components/review-ui';

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
  private readonly notice = h('div', { class: 'ra-notice', id: 'verify-notice', hidden: true });
  private readonly success = h('p', { class: 'ra-success', id: 'verify-success', role: 'status' });
  private readonly formSection = new FormSection(
    {
      section: 'verify',
      heading: 'verify-form-heading',
      summary: 'verify-errors',
      form: 'verify-form',
    },
    () => this.send(),
    { between: [this.notice, this.success] },
  );
  private readonly verdict = new ChoiceField<Verdict>('verify-verdict', VERDICTS);
  private readonly noteDa = textAreaField('verify-note-da', { lang: 'da' });
  private readonly noteEn = textAreaField('verify-note-en', { lang: 'en' });
  private readonly noteGroup = h('div', { class: 'ra-pair' });
  private readonly back = h('a');
  private readonly problems = new FormProblems(this.formSection.summary, {
    verdict: choiceTarget(this.verdict),
    'note.da': fieldTarget(this.noteDa),
    'note.en': fieldTarget(this.noteEn),
    // A note missing as a whole: shown at the Danish box, which comes first.
    note: fieldTarget(this.noteDa),
  });
  private data: MilestoneToVerify | null = null;
  /** The report the reviewer has in front of them: a verdict is only recorded about that one. */
  private shownUpdateId: string | null = null;
  private ctx: PageContext | null = null;
  private readonly busy = new Busy();

  constructor() {
    this.noteGroup.append(this.noteDa.element, this.noteEn.element);
    this.formSection.fill([this.verdict.element, this.noteGroup], this.back);
    this.element = h(
      'div',
      { class: 'verify' },
      this.heading,
      this.context,
      this.report,
      this.formSection.element,
      this.history,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal, params } = context;
    const data = await fetchMilestoneToVerify(params.ogpId, params.milestoneId, signal);
    if (signal.aborted) return { title: '' };
    if (!data.milestone) throw new GraphqlError(t('notFound'), 'NOT_FOUND');
    this.data = data;
    const title = titleIn(data.milestone.title, locale, t);
    this.heading.textContent = t('rvVerifyTitle', { title });
    this.context.replaceChildren(
      `${t('rvCommitment')}: `,
      h(
        'a',
        { href: context.href(`/commitments/${encodeURIComponent(data.commitment.ogpId)}`) },
        `${data.commitment.ogpId} ${titleIn(data.commitment.title, locale, t)}`,
      ),
    );
    const latest = data.milestone.history[0] ?? null;
    if (this.shownUpdateId === null) this.shownUpdateId = latest?.id ?? null;
    this.renderReport(context);
    this.renderVerdicts(data.verdicts, locale, t);
    this.renderFormLabels(t);
    this.back.href = context.href('/review', { plan: data.commitment.actionPlan.slug });
    this.formSection.element.hidden = latest === null;
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
    this.formSection.heading.textContent = t('rvYourVerdict');
    this.verdict
      .setLegend(t('rvVerdict'))
      .setLabels((value) => t(value === 'VERIFIED' ? 'rvVerdictVerified' : 'rvVerdictDisputed'));
    this.noteDa.setLabel(t('rvNoteDa')).setHint(t('rvNoteHint'));
    this.noteEn.setLabel(t('rvNoteEn'));
    this.formSection.submit.textContent = t('rvRecordVerdict');
    this.back.textContent = t('rvBackToReview');
  }

  private async send(): Promise<void> {
    const context = this.ctx;
    if (!context || !this.data?.milestone) return;
    const milestone = this.data.milestone;
    const { t } = context;
    await this.busy.run(this.formSection.submit, async () => {
      this.problems.clear();
      this.notice.hidden = true;
      this.success.textContent = '';
      const verdict = this.verdict.value;
      if (!verdict) {
        this.problems.show(t('rvErrorSummary'), [{ key: 'verdict', text: t('rvChooseVerdict') }]);
        return;
      }
      const da = this.noteDa.control.value.trim() || null;
      const en = this.noteEn.control.value.trim() || null;
      try {
        // The verdict names the report on screen: if the agency has reported since, the API records nothing.
        const result = await verifyMilestone({
          milestoneId: milestone.id,
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
        this.problems.showError(error, context, 'input');
      }
    });
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

  destroy(): void {
    this.element.remove();
  }
}
