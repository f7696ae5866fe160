import {
  COMPLETION_LABELS,
  MILESTONE_STATUS_LABELS,
  Verification,
  VERIFICATION_LABELS,
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  AssessmentStage,
} from '@ogp/common';
import {
  fetchPlans,
  fetchReportedMilestones,
  fetchReviewCommitments,
  type PlanChoice,
  type ReviewCommitment,
  type ReviewMilestone,
} from '../api/reviewer';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { srOnly, titleIn } from '../components/review-ui';
import { dataTable, h } from '../dom';
import { formatPercent } from '../i18n';
import '../styles/review-admin.css';

const VERIFICATIONS = [Verification.UNVERIFIED, Verification.VERIFIED, Verification.DISPUTED];
const STAGES = [AssessmentStage.DESIGN, AssessmentStage.MIDTERM, AssessmentStage.END_OF_TERM];

function isVerification(value: string | null): value is Verification {
  return VERIFICATIONS.includes(value as Verification);
}

/** Reviewers' desk: a plan's reported milestones to verify and its commitments to assess. */
export class ReviewPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly intro = h('p');
  private readonly planLabel = h('label', { for: 'review-plan' });
  private readonly planSelect = h('select', { id: 'review-plan', name: 'plan' });
  private readonly verificationLabel = h('label', { for: 'review-verification' });
  private readonly verificationSelect = h('select', {
    id: 'review-verification',
    name: 'verification',
  });
  private readonly apply = h('button', { type: 'submit' });
  private readonly filters = h(
    'form',
    { class: 'ra-filters', id: 'review-filters' },
    h('div', { class: 'ra-filter' }, this.planLabel, this.planSelect),
    h('div', { class: 'ra-filter' }, this.verificationLabel, this.verificationSelect),
    this.apply,
  );
  private readonly milestones = h('section', {
    id: 'review-milestones',
    'aria-labelledby': 'review-milestones-heading',
  });
  private readonly commitments = h('section', {
    id: 'review-commitments',
    'aria-labelledby': 'review-commitments-heading',
  });
  private readonly exports = h('section', {
    id: 'review-exports',
    'aria-labelledby': 'review-exports-heading',
  });
  private setQuery: PageContext['setQuery'] | null = null;

  constructor() {
    this.element = h(
      'div',
      { class: 'review' },
      this.heading,
      this.intro,
      this.filters,
      this.milestones,
      this.commitments,
      this.exports,
    );
    this.filters.addEventListener('submit', (event) => {
      event.preventDefault();
      this.setQuery?.({
        plan: this.planSelect.value || null,
        verification: this.verificationSelect.value || null,
      });
    });
  }

  async render(context: PageContext): Promise<RenderResult> {
    const { t, signal } = context;
    this.setQuery = context.setQuery;
    const plans = await fetchPlans(signal);
    if (signal.aborted) return { title: '' };
    const asked = context.query.get('plan');
    const plan = plans.find((p) => p.slug === asked) ?? plans[0] ?? null;
    const verificationParam = context.query.get('verification');
    const verification = isVerification(verificationParam) ? verificationParam : null;

    this.heading.textContent = t('rvReviewTitle');
    this.intro.textContent = t('rvReviewIntro');
    // A live refresh leaves the filters as the reviewer may be changing them.
    if (!context.live) this.renderFilters(plans, plan, verification, context);
    if (!plan) {
      this.milestones.replaceChildren(h('p', {}, t('rvNoPlans')));
      this.commitments.replaceChildren();
      this.exports.replaceChildren();
      return { title: t('rvReviewTitle') };
    }
    const [milestones, commitments] = await Promise.all([
      fetchReportedMilestones(plan.slug, signal),
      fetchReviewCommitments(plan.slug, signal),
    ]);
    if (signal.aborted) return { title: '' };
    this.renderMilestones(milestones, plan, verification, context);
    this.renderCommitments(commitments, plan, context);
    this.exports.replaceChildren(
      h('h2', { id: 'review-exports-heading' }, t('rvExportsHeading')),
      h('p', {}, t('rvExportsNone')),
    );
    // Reported progress changes while a reviewer works: follow the plan live.
    return { title: t('rvReviewTitle'), livePlan: plan.slug };
  }

  private renderFilters(
    plans: PlanChoice[],
    plan: PlanChoice | null,
    verification: Verification | null,
    { t, locale }: PageContext,
  ): void {
    this.planLabel.textContent = t('rvPlan');
    this.planSelect.replaceChildren(
      ...plans.map((p) =>
        h(
          'option',
          { value: p.slug, selected: p.slug === plan?.slug },
          titleIn(p.title, locale, t),
        ),
      ),
    );
    this.verificationLabel.textContent = t('rvVerification');
    this.verificationSelect.replaceChildren(
      h('option', { value: '', selected: verification === null }, t('rvAllVerifications')),
      ...VERIFICATIONS.map((value) =>
        h(
          'option',
          { value, selected: value === verification },
          VERIFICATION_LABELS[value][locale],
        ),
      ),
    );
    this.apply.textContent = t('rvShow');
  }

  private renderMilestones(
    all: ReviewMilestone[],
    plan: PlanChoice,
    verification: Verification | null,
    { t, locale, href }: PageContext,
  ): void {
    const count = (value: Verification) => all.filter((m) => m.verification === value).length;
    const shown = verification ? all.filter((m) => m.verification === verification) : all;
    const summary = t('rvMilestonesSummary', {
      total: all.length,
      unverified: count(Verification.UNVERIFIED),
      verified: count(Verification.VERIFIED),
      disputed: count(Verification.DISPUTED),
    });
    const filtered = verification
      ? ` ${t('rvFilteredSummary', { shown: shown.length, verification: VERIFICATION_LABELS[verification][locale] })}`
      : '';
    const pct = (value: number | null) => formatPercent(value, locale, t('noData'));
    this.milestones.replaceChildren(
      h('h2', { id: 'review-milestones-heading' }, t('rvMilestonesHeading')),
      h('p', { class: 'summary', id: 'review-milestones-summary' }, summary + filtered),
      shown.length
        ? h(
            'div',
            { class: 'table-wrap' },
            dataTable(
              t('rvMilestonesCaption', { plan: titleIn(plan.title, locale, t) }),
              [
                { label: t('rvMilestone') },
                { label: t('rvCommitment') },
                { label: t('rvStatus') },
                { label: t('rvPercent'), numeric: true },
                { label: t('rvLatestUpdate') },
                { label: t('rvVerification') },
                { label: t('rvAction') },
              ],
              shown.map((milestone) => {
                const latest = milestone.history[0];
                const title = titleIn(milestone.title, locale, t);
                const verifyPath = `/commitments/${encodeURIComponent(milestone.commitment.ogpId)}/milestones/${encodeURIComponent(milestone.id)}/verify`;
                return {
                  key: milestone.id,
                  header: title,
                  cells: [
                    {
                      text: h(
                        'a',
                        {
                          href: href(
                            `/commitments/${encodeURIComponent(milestone.commitment.ogpId)}`,
                          ),
                        },
                        `${milestone.commitment.ogpId} ${titleIn(milestone.commitment.title, locale, t)}`,
                      ),
                    },
                    {
                      text: milestone.status
                        ? MILESTONE_STATUS_LABELS[milestone.status][locale]
                        : t('noData'),
                    },
                    { text: pct(milestone.progressPercent), value: milestone.progressPercent },
                    {
                      text: latest
                        ? t('rvLatestUpdateCell', {
                            date: latest.effectiveDate.label,
                            name: latest.recordedBy,
                          })
                        : t('noData'),
                    },
                    {
                      text: h(
                        'span',
                        {
                          class: `ra-verification ra-${milestone.verification.toLowerCase()}`,
                          'data-verification': milestone.verification,
                        },
                        VERIFICATION_LABELS[milestone.verification][locale],
                      ),
                    },
                    {
                      text: h(
                        'a',
                        { href: href(verifyPath), class: 'ra-verify-link' },
                        t('rvVerifyLink'),
                        srOnly(`: ${title}`),
                      ),
                    },
                  ],
                };
              }),
            ),
          )
        : h('p', {}, t('rvNoMilestones')),
    );
  }

  private renderCommitments(
    commitments: ReviewCommitment[],
    plan: PlanChoice,
    { t, locale, href }: PageContext,
  ): void {
    const assessedCount = commitments.filter((c) => c.latestAssessments.length > 0).length;
    this.commitments.replaceChildren(
      h('h2', { id: 'review-commitments-heading' }, t('rvCommitmentsHeading')),
      h(
        'p',
        { class: 'summary' },
        t('rvCommitmentsSummary', { assessed: assessedCount, total: commitments.length }),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        dataTable(
          t('rvCommitmentsCaption', { plan: titleIn(plan.title, locale, t) }),
          [
            { label: t('rvCommitment') },
            { label: t('rvComputedCompletion') },
            ...STAGES.map((stage) => ({ label: ASSESSMENT_STAGE_LABELS[stage][locale] })),
            { label: t('rvAction') },
          ],
          commitments.map((commitment) => {
            const title = `${commitment.ogpId} ${titleIn(commitment.title, locale, t)}`;
            return {
              key: commitment.ogpId,
              header: h(
                'a',
                { href: href(`/commitments/${encodeURIComponent(commitment.ogpId)}`) },
                title,
              ),
              cells: [
                {
                  // "No data" once, not "No data (No data)".
                  text:
                    commitment.progress.percent === null
                      ? t('noData')
                      : `${COMPLETION_LABELS[commitment.progress.completion][locale]} (${formatPercent(commitment.progress.percent, locale, t('noData'))})`,
                  value: commitment.progress.percent,
                },
                ...STAGES.map((stage) => {
                  const assessment = commitment.latestAssessments.find((a) => a.stage === stage);
                  if (!assessment) return { text: t('rvNotAssessed') };
                  const completion = assessment.completion
                    ? COMPLETION_LABELS[assessment.completion][locale]
                    : t('rvCompletionNotRated');
                  return {
                    text: t('rvAssessmentCell', {
                      completion,
                      assessor: ASSESSOR_LABELS[assessment.assessor][locale],
                      date: assessment.assessedOn.label,
                    }),
                  };
                }),
                {
                  text: h(
                    'a',
                    {
                      href: href(`/commitments/${encodeURIComponent(commitment.ogpId)}/assess`),
                      class: 'ra-assess-link',
                    },
                    t('rvAssessLink'),
                    srOnly(`: ${title}`),
                  ),
                },
              ],
            };
          }),
        ),
      ),
    );
  }

  destroy(): void {
    this.element.remove();
  }
}
