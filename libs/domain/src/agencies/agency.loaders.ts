import { In, IsNull } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { toAgency } from './agency.mapper';
import type { Agency } from './agency.model';
import { loader, sourcesLoader, type LoaderScope } from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function agencyLoaders(s: LoaderScope) {
  return {
    agencyById: loader<Agency | null>(async (ids) => {
      // Archived agencies have left the public reads (as a parent or a coordinating agency too).
      const agencies = await s.db
        .getRepository(AgencyEntity)
        .findBy({ id: In([...ids]), archivedAt: IsNull() });
      return new Map(agencies.map((a) => [a.id, toAgency(a)]));
    }, null),
    agencySources: sourcesLoader(s.db, 'agency_source', 'agency_id'),
  };
}

export type AgencyLoaders = ReturnType<typeof agencyLoaders>;
