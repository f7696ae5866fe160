import { AgencyRole } from '@ogp/common';
import { In, IsNull } from 'typeorm';
import { toAgency, type Agency } from '../agencies';
import type { LocalizedText } from '../shared/graphql-types';
import { CommitmentAgencyEntity } from './commitment-agency.entity';
import { CommitmentStakeholderEntity } from './commitment-stakeholder.entity';
import { CommitmentEntity } from './commitment.entity';
import { toCommitment } from './commitment.mapper';
import {
  groupBy,
  loader,
  sourcesLoader,
  visibleByIdLoader,
  visibleChildrenLoader,
  type LoaderScope,
} from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function commitmentLoaders(s: LoaderScope) {
  return {
    commitmentsByThemeId: visibleChildrenLoader(
      s,
      CommitmentEntity,
      'c',
      { parent: 'theme_id', order: 'position' },
      toCommitment,
      (commitment) => commitment.themeId,
    ),
    commitmentById: visibleByIdLoader(s, CommitmentEntity, 'c', toCommitment),
    /** Lead and supporting agencies of each commitment, lead first. */
    agenciesByCommitmentId: loader<{ role: AgencyRole; agency: Agency }[]>(async (ids) => {
      const links = await s.db.getRepository(CommitmentAgencyEntity).find({
        // An agency that leads a visible commitment cannot be archived, so this drops supporting ones only.
        where: { commitmentId: In([...ids]), agency: { archivedAt: IsNull() } },
        relations: { agency: true },
      });
      const byCommitment = groupBy(links, (link) => link.commitmentId);
      return new Map(
        [...byCommitment].map(([id, list]) => [
          id,
          list
            .map((link) => ({ role: link.role, agency: toAgency(link.agency!) }))
            .sort((a, b) =>
              a.role === b.role
                ? (a.agency.name.en ?? a.agency.name.da ?? '').localeCompare(
                    b.agency.name.en ?? b.agency.name.da ?? '',
                  )
                : a.role === AgencyRole.LEAD
                  ? -1
                  : 1,
            ),
        ]),
      );
    }, []),
    stakeholdersByCommitmentId: loader<LocalizedText[]>(async (ids) => {
      const rows = await s.db
        .getRepository(CommitmentStakeholderEntity)
        .find({ where: { commitmentId: In([...ids]) }, order: { position: 'ASC' } });
      return new Map(
        [...groupBy(rows, (r) => r.commitmentId)].map(([id, list]) => [
          id,
          list.map((r) => ({ da: r.name.da, en: r.name.en })),
        ]),
      );
    }, []),
    commitmentSources: sourcesLoader(s.db, 'commitment_source', 'commitment_id'),
  };
}

export type CommitmentLoaders = ReturnType<typeof commitmentLoaders>;
