import { Role } from '@ogp/common';
import {
  APP_CONFIG,
  requireRole,
  toConnection,
  toPage,
  type Actor,
  type AppConfig,
  type Connection,
  type PageRequest,
} from '@ogp/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlansService } from '../plans';
import { toAgency } from './agency.mapper';
import { AgencyEntity } from './agency.entity';
import type { Agency } from './agency.model';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Agencies that lead or support a commitment of a plan `actor` may read, by name. Without a plan, every
   * unarchived agency, for administrators: one just created is named by no commitment yet, and they manage it.
   */
  async list(
    actor: Actor,
    planSlug: string | null | undefined,
    request: PageRequest,
  ): Promise<Connection<Agency>> {
    const query = this.db.getRepository(AgencyEntity).createQueryBuilder('a');
    if (planSlug === null || planSlug === undefined) {
      requireRole(actor, Role.ADMIN);
    } else {
      const plan = await this.plans.bySlug(actor, planSlug);
      query.where(
        `EXISTS (SELECT 1 FROM commitment_agency ca JOIN commitment c ON c.id = ca.commitment_id
                 WHERE ca.agency_id = a.id AND c.action_plan_id = :planId AND c.archived_at IS NULL)`,
        { planId: plan.id },
      );
    }
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const [rows, total] = await query
      .andWhere('a.archived_at IS NULL')
      .orderBy('COALESCE(a.name_en, a.name_da)', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return toConnection(rows.map(toAgency), total, page);
  }
}
