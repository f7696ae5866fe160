import { errorMessage } from '@ogp/common';
import { DomainException } from '@ogp/core';
import { IsNull, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import type { ActionPlanEntity } from '../plans/action-plan.entity';
import { ThemeEntity } from '../themes/theme.entity';

/**
 * The theme and agency conditions the commitment and milestone lists share, on a query whose commitment is
 * aliased `c`: a key or slug that names nothing (or something archived) is BAD_USER_INPUT naming the filter field.
 */
export async function narrowToThemeAndAgency(
  db: DataSource,
  query: SelectQueryBuilder<ObjectLiteral>,
  plan: ActionPlanEntity,
  filter: { themeKey?: string | null; agencySlug?: string | null } | null | undefined,
): Promise<void> {
  if (filter?.themeKey != null) {
    const theme = await db
      .getRepository(ThemeEntity)
      .findOneBy({ actionPlanId: plan.id, key: filter.themeKey, archivedAt: IsNull() });
    if (!theme)
      throw DomainException.badInput(
        'filter.themeKey',
        errorMessage('filter.noTheme', { key: filter.themeKey, plan: plan.slug }),
        filter.themeKey,
      );
    query.andWhere('c.theme_id = :themeId', { themeId: theme.id });
  }
  if (filter?.agencySlug != null) {
    const agency = await db
      .getRepository(AgencyEntity)
      .findOneBy({ slug: filter.agencySlug, archivedAt: IsNull() });
    if (!agency)
      throw DomainException.badInput(
        'filter.agencySlug',
        errorMessage('filter.noAgency', { slug: filter.agencySlug }),
        filter.agencySlug,
      );
    query.andWhere(
      'EXISTS (SELECT 1 FROM commitment_agency ca WHERE ca.commitment_id = c.id AND ca.agency_id = :agencyId)',
      { agencyId: agency.id },
    );
  }
}
