import {
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  OGP_VALUE_LABELS,
  POTENTIAL_IMPACT_LABELS,
  ROLL_UP_RULES,
  SPECIFICITY_LABELS,
  STARRED_LABELS,
  VERIFICATION_LABELS,
  VISIBILITY_LABELS,
} from '@ogp/common';
import type { LocalizedText } from '../api/dashboard';
import {
  fetchCommitment,
  type AssessmentEntry,
  type CommitmentDetail,
  type MilestoneDetail,
  type PartialDateValue,
  type StatusUpdateEntry,
} from '../api/public';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { milestoneTimelineChart } from '../charts/public-configs';
import { formatDay, formatPartialDate } from '../components/partial-date';
import { progressFigures } from '../components/public-progress';
import {
  agencyLink,
  chartSection,
  completionText,
  dateCell,
  dateText,
  fact,
  flagsText,
  keepFocus,
  labelledSection,
  localizedNode,
  percentText,
  periodText,
  planBreadcrumbs,
  planPath,
  plainText,
  sizeChart,
  sourceList,
  statusText,
  themeLink,
  themePath,
} from '../components/public-ui';
import { dataTable, h } from '../dom';
import { formatDateTime } from '../i18n';
import '../styles/public.css';

const hasText = (text: LocalizedText | null | undefined): boolean => !!(text?.da || text?.en);

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
          label: plainText(c.theme.title, locale),
          href: href(themePath(c.actionPlan.slug, c.theme.key)),
        },
        { label: `${c.number} ${c.ogpId}` },
      ),
    );
    this.title.replaceChildren(`${c.number} `, localizedNode(c.title, locale, t));
    this.renderFacts(c, context);
    this.description.replaceChildren(
      h('h2', { id: 'description-heading' }, t('pubDescription')),
      localizedNode(c.description, locale, t, 'p'),
    );
    this.renderProgress(c, context);
    this.renderTimeline(c, context);
    this.renderMilestones(c, context);
    this.sources.replaceChildren(
      h('h2', { id: 'sources-heading' }, t('pubSourcesAndNotes')),
      sourceList(c.sources, t),
      ...(hasText(c.notes)
        ? [h('h3', {}, t('pubDataNotes')), localizedNode(c.notes, locale, t, 'p')]
        : []),
    );
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

  private renderProgress(c: CommitmentDetail, context: PageContext): void {
    const { locale, t } = context;
    const p = c.progress;
    const computed = h(
      'div',
      { class: 'panel', id: 'computed-progress' },
      h('h3', {}, t('pubComputedHeading')),
      progressFigures('commitment', p, context),
      h('p', {}, `${t('pubFormula')}: `, h('span', { id: 'progress-formula' }, c.progressFormula)),
      h('details', {}, h('summary', {}, t('pubRulesInWords')), h('p', {}, ROLL_UP_RULES[locale])),
    );
    const assessments = h(
      'div',
      { class: 'panel', id: 'assessments' },
      h('h3', {}, t('pubAssessmentsHeading')),
      ...(c.latestAssessments.length
        ? c.latestAssessments.map((a) => this.assessment(a, context))
        : [h('p', { class: 'no-data', id: 'no-assessment' }, t('pubNoAssessment'))]),
    );
    this.progress.replaceChildren(
      h('h2', { id: 'progress-heading' }, t('pubProgressAndAssessment')),
      h(
        'div',
        { class: 'table-wrap' },
        dataTable(
          t('pubCompareCaption'),
          [
            { label: t('pubAssessedBy') },
            { label: t('pubCompletion') },
            { label: t('pubPercent'), numeric: true },
          ],
          [
            {
              key: 'computed',
              header: t('pubComputedRow', {
                date: context.asOf ? formatDay(context.asOf, locale) : t('pubToday'),
              }),
              cells: [
                { text: completionText(p.completion, locale), value: p.completion },
                { text: percentText(p.percent, locale, t), value: p.percent },
              ],
            },
            ...c.latestAssessments.map((a) => ({
              key: `${a.assessor}-${a.stage}`,
              header: `${ASSESSOR_LABELS[a.assessor][locale]}, ${ASSESSMENT_STAGE_LABELS[a.stage][locale]} (${formatPartialDate(a.assessedOn, locale)})`,
              cells: [
                {
                  text: a.completion ? completionText(a.completion, locale) : t('pubNotAssessed'),
                  value: a.completion,
                },
                { text: t('pubNotGiven') },
              ],
            })),
          ],
        ),
      ),
      h('div', { class: 'side-by-side' }, computed, assessments),
    );
    this.progress.querySelector('table')?.setAttribute('id', 'completion-compare');
  }

  private assessment(a: AssessmentEntry, { locale, t }: PageContext): HTMLElement {
    const notAssessed = t('pubNotAssessed');
    const label = <K extends string>(
      labels: Readonly<Record<K, { da: string; en: string }>>,
      value: K | null,
    ) => (value === null ? notAssessed : labels[value][locale]);
    const yesNo = (value: boolean | null) =>
      value === null ? notAssessed : value ? t('pubYes') : t('pubNo');
    return h(
      'article',
      { class: 'assessment', 'data-stage': a.stage, 'data-assessor': a.assessor },
      h(
        'h4',
        {},
        `${ASSESSMENT_STAGE_LABELS[a.stage][locale]}: ${ASSESSOR_LABELS[a.assessor][locale]}`,
      ),
      h(
        'dl',
        { class: 'facts' },
        ...fact(t('pubAssessedOn'), formatPartialDate(a.assessedOn, locale)),
        ...fact(
          t('pubCompletion'),
          a.completion ? completionText(a.completion, locale) : notAssessed,
        ),
        ...fact(t('pubDidItOpen'), label(DID_IT_OPEN_GOVERNMENT_LABELS, a.didItOpenGovernment)),
        ...fact(t('pubPotentialImpact'), label(POTENTIAL_IMPACT_LABELS, a.potentialImpact)),
        ...fact(t('pubVerifiable'), yesNo(a.verifiable)),
        ...fact(t('pubSpecificity'), label(SPECIFICITY_LABELS, a.specificity)),
        ...fact(
          t('pubRelevantValues'),
          a.relevantOgpValues === null
            ? notAssessed
            : a.relevantOgpValues.length
              ? a.relevantOgpValues.map((value) => OGP_VALUE_LABELS[value][locale]).join(', ')
              : t('pubNone'),
        ),
        ...fact(t('pubPotentiallyStarred'), yesNo(a.potentiallyStarred)),
        ...fact(t('pubStarred'), label(STARRED_LABELS, a.starred)),
        ...fact(t('pubSource'), h('a', { href: a.source.url }, a.source.title ?? a.source.url)),
      ),
      ...(hasText(a.note)
        ? [
            h(
              'details',
              {},
              h('summary', {}, t('pubAssessmentNote')),
              localizedNode(a.note, locale, t, 'p'),
            ),
          ]
        : []),
    );
  }

  private renderTimeline(c: CommitmentDetail, context: PageContext): void {
    const { locale, t } = context;
    const s = this.timeline;
    const ms = c.milestones;
    const dated = (m: MilestoneDetail) => !!(m.plannedStart && m.plannedEnd);
    const done = (m: MilestoneDetail) => !!(m.actualStart && m.actualEnd);
    s.heading.textContent = t('pubTimelineCaption');
    s.summary.textContent = ms.length
      ? t('pubTimelineSummary', {
          count: ms.length,
          planned: ms.filter(dated).length,
          actual: ms.filter(done).length,
          noData: ms.filter((m) => m.status === null).length,
        })
      : t('pubNoMilestones');
    s.note.hidden = ms.length === 0;
    s.note.textContent = t('pubTimelineNote');
    s.canvas.setAttribute('aria-label', t('pubTimelineCaption'));
    s.chart.hidden = !ms.some((m) => dated(m) || done(m));
    s.table.hidden = ms.length === 0;
    sizeChart(s, ms.length, 64);
    const words = (date: PartialDateValue) => formatPartialDate(date, locale);
    s.view.update(
      milestoneTimelineChart(
        ms.map((m) => ({
          label: `${m.position}. ${plainText(m.title, locale)}`,
          plannedStart: m.plannedStart,
          plannedEnd: m.plannedEnd,
          actualStart: m.actualStart,
          actualEnd: m.actualEnd,
        })),
        locale,
        {
          planned: t('pubPlanned'),
          actual: t('pubActual'),
          describe: (start, end) => `${words(start)} – ${words(end)}`,
        },
      ),
    );
    const date = (value: PartialDateValue | null) => dateCell(value, locale, t);
    s.table.replaceChildren(
      dataTable(
        t('pubTimelineCaption'),
        [
          { label: t('pubMilestone') },
          { label: t('pubPlannedStart') },
          { label: t('pubPlannedEnd') },
          { label: t('pubActualStart') },
          { label: t('pubActualEnd') },
          { label: t('pubStatus') },
          { label: t('pubPercent'), numeric: true },
          { label: t('pubFlags') },
          { label: t('pubVerification') },
        ],
        ms.map((m) => ({
          key: m.id,
          header: h(
            'a',
            { href: `#milestone-${m.id}` },
            `${m.position}. `,
            localizedNode(m.title, locale, t),
          ),
          cells: [
            date(m.plannedStart),
            date(m.plannedEnd),
            date(m.actualStart),
            date(m.actualEnd),
            { text: statusText(m.status, locale), value: m.status },
            { text: percentText(m.progressPercent, locale, t), value: m.progressPercent },
            { text: flagsText(m.flags, locale, t), value: m.flags.join(' ') },
            { text: VERIFICATION_LABELS[m.verification][locale], value: m.verification },
          ],
        })),
      ),
    );
  }

  private renderMilestones(c: CommitmentDetail, context: PageContext): void {
    const { t } = context;
    this.milestones.replaceChildren(
      h('h2', { id: 'milestone-history-heading' }, t('pubMilestonesHeading')),
      ...(c.milestones.length
        ? c.milestones.map((m) => this.milestone(m, context))
        : [h('p', { class: 'no-data' }, t('pubNoMilestones'))]),
    );
  }

  private milestone(m: MilestoneDetail, context: PageContext): HTMLElement {
    const { locale, t } = context;
    const headingId = `milestone-${m.id}-heading`;
    return h(
      'article',
      {
        class: 'milestone',
        id: `milestone-${m.id}`,
        'data-id': m.id,
        'aria-labelledby': headingId,
        tabindex: '-1',
      },
      h('h3', { id: headingId }, `${m.position}. `, localizedNode(m.title, locale, t)),
      h(
        'dl',
        { class: 'facts' },
        ...fact(t('pubStatus'), h('span', { class: 'status-text' }, statusText(m.status, locale))),
        ...fact(t('pubPercent'), percentText(m.progressPercent, locale, t)),
        ...fact(t('pubFlags'), flagsText(m.flags, locale, t)),
        ...fact(t('pubVerification'), VERIFICATION_LABELS[m.verification][locale]),
        ...fact(t('pubWeight'), String(m.weight)),
        ...fact(t('pubPlannedPeriod'), periodText(m.plannedStart, m.plannedEnd, locale, t)),
        ...fact(t('pubLastUpdate'), dateText(m.history[0]?.effectiveDate ?? null, locale, t)),
      ),
      ...(hasText(m.description) ? [localizedNode(m.description, locale, t, 'p')] : []),
      h('h4', {}, t('pubHistory')),
      m.history.length
        ? h('ol', { class: 'history' }, ...m.history.map((entry) => this.update(entry, context)))
        : h('p', { class: 'no-data' }, t('pubNoHistory')),
      ...(m.sources.length || hasText(m.notes)
        ? [
            h(
              'details',
              {},
              h('summary', {}, t('pubMilestoneSources')),
              sourceList(m.sources, t),
              ...(hasText(m.notes) ? [localizedNode(m.notes, locale, t, 'p')] : []),
            ),
          ]
        : []),
    );
  }

  private update(entry: StatusUpdateEntry, { locale, t }: PageContext): HTMLElement {
    const effective = formatPartialDate(entry.effectiveDate, locale);
    return h(
      'li',
      { class: 'update', 'data-id': entry.id },
      h(
        'p',
        { class: 'update-head' },
        h(
          'strong',
          {},
          entry.effectiveDateKnown ? effective : t('pubUndatedUpdate', { date: effective }),
        ),
        `: ${statusText(entry.status, locale)}`,
        entry.progressPercent === null ? '' : `, ${percentText(entry.progressPercent, locale, t)}`,
        entry.actualStart
          ? ` · ${t('pubActualStart')} ${formatPartialDate(entry.actualStart, locale)}`
          : '',
        entry.actualEnd
          ? ` · ${t('pubActualEnd')} ${formatPartialDate(entry.actualEnd, locale)}`
          : '',
      ),
      ...(hasText(entry.note) ? [localizedNode(entry.note, locale, t, 'p')] : []),
      ...(entry.evidence.length
        ? [
            h(
              'div',
              { class: 'evidence' },
              h('span', {}, `${t('pubEvidence')}:`),
              h(
                'ul',
                {},
                ...entry.evidence.map((link) =>
                  h('li', {}, h('a', { href: link.url }, link.title ?? link.url)),
                ),
              ),
            ),
          ]
        : [h('p', { class: 'no-data' }, `${t('pubEvidence')}: ${t('pubNone')}`)]),
      h(
        'p',
        { class: 'update-meta' },
        t('pubRecorded', {
          who: entry.recordedBy,
          when: formatDateTime(entry.recordedAt, locale),
          visibility: VISIBILITY_LABELS[entry.visibility][locale],
        }),
      ),
    );
  }
}
