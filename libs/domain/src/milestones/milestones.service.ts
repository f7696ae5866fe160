import { MilestoneFlag, errorMessage } from '@ogp/common';
import {
  APP_CONFIG,
  DomainException,
  toConnection,
  toPage,
  type Actor,
  type AppConfig,
  type Connection,
  type PageRequest,
} from '@ogp/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { milestoneFlagSql } from './milestone-state.sql';
import { milestonesWithState, readMilestones } from './milestone-state.reader';
import { narrowToThemeAndAgency } from '../commitments';
import { PlansService } from '../plans';
import { MilestoneFilter } from './milestone.filter';
import { likePattern } from '../shared/like-pattern';
import { ReadScope } from '../shared/read-scope';
import type { Milestone } from './milestone.model';

@Injectable()
export class MilestonesService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Milestones of a plan `actor` may read, in the state `actor` may see; filters on progress see it too. As of
   * the end of day `asOf` when given (flags derived at it), else now (flags derived at `today`).
   */
  async list(
    actor: Actor,
    planSlug: string,
    filter: MilestoneFilter | null | undefined,
    request: PageRequest,
    today: string,
    asOf: string | null = null,
  ): Promise<Connection<Milestone>> {
    const plan = await this.plans.bySlug(actor, planSlug);
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const flagsOn = asOf ?? today;
    const query = milestonesWithState(
      this.db,
      ReadScope.of(actor),
      'c.action_plan_id = :planId',
      { planId: plan.id, flagsOn },
      asOf,
    );
    if (filter?.commitmentOgpId != null) {
      const found = await this.db
        .getRepository(CommitmentEntity)
        .findOneBy({ actionPlanId: plan.id, ogpId: filter.commitmentOgpId, archivedAt: IsNull() });
      if (!found) {
        throw DomainException.badInput(
          'filter.commitmentOgpId',
          errorMessage('filter.noCommitment', { ogpId: filter.commitmentOgpId, plan: plan.slug }),
          filter.commitmentOgpId,
        );
      }
      query.andWhere('c.id = :commitmentId', { commitmentId: found.id });
    }
    await narrowToThemeAndAgency(this.db, query, plan, filter);
    if (filter?.status != null) query.andWhere('s.status = :status', { status: filter.status });
    if (filter?.noData === true) query.andWhere('s.status IS NULL');
    if (filter?.noData === false) query.andWhere('s.status IS NOT NULL');
    if (filter?.flag != null) query.andWhere(milestoneFlagSql(filter.flag, ':flagsOn'));
    if (filter?.search != null && filter.search.trim() !== '') {
      query.andWhere('(m.title_da ILIKE :search OR m.title_en ILIKE :search)', {
        search: likePattern(filter.search),
      });
    }
    query.orderBy('c.position', 'ASC').addOrderBy('m.position', 'ASC');
    const [milestones, total] = await Promise.all([
      readMilestones(query.clone().offset(page.offset).limit(page.limit), flagsOn, asOf),
      query.getCount(),
    ]);
    return toConnection(milestones, total, page);
  }

  /**
   * Milestones of a plan flagged OVERDUE in the state `actor` sees, earliest planned end first: as of the end of
   * day `asOf` when given, else on `today`.
   */
  async overdue(
    actor: Actor,
    planId: string,
    today: string,
    asOf: string | null = null,
  ): Promise<Milestone[]> {
    const flagsOn = asOf ?? today;
    const query = milestonesWithState(
      this.db,
      ReadScope.of(actor),
      'c.action_plan_id = :planId',
      { planId, flagsOn },
      asOf,
    )
      .andWhere(milestoneFlagSql(MilestoneFlag.OVERDUE, ':flagsOn'))
      .orderBy('m.planned_end', 'ASC')
      .addOrderBy('c.position', 'ASC')
      .addOrderBy('m.position', 'ASC');
    return readMilestones(query, flagsOn, asOf);
  }
}
