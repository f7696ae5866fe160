import type { PageContext, PageView, RenderResult } from '../app/page';
import { h } from '../dom';
import type { MessageKey } from '../i18n';

/** The day the statement was last read against the pages (a statement must say when). */
const REVIEWED = '2026-12-07';

const SECTIONS: [heading: MessageKey, text: MessageKey][] = [
  ['a11yStatusHeading', 'a11yStatus'],
  ['a11yTestingHeading', 'a11yTesting'],
  ['a11yLimitsHeading', 'a11yLimits'],
  ['a11yFeedbackHeading', 'a11yFeedback'],
];

/** The accessibility statement (tilgængelighedserklæring), linked from every page's footer. */
export class AccessibilityPage implements PageView {
  readonly element = h('article', { class: 'statement' });

  render({ t, locale }: PageContext): Promise<RenderResult> {
    const reviewed = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${REVIEWED}T00:00:00Z`));
    this.element.replaceChildren(
      h('h1', {}, t('a11yTitle')),
      h('p', {}, t('a11yIntro')),
      ...SECTIONS.flatMap(([heading, text]) => [h('h2', {}, t(heading)), h('p', {}, t(text))]),
      h('p', {}, t('a11yReviewed', { date: reviewed })),
    );
    return Promise.resolve({ title: t('a11yTitle') });
  }

  destroy(): void {
    this.element.remove();
  }
}
