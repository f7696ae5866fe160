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
import { toActionPlan } from './action-plan.mapper';
import { ReadScope } from '../shared/read-scope';
import { ActionPlanEntity } from './action-plan.entity';
import type { ActionPlan } from './action-plan.model';

@Injectable()
export class PlansService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The plans `actor` may read (see ReadScope), newest period first. */
  async list(actor: Actor, request: PageRequest): Promise<Connection<ActionPlan>> {
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const [plans, total] = await this.visible(actor)
      .orderBy('p.periodStart', 'DESC', 'NULLS LAST')
      .addOrderBy('p.slug', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return toConnection(plans.map(toActionPlan), total, page);
  }

  /** A plan `actor` may read; NOT_FOUND, the same as for a slug nobody uses, for one they may not. */
  async bySlug(actor: Actor, slug: string): Promise<ActionPlanEntity> {
    const plan = await this.visible(actor).andWhere('p.slug = :slug', { slug }).getOne();
    if (!plan) throw DomainException.notFound('plan', 'slug', slug);
    return plan;
  }

  private visible(actor: Actor) {
    const scope = ReadScope.of(actor);
    return this.db
      .getRepository(ActionPlanEntity)
      .createQueryBuilder('p')
      .where(`p.id IN (${scope.visiblePlanIdsSql()})`)
      .setParameters(scope.parameters);
  }
}
