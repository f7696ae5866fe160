import { Completion } from '@ogp/common';
import { fetchPlanSummaries, type PlanSummary } from '../api/public';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { COMPLETION_ORDER, countOf } from '../charts/configs';
import { planComparisonChart } from '../charts/public-configs';
import { fallbackString } from '../components/fallback-text';
import { formatDay } from '../components/partial-date';
import { aggregateHeadline } from '../components/public-progress';
import {
  agencyLabel,
  chartSection,
  completionText,
  countCell,
  coverageText,
  fact,
  keepFocus,
  localizedNode,
  percentText,
  periodText,
  planPath,
  plainText,
  sizeChart,
} from '../components/public-ui';
import { dataTable, h } from '../dom';
import '../styles/public.css';

/** The plans the reader may read, side by side, with a chart and table comparing them. */
export class PlanListPage implements PageView {
  readonly element: HTMLElement;
  private readonly title = h('h1', { id: 'plans-title' });
  private readonly intro = h('p', { class: 'summary', id: 'plans-intro' });
  private readonly list = h('div', { class: 'plan-cards', id: 'plan-cards' });
  private readonly comparison = chartSection('plan-comparison');

  constructor() {
    this.element = h(
      'div',
      { class: 'public-page plan-list' },
      this.title,
      this.intro,
      this.list,
      this.comparison.section,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    const plans = await fetchPlanSummaries(context.asOf, context.signal);
    if (context.signal.aborted) return { title: '' };
    keepFocus(this.element, () => this.show(plans, context));
    return {
      title: context.t('pubPlansTitle'),
      livePlan: plans.length === 1 ? plans[0].slug : null,
    };
  }

  destroy(): void {
    this.comparison.view.destroy();
    this.element.remove();
  }

  private show(plans: PlanSummary[], context: PageContext): void {
    const { t } = context;
    this.title.textContent = t('pubPlansTitle');
    this.intro.textContent = plans.length
      ? t('pubPlansIntro', { count: plans.length })
      : t('pubPlansNone');
    this.list.replaceChildren(...plans.map((plan) => this.card(plan, context)));
    this.comparison.section.hidden = plans.length === 0;
    if (plans.length) this.renderComparison(plans, context);
  }

  private card(plan: PlanSummary, context: PageContext): HTMLElement {
    const { locale, t, href } = context;
    const { progress } = plan;
    const headingId = `plan-${plan.slug}-heading`;
    return h(
      'article',
      { class: 'plan-card', 'data-slug': plan.slug, 'aria-labelledby': headingId },
      h(
        'h2',
        { id: headingId },
        h('a', { href: href(planPath(plan.slug)) }, localizedNode(plan.title, locale, t)),
      ),
      plan.isSynthetic ? h('p', { class: 'synthetic' }, t('pubSynthetic')) : null,
      h('p', { class: 'summary headline' }, aggregateHeadline(progress, locale)),
      h(
        'dl',
        { class: 'facts' },
        ...fact(t('pubCountry'), plan.countryCode),
        ...fact(t('pubPeriod'), periodText(plan.periodStart, plan.periodEnd, locale, t)),
        ...fact(
          t('pubPublished'),
          plan.publishedOn ? formatDay(plan.publishedOn, locale) : t('noData'),
        ),
        ...fact(
          t('pubCoordinatingAgency'),
          plan.coordinatingAgency ? agencyLabel(plan.coordinatingAgency, locale, t) : t('noData'),
        ),
        ...fact(t('pubPercent'), percentText(progress.percent, locale, t), {
          class: 'figure',
          'data-value': String(progress.percent ?? ''),
        }),
        ...fact(t('pubCoverage'), coverageText(progress.coverage, locale, t), {
          'data-value': String(progress.coverage ?? ''),
        }),
        ...fact(
          t('pubCommitments'),
          t('pubReportedOf', {
            reported: progress.reportedCount ?? 0,
            count: progress.commitmentCount ?? 0,
          }),
        ),
        ...fact(t('pubThemes'), String(plan.themes.length)),
      ),
    );
  }

  private renderComparison(plans: PlanSummary[], context: PageContext): void {
    const { locale, t, href } = context;
    const s = this.comparison;
    const withData = plans.filter((plan) => plan.progress.percent !== null);
    const best = withData.reduce<PlanSummary | null>(
      (top, plan) =>
        top && (top.progress.percent ?? 0) >= (plan.progress.percent ?? 0) ? top : plan,
      null,
    );
    s.heading.textContent = t('pubPlansChartCaption');
    s.summary.textContent =
      plans.length === 1
        ? t('pubPlansChartOne', {
            complete: countOf(plans[0].progress.completionCounts, Completion.COMPLETE),
            count: plans[0].progress.commitmentCount ?? 0,
            percent: percentText(plans[0].progress.percent, locale, t),
          })
        : t('pubPlansChartSummary', {
            count: plans.length,
            withData: withData.length,
            best: best
              ? `${fallbackString(best.title, locale, t)} (${percentText(best.progress.percent, locale, t)})`
              : t('noData'),
          });
    s.canvas.setAttribute('aria-label', t('pubPlansChartCaption'));
    sizeChart(s, plans.length, 56);
    s.view.update(
      planComparisonChart(
        plans.map((plan) => ({ label: plainText(plan.title, locale), progress: plan.progress })),
        locale,
        t('pubCommitments'),
      ),
    );
    s.table.replaceChildren(
      dataTable(
        t('pubPlansChartCaption'),
        [
          { label: t('pubPlan') },
          { label: t('pubPercent'), numeric: true },
          { label: t('pubCoverage'), numeric: true },
          { label: t('pubCommitments'), numeric: true },
          ...COMPLETION_ORDER.map((level) => ({
            label: completionText(level, locale),
            numeric: true,
          })),
        ],
        plans.map((plan) => ({
          key: plan.slug,
          header: h('a', { href: href(planPath(plan.slug)) }, localizedNode(plan.title, locale, t)),
          cells: [
            {
              text: percentText(plan.progress.percent, locale, t),
              value: plan.progress.percent,
            },
            {
              text: coverageText(plan.progress.coverage, locale, t),
              value: plan.progress.coverage,
            },
            countCell(plan.progress.commitmentCount ?? 0),
            ...COMPLETION_ORDER.map((level) =>
              countCell(countOf(plan.progress.completionCounts, level)),
            ),
          ],
        })),
      ),
    );
  }
}
