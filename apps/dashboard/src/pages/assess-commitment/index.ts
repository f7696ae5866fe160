import { ASSESSMENT_STAGE_LABELS } from '@ogp/common';
import { assessCommitment, fetchCommitmentToAssess } from '../../api/reviewer';
import type { PageContext, PageView, RenderResult } from '../../app/page';
import { h } from '../../dom';
import { Busy } from '../../forms/form';
import '../../styles/forms.css';
import '../../styles/review-admin.css';
import { titleIn } from '../../components/review-ui';
import { AssessmentForm } from './assessment-form';
import { renderBeside } from './assessment-view';

/** A reviewer records an IRM (or government self-) assessment of a commitment. */
export class AssessCommitmentPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly context = h('p');
  private readonly beside = {
    computed: h('section', {
      id: 'assess-computed',
      'aria-labelledby': 'assess-computed-heading',
    }),
    existing: h('section', {
      id: 'assess-existing',
      'aria-labelledby': 'assess-existing-heading',
    }),
  };
  private readonly form = new AssessmentForm(() => this.send());
  private ctx: PageContext | null = null;
  private readonly busy = new Busy();

  constructor() {
    this.element = h(
      'div',
      { class: 'assess' },
      this.heading,
      this.context,
      h(
        'div',
        { class: 'ra-columns' },
        this.form.section.element,
        h('div', { class: 'ra-beside' }, this.beside.computed, this.beside.existing),
      ),
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal, params } = context;
    const commitment = await fetchCommitmentToAssess(params.ogpId, signal);
    if (signal.aborted) return { title: '' };
    const name = `${commitment.ogpId} ${titleIn(commitment.title, locale, t)}`;
    this.heading.textContent = t('rvAssessTitle', { commitment: commitment.ogpId });
    this.context.replaceChildren(
      `${t('rvCommitment')}: `,
      h('a', { href: context.href(`/commitments/${encodeURIComponent(commitment.ogpId)}`) }, name),
    );
    this.form.render(t, locale, context.href('/review', { plan: commitment.actionPlan.slug }));
    renderBeside(this.beside, commitment, locale, t);
    return { title: t('rvAssessTitle', { commitment: commitment.ogpId }) };
  }

  private async send(): Promise<void> {
    const context = this.ctx;
    if (!context) return;
    const { t } = context;
    const { section, success, problems } = this.form;
    await this.busy.run(section.submit, async () => {
      problems.clear();
      success.textContent = '';
      const { input, problems: found } = this.form.read(t, context.params.ogpId);
      if (!input) {
        problems.show(t('rvErrorSummary'), found);
        return;
      }
      try {
        const saved = await assessCommitment(input);
        const message = t('rvAssessmentRecorded', {
          stage: ASSESSMENT_STAGE_LABELS[saved.stage][context.locale],
        });
        section.form.reset();
        // The saved assessment beside the form first, then the message. A failed re-read does not undo the save.
        await fetchCommitmentToAssess(context.params.ogpId, new AbortController().signal).then(
          (fresh) => renderBeside(this.beside, fresh, context.locale, t),
          () => undefined,
        );
        success.textContent = message;
      } catch (error) {
        problems.showError(error, context);
      }
    });
  }

  destroy(): void {
    this.element.remove();
  }
}
