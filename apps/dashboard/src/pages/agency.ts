import type { PageContext, PageView, RenderResult } from '../app/page';
import { h } from '../dom';

// PLACEHOLDER: replaced by the real page in this same change.
export class AgencyPage implements PageView {
  readonly element = h('div', {}, h('h1', {}, 'AgencyPage'));

  render(context: PageContext): Promise<RenderResult> {
    return Promise.resolve({ title: context.t('appName') });
  }

  destroy(): void {
    this.element.remove();
  }
}
