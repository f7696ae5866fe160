import { errorMessage } from '@ogp/common';
import { type InputProblems } from '@ogp/core';
import { In, type EntityManager } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/**
 * Agencies named by slug, each unknown or archived one reported, and (given `countryCode`: a plan's, or a new
 * agency's) each of another country. They are read FOR SHARE, so an agency cannot be archived while this transaction links it
 * (archiving locks the row FOR UPDATE and then looks at its links).
 */
export async function referencedAgencies(
  manager: EntityManager,
  problems: InputProblems,
  field: string,
  slugs: readonly string[],
  countryCode?: string | null,
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
  const foreign = countryCode ? found.filter((a) => a.countryCode !== countryCode) : [];
  if (foreign.length > 0) {
    problems.add(
      field,
      errorMessage('agency.otherCountry', {
        country: countryCode ?? null,
        agencies: foreign.map((a) => `${a.slug} (${a.countryCode})`),
      }),
      foreign.map((a) => a.slug),
    );
  }
  if (missing.length > 0 || archived.length > 0 || foreign.length > 0) return undefined;
  return unique.map((slug) => found.find((a) => a.slug === slug)!);
}
