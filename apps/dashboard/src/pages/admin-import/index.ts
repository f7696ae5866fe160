import { fetchImportPlans } from '../../api/imports';
import type { PageContext, PageView, RenderResult } from '../../app/page';
import { h } from '../../dom';
import '../../styles/forms.css';
import '../../styles/review-admin.css';
import '../../styles/imports.css';
import { PlanFilePart } from './plan-file-part';
import { ProgressPart } from './progress-part';

/**
 * Administrators' imports: a whole plan from a plan file, and many milestones' progress from the plan's
 * template. Each is checked first (a dry run that changes nothing), then made.
 */
export class AdminImportPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly intro = h('p');
  private readonly planFile = new PlanFilePart();
  private readonly progress = new ProgressPart();

  constructor() {
    this.element = h(
      'div',
      { class: 'admin-import' },
      this.heading,
      this.intro,
      this.planFile.element,
      this.progress.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { t, signal } = context;
    const plans = await fetchImportPlans(signal);
    await this.progress.load(plans, signal);
    if (signal.aborted) return { title: '' };
    this.heading.textContent = t('impTitle');
    this.intro.textContent = t('impIntro');
    this.planFile.render(context);
    this.progress.render(context);
    return { title: t('impTitle') };
  }

  destroy(): void {
    this.element.remove();
  }
}
