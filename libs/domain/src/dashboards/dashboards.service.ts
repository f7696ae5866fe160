import { Completion, ROLL_UP_RULES, type Locale } from '@ogp/common';
import type { Actor } from '@ogp/core';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { MilestonesService, type Milestone } from '../milestones';
import { PlansService, toActionPlan, type ActionPlan } from '../plans';
import { toAgency } from '../agencies';
import type { RequestContext } from '../request-context';
import { AgencyEntity } from '../agencies/agency.entity';
import type {
  AgencyProgress,
  Dashboard,
  StatusCount,
  ThemeProgress,
  TimelinePoint,
} from './dashboard.model';
import { emptyProgress, type Progress } from './progress.model';
import type { DashboardSection, DashboardSections } from './progress.queries';

type RequestLoaders = RequestContext['loaders'];

const NO_COMMITMENTS: Progress = {
  ...emptyProgress(),
  completionCounts: Object.values(Completion).map((completion) => ({ completion, count: 0 })),
};

/**
 * What a `dashboard` query resolves to before its fields: the plan and how it is read. Each section (overall,
 * byTheme, timeline, ...) is read by its own field, through the request's loaders, only when asked for.
 */
export interface DashboardSource {
  plan: ActionPlan;
  asOf: string;
  /** The asked asOf (null: now), which the figures are read at. */
  readAsOf: string | null;
  today: string;
  locale: Locale;
  actor: Actor;
}

@Injectable()
export class DashboardsService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly milestones: MilestonesService,
  ) {}

  /**
   * Every figure counts what `actor` may see: their plans, and the updates they may read. As of the end of day
   * `asOf` when given (flags and the overdue list at that day too), else now (flags on `today`). NOT_FOUND
   * here, before any section is read, for a plan the actor may not read.
   */
  async dashboard(
    actor: Actor,
    planSlug: string,
    locale: Locale,
    today: string,
    asOf: string | null = null,
  ): Promise<DashboardSource> {
    const plan = await this.plans.bySlug(actor, planSlug);
    return {
      plan: { ...toActionPlan(plan), asOf },
      asOf: asOf ?? today,
      readAsOf: asOf,
      today,
      locale,
      actor,
    };
  }

  /** Every section at once, read through `loaders` (made for `actor` and `today`): the whole answer. */
  async whole(
    actor: Actor,
    planSlug: string,
    locale: Locale,
    today: string,
    asOf: string | null,
    loaders: RequestLoaders,
  ): Promise<Dashboard> {
    const d = await this.dashboard(actor, planSlug, locale, today, asOf);
    const [overall, byTheme, byAgency, statusDistribution, timeline, undatedCompletions, overdue] =
      await Promise.all([
        this.overall(d, loaders),
        this.byTheme(d, loaders),
        this.byAgency(d, loaders),
        this.statusDistribution(d, loaders),
        this.timeline(d, loaders),
        this.undatedCompletions(d, loaders),
        this.overdue(d),
      ]);
    return {
      plan: d.plan,
      asOf: d.asOf,
      overall,
      byTheme,
      byAgency,
      statusDistribution,
      timeline,
      undatedCompletions,
      overdue,
      rules: this.rules(d),
    };
  }

  private async section<K extends DashboardSection>(
    d: DashboardSource,
    loaders: RequestLoaders,
    section: K,
  ): Promise<NonNullable<DashboardSections[K]>> {
    const sections = await loaders.at(d.readAsOf).dashboardSection.load(`${d.plan.id}:${section}`);
    return sections[section]!;
  }

  async overall(d: DashboardSource, loaders: RequestLoaders): Promise<Progress> {
    return (await this.section(d, loaders, 'plan')) ?? NO_COMMITMENTS;
  }

  async byTheme(d: DashboardSource, loaders: RequestLoaders): Promise<ThemeProgress[]> {
    const [themes, progress] = await Promise.all([
      loaders.at(d.readAsOf).themesByPlanId.load(d.plan.id),
      this.section(d, loaders, 'theme'),
    ]);
    return themes.map((theme) => ({
      theme,
      progress: progress.get(theme.id) ?? NO_COMMITMENTS,
    }));
  }

  async byAgency(d: DashboardSource, loaders: RequestLoaders): Promise<AgencyProgress[]> {
    const progress = await this.section(d, loaders, 'agency');
    const agencies = await this.db
      .getRepository(AgencyEntity)
      .findBy({ id: In([...progress.keys()]) });
    const name = (a: AgencyEntity) => a.name[d.locale] ?? a.name.en ?? a.name.da ?? a.slug;
    return agencies
      .sort((a, b) => name(a).localeCompare(name(b), d.locale))
      .map((agency) => ({ agency: toAgency(agency), progress: progress.get(agency.id)! }));
  }

  statusDistribution(d: DashboardSource, loaders: RequestLoaders): Promise<StatusCount[]> {
    return this.section(d, loaders, 'status');
  }

  timeline(d: DashboardSource, loaders: RequestLoaders): Promise<TimelinePoint[]> {
    return this.section(d, loaders, 'timeline');
  }

  undatedCompletions(d: DashboardSource, loaders: RequestLoaders): Promise<number> {
    return this.section(d, loaders, 'undated');
  }

  overdue(d: DashboardSource): Promise<Milestone[]> {
    return this.milestones.overdue(d.actor, d.plan.id, d.today, d.readAsOf);
  }

  rules(d: DashboardSource): string {
    return ROLL_UP_RULES[d.locale];
  }
}
