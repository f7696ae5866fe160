import { Role, errorMessage } from '@ogp/common';
import {
  APP_CONFIG,
  DomainException,
  InputProblems,
  checkKey,
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
import { COUNTRY_CODE, COUNTRY_CODE_SHAPE, PlansService } from '../plans';
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
   * Agencies of the plan's country that lead or support a commitment of a plan `actor` may read, by name.
   * Without a plan, every unarchived agency (of `countryCode`, if given), for administrators: one just created
   * is named by no commitment yet, and they manage it.
   */
  async list(
    actor: Actor,
    planSlug: string | null | undefined,
    request: PageRequest,
    countryCode?: string | null,
  ): Promise<Connection<Agency>> {
    const query = this.db.getRepository(AgencyEntity).createQueryBuilder('a');
    if (planSlug === null || planSlug === undefined) {
      requireRole(actor, Role.ADMIN);
      if (countryCode != null) {
        const problems = new InputProblems();
        checkKey(problems, 'countryCode', countryCode, COUNTRY_CODE, 2, COUNTRY_CODE_SHAPE);
        problems.throwIfAny();
        query.where('a.country_code = :countryCode', { countryCode });
      }
    } else {
      const plan = await this.plans.bySlug(actor, planSlug);
      if (countryCode != null && countryCode !== plan.countryCode) {
        throw DomainException.badInput(
          'countryCode',
          errorMessage('agency.notPlanCountry', { plan: plan.slug, country: plan.countryCode }),
          countryCode,
        );
      }
      // Only the plan's country: an agency of another country is never one of its agencies.
      query.where(
        `a.country_code = :countryCode AND EXISTS (
           SELECT 1 FROM commitment_agency ca JOIN commitment c ON c.id = ca.commitment_id
           WHERE ca.agency_id = a.id AND c.action_plan_id = :planId AND c.archived_at IS NULL)`,
        { planId: plan.id, countryCode: plan.countryCode },
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
