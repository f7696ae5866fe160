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
import { DataSource } from 'typeorm';
import {
  asOfOptions,
  asOfParameters,
  commitmentProgressSql,
  MILESTONE_STATE,
  milestoneFlagSql,
  milestoneStateSql,
} from '../milestones';
import { PlansService } from '../plans';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { CommitmentFilter } from './commitment.filter';
import { likePattern } from '../shared/like-pattern';
import { toCommitment } from './commitment.mapper';
import { ReadScope } from '../shared/read-scope';
import { CommitmentEntity } from './commitment.entity';
import { narrowToThemeAndAgency } from './commitment-list.filter';
import type { Commitment } from './commitment.model';

@Injectable()
export class CommitmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A commitment of a plan `actor` may read; NOT_FOUND, as for an unknown id, for any other. Its fields answer
   * as of the end of day `asOf` when given.
   */
  async byOgpId(actor: Actor, ogpId: string, asOf: string | null = null): Promise<Commitment> {
    const scope = ReadScope.of(actor);
    const found = await this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.ogp_id = :ogpId AND c.archived_at IS NULL', { ogpId })
      .andWhere(`c.action_plan_id IN (${scope.visiblePlanIdsSql()})`)
      .setParameters(scope.parameters)
      .getOne();
    if (!found) throw DomainException.notFound('commitment', 'ogpId', ogpId);
    return { ...toCommitment(found), asOf };
  }

  async list(
    actor: Actor,
    planSlug: string,
    filter: CommitmentFilter | null | undefined,
    request: PageRequest,
    today: string,
    asOf: string | null = null,
  ): Promise<Connection<Commitment>> {
    const plan = await this.plans.bySlug(actor, planSlug);
    return this.listForPlan(actor, plan, filter, request, today, asOf);
  }

  /**
   * Commitments of a plan the caller has found `actor` may read. Filters on progress see the milestones as
   * `actor` may see them, as of the end of day `asOf` when given (flags derived at it), else now (flags derived
   * at `today`); the commitments carry `asOf` for their fields.
   */
  async listForPlan(
    actor: Actor,
    plan: ActionPlanEntity,
    filter: CommitmentFilter | null | undefined,
    request: PageRequest,
    today: string,
    asOf: string | null = null,
  ): Promise<Connection<Commitment>> {
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const scope = ReadScope.of(actor);
    const query = this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.action_plan_id = :planId AND c.archived_at IS NULL', {
        planId: plan.id,
        flagsOn: asOf ?? today,
      });
    await narrowToThemeAndAgency(this.db, query, plan, filter);
    if (filter?.completion != null || filter?.status != null || filter?.flag != null) {
      // One milestone state for the whole statement, shared by the filters on progress.
      query
        .addCommonTableExpression(
          milestoneStateSql(scope, 'c.action_plan_id = :planId', asOfOptions(asOf)),
          MILESTONE_STATE,
        )
        .setParameters({ ...scope.parameters, ...asOfParameters(asOf) });
    }
    if (filter?.completion != null) {
      query.andWhere(
        `c.id IN (SELECT x.commitment_id FROM (${commitmentProgressSql(scope, 'c.action_plan_id = :planId')}) x WHERE x.completion = :completion)`,
        { completion: filter.completion },
      );
    }
    if (filter?.status != null) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM ${MILESTONE_STATE} s WHERE s.commitment_id = c.id AND s.status = :status)`,
        { status: filter.status },
      );
    }
    if (filter?.flag != null) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM ${MILESTONE_STATE} s WHERE s.commitment_id = c.id AND ${milestoneFlagSql(filter.flag, ':flagsOn')})`,
      );
    }
    if (filter?.search != null && filter.search.trim() !== '') {
      query.andWhere(
        `(c.ogp_id ILIKE :search OR c.number ILIKE :search OR c.title_da ILIKE :search OR c.title_en ILIKE :search)`,
        { search: likePattern(filter.search) },
      );
    }
    const [rows, total] = await query
      .orderBy('c.position', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return toConnection(
      rows.map((row) => ({ ...toCommitment(row), asOf })),
      total,
      page,
    );
  }
}
