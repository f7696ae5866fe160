import {
  APP_CONFIG,
  DomainException,
  toConnection,
  toPage,
  type AppConfig,
  type Connection,
  type PageRequest,
} from '@ogp/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { commitmentProgressSql, milestoneFlagSql } from '../dashboards/progress.queries';
import { PlansService } from '../plans/plans.service';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { CommitmentFilter, likePattern } from '../shared/filters';
import { toCommitment } from '../shared/mappers';
import { ThemeEntity } from '../themes/theme.entity';
import { AgencyEntity } from '../agencies/agency.entity';
import { CommitmentEntity } from './commitment.entity';
import type { Commitment } from './commitment.model';

@Injectable()
export class CommitmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async byOgpId(ogpId: string): Promise<Commitment> {
    const found = await this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .innerJoin(
        ActionPlanEntity,
        'p',
        'p.id = c.action_plan_id AND p.is_published AND p.archived_at IS NULL',
      )
      .where('c.ogp_id = :ogpId AND c.archived_at IS NULL', { ogpId })
      .getOne();
    if (!found) throw DomainException.notFound('commitment', 'ogpId', ogpId);
    return toCommitment(found);
  }

  async list(
    planSlug: string,
    filter: CommitmentFilter | null | undefined,
    request: PageRequest,
    today: string,
  ): Promise<Connection<Commitment>> {
    const plan = await this.plans.bySlug(planSlug);
    return this.listForPlan(plan, filter, request, today);
  }

  async listForPlan(
    plan: ActionPlanEntity,
    filter: CommitmentFilter | null | undefined,
    request: PageRequest,
    today: string,
  ): Promise<Connection<Commitment>> {
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const query = this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.action_plan_id = :planId AND c.archived_at IS NULL', { planId: plan.id, today });
    if (filter?.themeKey != null) {
      const theme = await this.db
        .getRepository(ThemeEntity)
        .findOneBy({ actionPlanId: plan.id, key: filter.themeKey, archivedAt: IsNull() });
      if (!theme)
        throw DomainException.badInput(
          'filter.themeKey',
          `no theme "${filter.themeKey}" in plan ${plan.slug}`,
          filter.themeKey,
        );
      query.andWhere('c.theme_id = :themeId', { themeId: theme.id });
    }
    if (filter?.agencySlug != null) {
      const agency = await this.db
        .getRepository(AgencyEntity)
        .findOneBy({ slug: filter.agencySlug });
      if (!agency)
        throw DomainException.badInput(
          'filter.agencySlug',
          `no agency "${filter.agencySlug}"`,
          filter.agencySlug,
        );
      query.andWhere(
        'EXISTS (SELECT 1 FROM commitment_agency ca WHERE ca.commitment_id = c.id AND ca.agency_id = :agencyId)',
        { agencyId: agency.id },
      );
    }
    if (filter?.completion != null) {
      query.andWhere(
        `c.id IN (SELECT x.commitment_id FROM (${commitmentProgressSql('c.action_plan_id = :planId')}) x WHERE x.completion = :completion)`,
        { completion: filter.completion },
      );
    }
    if (filter?.status != null) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM milestone m WHERE m.commitment_id = c.id AND m.archived_at IS NULL AND m.status = :status)',
        { status: filter.status },
      );
    }
    if (filter?.flag != null) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM milestone m WHERE m.commitment_id = c.id AND m.archived_at IS NULL AND ${milestoneFlagSql(filter.flag, ':today')})`,
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
    return toConnection(rows.map(toCommitment), total, page);
  }
}
