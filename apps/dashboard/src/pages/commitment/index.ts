import { OGP_VALUE_LABELS } from '@ogp/common';
import { fetchCommitment, type CommitmentDetail } from '../../api/public';
import type { PageContext, PageView, RenderResult } from '../../app/page';
import { DownloadPanel } from '../../components/download-panel';
import { fallbackString } from '../../components/fallback-text';
import {
  agencyLink,
  chartSection,
  fact,
  hasText,
  keepFocus,
  labelledSection,
  localizedNode,
  planBreadcrumbs,
  syntheticNotice,
  planPath,
  plainText,
  sourceList,
  themeLink,
  themePath,
} from '../../components/public-ui';
import { h } from '../../dom';
import '../../styles/public.css';
import { renderProgress } from './commitment-progress';
import { renderMilestones } from './milestone-history';
import { renderTimeline } from './milestone-timeline';

/** One commitment: facts, computed progress beside the assessments, the milestone timeline and history. */
export class CommitmentPage implements PageView {
  readonly element: HTMLElement;
  private readonly crumbs = h('div');
  private readonly title = h('h1', { id: 'commitment-title' });
  private readonly facts = labelledSection('commitment-facts', 'facts-heading');
  private readonly description = labelledSection('commitment-description', 'description-heading');
  private readonly progress = labelledSection('commitment-progress', 'progress-heading');
  private readonly timeline = chartSection('milestone-timeline');
  private readonly milestones = labelledSection('milestone-history');
  private readonly sources = labelledSection('commitment-sources', 'sources-heading');
  private readonly downloads = new DownloadPanel();

  constructor() {
    this.element = h(
      'div',
      { class: 'public-page commitment-page' },
      this.crumbs,
      this.title,
      this.facts,
      this.description,
      this.progress,
      this.timeline.section,
      this.milestones,
      this.sources,
      this.downloads.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const commitment = await fetchCommitment(
      context.params.ogpId,
      context.asOf,
      context.locale,
      context.signal,
    );
    if (context.signal.aborted) return { title: '' };
    keepFocus(this.element, () => this.show(commitment, context));
    return {
      title: `${commitment.ogpId} ${plainText(commitment.title, context.locale)}`,
      livePlan: commitment.actionPlan.slug,
    };
  }

  destroy(): void {
    this.timeline.view.destroy();
    this.element.remove();
  }

  private show(c: CommitmentDetail, context: PageContext): void {
    const { locale, t, href } = context;
    this.crumbs.replaceChildren(
      planBreadcrumbs(
        context,
        c.actionPlan,
        {
          label: fallbackString(c.theme.title, locale, t),
          href: href(themePath(c.actionPlan.slug, c.theme.key)),
        },
        { label: `${c.number} ${c.ogpId}` },
      ),
      ...syntheticNotice(c.actionPlan, t),
    );
    this.title.replaceChildren(`${c.number} `, localizedNode(c.title, locale, t));
    this.renderFacts(c, context);
    this.description.replaceChildren(
      h('h2', { id: 'description-heading' }, t('pubDescription')),
      localizedNode(c.description, locale, t, 'p'),
    );
    renderProgress(this.progress, c, context);
    renderTimeline(this.timeline, c, context);
    renderMilestones(this.milestones, c, context);
    this.sources.replaceChildren(
      h('h2', { id: 'sources-heading' }, t('pubSourcesAndNotes')),
      sourceList(c.sources, t),
      ...(hasText(c.notes)
        ? [h('h3', {}, t('pubDataNotes')), localizedNode(c.notes, locale, t, 'p')]
        : []),
    );
    this.downloads.render(c.actionPlan.slug, context);
  }

  private renderFacts(c: CommitmentDetail, context: PageContext): void {
    const { locale, t, href } = context;
    const planSlug = c.actionPlan.slug;
    this.facts.replaceChildren(
      h('h2', { id: 'facts-heading' }, t('pubFacts')),
      h(
        'dl',
        { class: 'facts' },
        ...fact(t('pubOgpId'), c.ogpId),
        ...fact(t('pubNumber'), c.number),
        ...fact(
          t('pubPlan'),
          h('a', { href: href(planPath(planSlug)) }, localizedNode(c.actionPlan.title, locale, t)),
        ),
        ...fact(t('pubTheme'), themeLink(planSlug, c.theme, context, 'theme-link')),
        ...fact(t('pubLeadAgency'), agencyLink(planSlug, c.leadAgency, context)),
        ...fact(
          t('pubSupportingAgencies'),
          c.supportingAgencies.length
            ? h(
                'ul',
                { class: 'inline-list', id: 'supporting-agencies' },
                ...c.supportingAgencies.map((agency) =>
                  h('li', {}, agencyLink(planSlug, agency, context)),
                ),
              )
            : t('pubNone'),
        ),
        ...fact(
          t('pubOtherStakeholders'),
          c.otherStakeholders.length
            ? h(
                'ul',
                { class: 'inline-list' },
                ...c.otherStakeholders.map((name) => h('li', {}, localizedNode(name, locale, t))),
              )
            : t('pubNone'),
        ),
        ...fact(
          t('pubOgpValues'),
          c.ogpValues.length
            ? c.ogpValues.map((value) => OGP_VALUE_LABELS[value][locale]).join(', ')
            : t('noData'),
        ),
      ),
    );
  }
}
