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
import { toActionPlan } from '../shared/mappers';
import { ActionPlanEntity } from './action-plan.entity';
import type { ActionPlan } from './action-plan.model';

@Injectable()
export class PlansService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Published, unarchived plans, newest period first. */
  async list(request: PageRequest): Promise<Connection<ActionPlan>> {
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const [plans, total] = await this.db.getRepository(ActionPlanEntity).findAndCount({
      where: { isPublished: true, archivedAt: IsNull() },
      order: { periodStart: { direction: 'DESC', nulls: 'LAST' }, slug: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return toConnection(plans.map(toActionPlan), total, page);
  }

  async bySlug(slug: string): Promise<ActionPlanEntity> {
    const plan = await this.db
      .getRepository(ActionPlanEntity)
      .findOneBy({ slug, isPublished: true, archivedAt: IsNull() });
    if (!plan) throw DomainException.notFound('action plan', 'slug', slug);
    return plan;
  }
}
