import { AgencyRole, type Locale } from '@ogp/common';
import type { Agency } from '../agencies';
import type { Assessment } from '../assessments';
import type { Commitment } from '../commitments';
import { emptyProgress, type Progress, type TimelinePointRow } from '../dashboards';
import type { Milestone } from '../milestones';
import type { ActionPlan } from '../plans';
import type { RequestLoaders } from '../request-loaders';
import type { LocalizedText, SourceModel } from '../shared/graphql-types';
import type { StatusUpdate } from '../status-updates';
import type { Theme } from '../themes';

/** What every export states about itself. */
export interface ReportInfo {
  plan: ActionPlan;
  /** Whether the public sees the plan (the plan file's `published`). */
  published: boolean;
  /** The day the figures and flags hold for (YYYY-MM-DD): the asked asOf, else today. */
  asOf: string;
  /** The asked asOf; null: the current state. */
  requestedAsOf: string | null;
  generatedAt: Date;
  licence: string;
  /** Head hash of the plan's public audit chain (the one verifyAuditChain checks). */
  auditHeadHash: string | null;
  locale: Locale;
  themes: Theme[];
  planSources: SourceModel[];
  themeSources: Map<string, SourceModel[]>;
}

export interface MilestoneReport {
  milestone: Milestone;
  /** The updates the viewer may read, dated by asOf, oldest first. */
  history: StatusUpdate[];
  sources: SourceModel[];
}

export interface CommitmentReport {
  commitment: Commitment;
  theme: Theme;
  leadAgency: Agency | null;
  supportingAgencies: Agency[];
  otherStakeholders: LocalizedText[];
  /** The commitment's computed progress, exactly as the API's `commitment.progress`. */
  progress: Progress;
  milestones: MilestoneReport[];
  /** Assessments dated by asOf, oldest first. */
  assessments: Assessment[];
  sources: SourceModel[];
}

// Commitments read per batch with loaders of their own, so a large plan is never held whole in memory.
const BATCH = 50;

/**
 * A plan as one viewer may read it as of one day, read through the same per-request loaders the GraphQL API
 * uses (same visibility, same roll-up, same flags), one batch of commitments at a time.
 */
export class PlanReport {
  private constructor(
    readonly info: ReportInfo,
    private readonly commitmentList: Commitment[],
    private readonly loaders: () => RequestLoaders,
  ) {}

  /**
   * `loaders` makes fresh loaders for the viewer as of the report's date (each batch takes new ones, so their
   * caches go with it). The plan must be one the viewer may read (PlansService.bySlug checks that).
   */
  static async open(
    planId: string,
    loaders: () => RequestLoaders,
    info: Omit<ReportInfo, 'plan' | 'themes' | 'auditHeadHash' | 'planSources' | 'themeSources'>,
  ): Promise<PlanReport> {
    const first = loaders();
    const [plan, themes, planSources] = await Promise.all([
      first.planById.load(planId),
      first.themesByPlanId.load(planId),
      first.planSources.load(planId),
    ]);
    if (!plan) throw new Error(`plan ${planId} is not readable`);
    const [byTheme, themeSources] = await Promise.all([
      Promise.all(themes.map((t) => first.commitmentsByThemeId.load(t.id))),
      Promise.all(themes.map((t) => first.themeSources.load(t.id))),
    ]);
    const commitments = byTheme.flat().sort((a, b) => a.position - b.position);
    return new PlanReport(
      {
        ...info,
        plan,
        themes,
        planSources,
        themeSources: new Map(themes.map((theme, index) => [theme.id, themeSources[index]])),
        auditHeadHash: plan.auditHeadHash,
      },
      commitments,
      loaders,
    );
  }

  get commitmentCount(): number {
    return this.commitmentList.length;
  }

  /**
   * The plan roll-up, as the API's `actionPlan.progress` and `dashboard.overall` give it. Asked only by the
   * exports that show it: over a whole large plan it is the one heavy query.
   */
  async overall(): Promise<Progress> {
    return (await this.loaders().planProgress.load(this.info.plan.id)) ?? emptyProgress();
  }

  /** Each theme's roll-up by theme id, as the API's `theme.progress` gives it. */
  async themeProgress(): Promise<Map<string, Progress>> {
    const loaders = this.loaders();
    const { themes } = this.info;
    const all = await Promise.all(themes.map((theme) => loaders.themeProgress.load(theme.id)));
    return new Map(themes.map((theme, index) => [theme.id, all[index] ?? emptyProgress()]));
  }

  /** Each theme's roll-up, in theme order, as the API's `dashboard.byTheme` gives it. */
  async byTheme(): Promise<{ theme: Theme; progress: Progress }[]> {
    const loaders = this.loaders();
    const progress = await Promise.all(
      this.info.themes.map((theme) => loaders.themeProgress.load(theme.id)),
    );
    return this.info.themes.map((theme, index) => ({
      theme,
      progress: progress[index] ?? emptyProgress(),
    }));
  }

  /** Planned vs completed milestones per month, as the API's `dashboard.timeline` gives it. */
  async timeline(): Promise<TimelinePointRow[]> {
    return this.loaders().planTimeline.load(this.info.plan.id);
  }

  /**
   * Every commitment in plan order with its computed progress only: what a summary shows before the details,
   * read without the rest of what commitments() reads.
   */
  async *commitmentProgress(): AsyncGenerator<{ commitment: Commitment; progress: Progress }> {
    for (let start = 0; start < this.commitmentList.length; start += BATCH) {
      const loaders = this.loaders();
      const batch = this.commitmentList.slice(start, start + BATCH);
      const progress = await Promise.all(
        batch.map((commitment) => loaders.commitmentProgress.load(commitment.id)),
      );
      yield* batch.map((commitment, index) => ({
        commitment,
        progress: progress[index] ?? emptyProgress(),
      }));
    }
  }

  /** Every commitment in plan order, with what the exports show of it. */
  async *commitments(): AsyncGenerator<CommitmentReport> {
    const themes = new Map(this.info.themes.map((theme) => [theme.id, theme]));
    for (let start = 0; start < this.commitmentList.length; start += BATCH) {
      const loaders = this.loaders();
      const batch = this.commitmentList.slice(start, start + BATCH);
      const reports = await Promise.all(
        batch.map((commitment) => this.read(loaders, commitment, themes.get(commitment.themeId)!)),
      );
      yield* reports;
    }
  }

  private async read(
    loaders: RequestLoaders,
    commitment: Commitment,
    theme: Theme,
  ): Promise<CommitmentReport> {
    const [agencies, otherStakeholders, progress, milestones, assessments, sources] =
      await Promise.all([
        loaders.agenciesByCommitmentId.load(commitment.id),
        loaders.stakeholdersByCommitmentId.load(commitment.id),
        loaders.commitmentProgress.load(commitment.id),
        loaders.milestonesByCommitmentId.load(commitment.id),
        loaders.assessmentsByCommitmentId.load(commitment.id),
        loaders.commitmentSources.load(commitment.id),
      ]);
    return {
      commitment,
      theme,
      leadAgency: agencies.find((link) => link.role === AgencyRole.LEAD)?.agency ?? null,
      supportingAgencies: agencies
        .filter((link) => link.role === AgencyRole.SUPPORTING)
        .map((link) => link.agency),
      otherStakeholders,
      progress: progress ?? emptyProgress(),
      milestones: await Promise.all(
        milestones.map(async (milestone) => {
          const [history, milestoneSources] = await Promise.all([
            loaders.historyByMilestoneId.load(milestone.id),
            loaders.milestoneSources.load(milestone.id),
          ]);
          // The loader gives newest first; reports read like the plan file, oldest first.
          return { milestone, history: [...history].reverse(), sources: milestoneSources };
        }),
      ),
      assessments,
      sources,
    };
  }
}
