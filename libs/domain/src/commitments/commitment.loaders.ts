import { AgencyRole } from '@ogp/common';
import { In, IsNull } from 'typeorm';
import { toAgency, type Agency } from '../agencies';
import type { LocalizedText } from '../shared/graphql-types';
import { CommitmentAgencyEntity } from './commitment-agency.entity';
import { CommitmentStakeholderEntity } from './commitment-stakeholder.entity';
import { CommitmentEntity } from './commitment.entity';
import { toCommitment } from './commitment.mapper';
import type { Commitment } from './commitment.model';
import {
  groupBy,
  inVisiblePlan,
  loader,
  sourcesLoader,
  type LoaderScope,
} from '../shared/loader-kit';

/** This context's per-request loaders (see RequestLoaders): batched, answering only what the viewer may read. */
export function commitmentLoaders(s: LoaderScope) {
  return {
    commitmentsByThemeId: loader<Commitment[]>(async (ids) => {
      const commitments = await s.db
        .getRepository(CommitmentEntity)
        .createQueryBuilder('c')
        .where('c.theme_id = ANY(:ids) AND c.archived_at IS NULL', { ids })
        .andWhere(inVisiblePlan(s, 'c'))
        .setParameters(s.scope.parameters)
        .orderBy('c.position', 'ASC')
        .getMany();
      return groupBy(
        commitments.map((c) => ({ ...toCommitment(c), asOf: s.asOf })),
        (c) => c.themeId,
      );
    }, []),
    commitmentById: loader<Commitment | null>(async (ids) => {
      const commitments = await s.db
        .getRepository(CommitmentEntity)
        .createQueryBuilder('c')
        .where('c.id = ANY(:ids)', { ids })
        .andWhere(inVisiblePlan(s, 'c'))
        .setParameters(s.scope.parameters)
        .getMany();
      return new Map(commitments.map((c) => [c.id, { ...toCommitment(c), asOf: s.asOf }]));
    }, null),
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
