import { errorMessage } from '@ogp/common';
import { type InputProblems } from '@ogp/core';
import { In, type EntityManager } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/**
 * Agencies named by slug, each unknown or archived one reported. They are read FOR SHARE, so an agency cannot be
 * archived while this transaction links it (archiving locks the row FOR UPDATE and then looks at its links).
 */
export async function referencedAgencies(
  manager: EntityManager,
  problems: InputProblems,
  field: string,
  slugs: readonly string[],
): Promise<AgencyEntity[] | undefined> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const found = await manager.getRepository(AgencyEntity).find({
    where: { slug: In(unique) },
    lock: { mode: 'pessimistic_read' },
  });
  const missing = unique.filter((slug) => !found.some((a) => a.slug === slug));
  const archived = found.filter((a) => a.archivedAt !== null).map((a) => a.slug);
  if (missing.length > 0) {
    problems.add(field, errorMessage('agency.unknown', { slugs: missing }), missing);
  }
  if (archived.length > 0) {
    problems.add(field, errorMessage('agency.archivedReference', { slugs: archived }), archived);
  }
  if (missing.length > 0 || archived.length > 0) return undefined;
  return unique.map((slug) => found.find((a) => a.slug === slug)!);
}
