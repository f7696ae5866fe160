import {
  MILESTONE_FLAG_LABELS,
  Role,
  VERIFICATION_LABELS,
  milestoneStatusLabel,
  type MilestoneFlag,
} from '@ogp/common';
import {
  FLAG_FILTERS,
  fetchAgencyMilestones,
  fetchPlanAgencies,
  fetchPlans,
  flagCounts,
  parseFlag,
  type MyMilestone,
  type PlanSummary,
} from '../api/coordinator/my-milestones';
import { localized, type LocalizedText } from '../api/dashboard';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { hasRole } from '../app/session';
import { fallbackNode, fallbackString } from '../components/fallback-text';
import { dataTable, h } from '../dom';
import { FormField } from '../forms/field';
import { formatPercent } from '../i18n';
import '../styles/forms.css';
import '../styles/coordinator.css';
import '../styles/visually-hidden.css';

interface Agency {
  slug: string;
  name: LocalizedText;
}

interface PlanRows {
  plan: PlanSummary;
  /** Every milestone the chosen agencies lead (for the counts). */
  all: MyMilestone[];
  /** Those the flag filter keeps, as the API answers with the flag (the table). */
  shown: MyMilestone[];
}

/** Milestones of the commitments the user's agencies lead, with filters in the URL and a link to report each. */
export class MyMilestonesPage implements PageView {
  readonly element = h('div', { class: 'my-milestones' });
  private readonly heading = h('h1');
  private readonly intro = h('p');
  private readonly plan = new FormField(h('select', { name: 'plan' }), { id: 'filter-plan' });
  private readonly agency = new FormField(h('select', { name: 'agency' }), { id: 'filter-agency' });
  private readonly flag = new FormField(h('select', { name: 'flag' }), { id: 'filter-flag' });
  private readonly apply = h('button', { type: 'submit' });
  private readonly reset = h('a', { class: 'reset' });
  private readonly filters = h(
    'form',
    { class: 'form filters', method: 'get', action: '/my-milestones', role: 'search' },
    this.plan.element,
    this.agency.element,
    this.flag.element,
    h('div', { class: 'form-actions' }, this.apply, this.reset),
  );
  private readonly summary = h('p', { class: 'summary', id: 'milestone-summary' });
  private readonly results = h('div', { class: 'results' });
  private context: PageContext | null = null;

  constructor() {
    this.element.append(this.heading, this.intro, this.filters, this.summary, this.results);
    this.filters.addEventListener('submit', (event) => {
      event.preventDefault();
      this.context?.setQuery({
        plan: this.plan.control.value || null,
        agency: this.agency.control.value || null,
        flag: this.flag.control.value || null,
      });
    });
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.context = context;
    const { t, locale, query, user } = context;
    const isAdmin = hasRole(user, Role.ADMIN);
    const plans = await fetchPlans(context.signal);
    if (context.signal.aborted) return { title: '' };
    const planSlug = query.get('plan');
    const chosenPlans = plans.filter((plan) => !planSlug || plan.slug === planSlug);
    const flag = parseFlag(query.get('flag'));

    // Coordinators choose among their own agencies; administrators among the agencies of the plans shown.
    let agencies: Agency[] = user?.agencies ?? [];
    if (isAdmin) {
      const lists = await Promise.all(
        chosenPlans.map((plan) => fetchPlanAgencies(plan.slug, context.signal)),
      );
      if (context.signal.aborted) return { title: '' };
      const bySlug = new Map<string, Agency>();
      for (const agency of [...agencies, ...lists.flat()]) bySlug.set(agency.slug, agency);
      agencies = [...bySlug.values()].sort((a, b) =>
        localized(a.name, locale).localeCompare(localized(b.name, locale), locale),
      );
    }
    const agencyParam = query.get('agency');
    const chosenAgency = agencies.find((agency) => agency.slug === agencyParam) ?? null;
    // An administrator leads nothing: they look at one agency at a time, once they have picked it.
    const agencySlugs = chosenAgency
      ? [chosenAgency.slug]
      : isAdmin
        ? []
        : (user?.agencies ?? []).map((agency) => agency.slug);

    const rows = await Promise.all(
      chosenPlans.map(async (plan): Promise<PlanRows> => {
        const [all, shown] = await Promise.all([
          this.milestonesOf(plan.slug, agencySlugs, null, context.signal),
          flag
            ? this.milestonesOf(plan.slug, agencySlugs, flag, context.signal)
            : Promise.resolve(null),
        ]);
        return { plan, all, shown: shown ?? all };
      }),
    );
    if (context.signal.aborted) return { title: '' };

    this.heading.textContent = t('myMilestonesHeading');
    this.intro.textContent = isAdmin ? t('myMilestonesIntroAdmin') : t('myMilestonesIntro');
    this.renderFilters(context, plans, agencies, isAdmin, flag);
    if (agencySlugs.length === 0) {
      this.summary.textContent = isAdmin ? t('myMilestonesPickAgency') : t('myMilestonesNoAgency');
      this.results.replaceChildren();
      return { title: t('myMilestonesHeading') };
    }
    const everything = rows.flatMap((row) => row.all);
    const counts = flagCounts(everything);
    const shownCount = rows.reduce((sum, row) => sum + row.shown.length, 0);
    this.summary.textContent = t('myMilestonesSummary', {
      shown: shownCount,
      total: everything.length,
      overdue: counts.overdue,
      dueSoon: counts.dueSoon,
      stale: counts.stale,
    });
    this.results.replaceChildren(
      ...rows
        // With several plans, those where the agencies lead nothing are left out.
        .filter((row) => rows.length === 1 || row.all.length > 0)
        .map((row) => this.planSection(row, context, flag)),
    );
    return { title: t('myMilestonesHeading') };
  }

  destroy(): void {
    this.element.remove();
  }

  private async milestonesOf(
    planSlug: string,
    agencySlugs: string[],
    flag: MilestoneFlag | null,
    signal: AbortSignal,
  ): Promise<MyMilestone[]> {
    const lists = await Promise.all(
      agencySlugs.map((slug) => fetchAgencyMilestones(planSlug, slug, flag, signal)),
    );
    // One commitment has one lead agency, so the lists do not overlap; the map keeps that true anyway.
    const byId = new Map(lists.flat().map((milestone) => [milestone.id, milestone]));
    return [...byId.values()];
  }

  private renderFilters(
    context: PageContext,
    plans: PlanSummary[],
    agencies: Agency[],
    isAdmin: boolean,
    flag: MilestoneFlag | null,
  ): void {
    const { t, locale, query } = context;
    const option = (value: string, text: string, selected: boolean) =>
      h('option', { value, selected }, text);
    this.plan.setLabel(t('myFilterPlan'));
    this.plan.control.replaceChildren(
      option('', t('myFilterAllPlans'), !query.get('plan')),
      ...plans.map((plan) =>
        option(plan.slug, fallbackString(plan.title, locale, t), plan.slug === query.get('plan')),
      ),
    );
    this.agency.setLabel(t('myFilterAgency'));
    this.agency.control.replaceChildren(
      option(
        '',
        isAdmin ? t('myFilterChooseAgency') : t('myFilterAllMyAgencies'),
        !query.get('agency'),
      ),
      ...agencies.map((agency) =>
        option(
          agency.slug,
          fallbackString(agency.name, locale, t),
          agency.slug === query.get('agency'),
        ),
      ),
    );
    this.flag.setLabel(t('myFilterFlag'));
    this.flag.control.replaceChildren(
      option('', t('myFilterAllMilestones'), !flag),
      ...FLAG_FILTERS.map((value) =>
        option(value, MILESTONE_FLAG_LABELS[value][locale], value === flag),
      ),
    );
    this.apply.textContent = t('myFilterApply');
    this.reset.textContent = t('myFilterReset');
    this.reset.href = context.href('/my-milestones');
    // Without the script the form still works: the language goes along.
    let lang = this.filters.querySelector<HTMLInputElement>('input[name="lang"]');
    if (!lang) {
      lang = h('input', { type: 'hidden', name: 'lang' });
      this.filters.prepend(lang);
    }
    lang.value = locale;
  }

  private planSection(
    row: PlanRows,
    context: PageContext,
    flag: MilestoneFlag | null,
  ): HTMLElement {
    const { t, locale, href } = context;
    const noData = t('noData');
    const title = fallbackNode(row.plan.title, locale, t);
    const id = `plan-${row.plan.slug}`;
    const caption = flag
      ? t('myMilestonesCaptionFlag', { flag: MILESTONE_FLAG_LABELS[flag][locale] })
      : t('myMilestonesCaption');
    const body: HTMLElement[] = [];
    if (row.shown.length === 0) {
      body.push(
        h('p', { class: 'empty' }, flag ? t('myMilestonesNoneFlag') : t('myMilestonesNone')),
      );
    } else {
      body.push(
        h(
          'div',
          { class: 'table-wrap' },
          dataTable(
            caption,
            [
              { label: t('myColMilestone') },
              { label: t('myColCommitment') },
              { label: t('myColPlannedEnd') },
              { label: t('myColStatus') },
              { label: t('myColPercent'), numeric: true },
              { label: t('myColFlags') },
              { label: t('myColLastUpdate') },
              { label: t('myColVerification') },
            ],
            row.shown.map((milestone) => {
              const ogpId = encodeURIComponent(milestone.commitment.ogpId);
              const name = fallbackString(milestone.title, locale, t);
              return {
                key: milestone.id,
                // The report link sits under the milestone's name: one column less to scroll past.
                header: h(
                  'span',
                  { class: 'milestone-cell' },
                  h('span', { class: 'milestone-name' }, fallbackNode(milestone.title, locale, t)),
                  h(
                    'a',
                    {
                      class: 'report-link',
                      href: href(
                        `/commitments/${ogpId}/milestones/${encodeURIComponent(milestone.id)}/report`,
                      ),
                    },
                    t('myReportLink'),
                    // The visible text is the same in every row; the hidden rest says which milestone.
                    h(
                      'span',
                      { class: 'visually-hidden' },
                      ` ${t('myReportLinkFor', { milestone: name })}`,
                    ),
                  ),
                ),
                cells: [
                  {
                    text: h(
                      'span',
                      {},
                      h('a', { href: href(`/commitments/${ogpId}`) }, milestone.commitment.ogpId),
                      h(
                        'span',
                        { class: 'commitment-title' },
                        fallbackNode(milestone.commitment.title, locale, t),
                      ),
                    ),
                  },
                  { text: milestone.plannedEnd?.label ?? noData },
                  { text: milestoneStatusLabel(milestone.status)[locale] },
                  {
                    text: formatPercent(milestone.progressPercent, locale, noData),
                    value: milestone.progressPercent,
                  },
                  {
                    text: milestone.flags.length
                      ? milestone.flags.map((f) => MILESTONE_FLAG_LABELS[f][locale]).join(', ')
                      : t('myFlagsNone'),
                  },
                  { text: milestone.lastUpdateOn ?? noData },
                  { text: VERIFICATION_LABELS[milestone.verification][locale] },
                ],
              };
            }),
          ),
        ),
      );
    }
    return h(
      'section',
      { class: 'plan-milestones', id, 'aria-labelledby': `${id}-heading` },
      h('h2', { id: `${id}-heading` }, title),
      ...body,
    );
  }
}
