import { toLocalizedText } from '../shared/graphql-types';
import type { AgencyEntity } from './agency.entity';
import type { Agency } from './agency.model';

export function toAgency(entity: AgencyEntity): Agency {
  return {
    id: entity.id,
    slug: entity.slug,
    countryCode: entity.countryCode,
    name: toLocalizedText(entity.name),
    abbreviation: entity.abbreviation,
    parentId: entity.parentId,
  };
}
