import { Completion, ROLL_UP_RULES, type Locale } from '@ogp/common';
import type { Actor } from '@ogp/core';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { MilestonesService } from '../milestones';
import { PlansService, toActionPlan } from '../plans';
import { toAgency } from '../agencies';
import { toTheme } from '../themes';
import { ReadScope } from '../shared/read-scope';
import { ThemeEntity } from '../themes/theme.entity';
import type { Dashboard } from './dashboard.model';
import { emptyProgress, type Progress } from './progress.model';
import { ProgressQueries } from './progress.queries';

const NO_COMMITMENTS: Progress = {
  ...emptyProgress(),
  completionCounts: Object.values(Completion).map((completion) => ({ completion, count: 0 })),
};

@Injectable()
export class DashboardsService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly milestones: MilestonesService,
  ) {}

  /**
   * Every figure counts what `actor` may see: their plans, and the updates they may read. As of the end of day
   * `asOf` when given (flags and the overdue list at that day too), else now (flags on `today`).
   */
  async dashboard(
    actor: Actor,
    planSlug: string,
    locale: Locale,
    today: string,
    asOf: string | null = null,
  ): Promise<Dashboard> {
    const plan = await this.plans.bySlug(actor, planSlug);
    const queries = new ProgressQueries(this.db, ReadScope.of(actor), asOf);
    const [
      overall,
      byTheme,
      byAgency,
      themes,
      statusDistribution,
      timeline,
      undatedCompletions,
      overdue,
    ] = await Promise.all([
      queries.aggregate('plan', [plan.id]),
      queries.aggregate('theme', [plan.id]),
      queries.aggregate('agency', [plan.id]),
      this.db.getRepository(ThemeEntity).find({
        where: { actionPlanId: plan.id, archivedAt: IsNull() },
        order: { number: 'ASC' },
      }),
      queries.statusDistribution(plan.id),
      queries.timeline(plan.id),
      queries.undatedCompletions(plan.id),
      this.milestones.overdue(actor, plan.id, today, asOf),
    ]);
    const agencies = await this.db
      .getRepository(AgencyEntity)
      .findBy({ id: In([...byAgency.keys()]) });
    const name = (a: AgencyEntity) => a.name[locale] ?? a.name.en ?? a.name.da ?? a.slug;
    return {
      plan: { ...toActionPlan(plan), asOf },
      asOf: asOf ?? today,
      overall: overall.get(plan.id) ?? NO_COMMITMENTS,
      byTheme: themes.map((theme) => ({
        theme: { ...toTheme(theme), asOf },
        progress: byTheme.get(theme.id) ?? NO_COMMITMENTS,
      })),
      byAgency: agencies
        .sort((a, b) => name(a).localeCompare(name(b), locale))
        .map((agency) => ({ agency: toAgency(agency), progress: byAgency.get(agency.id)! })),
      statusDistribution,
      timeline,
      undatedCompletions,
      overdue,
      rules: ROLL_UP_RULES[locale],
    };
  }
}
