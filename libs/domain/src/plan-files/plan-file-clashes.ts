import { errorMessage } from '@ogp/common';
import type { EntityManager } from 'typeorm';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { planFileProblem, type PlanFileProblem } from './plan-file.problem';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Problems only the database can reveal: a slug or OGP id already taken, an agency key of another country. Read
 * from whatever shape the file has (a part the schema refused is passed over), so a file with problems of both
 * kinds is told all of them at once.
 */
export async function planFileClashes(
  manager: EntityManager,
  input: unknown,
): Promise<PlanFileProblem[]> {
  const problems: PlanFileProblem[] = [];
  const plan = field(input, 'plan');
  const slug = textOf(field(plan, 'slug'));
  if (slug !== null && (await manager.existsBy(ActionPlanEntity, { slug }))) {
    // The same plan loaded again: its commitments clash too, which would only repeat the point.
    return [planFileProblem('$.plan.slug', errorMessage('planFile.slugExists', { slug }))];
  }
  const ogpIds = list(field(input, 'commitments')).map((c) => textOf(field(c, 'ogpId')));
  const wanted = ogpIds.filter((id): id is string => id !== null);
  const taken: { ogp_id: string }[] = wanted.length
    ? await manager.query('SELECT ogp_id FROM commitment WHERE ogp_id = ANY($1)', [wanted])
    : [];
  for (const { ogp_id } of taken) {
    problems.push(
      planFileProblem(
        `$.commitments[${ogpIds.indexOf(ogp_id)}].ogpId`,
        errorMessage('planFile.ogpIdExists', { ogpId: ogp_id }),
      ),
    );
  }
  // An agency is reused by its key, and belongs to one country: another country's plan cannot name it.
  const countryCode = textOf(field(plan, 'countryCode'));
  const keys = list(field(input, 'agencies')).map((a) => textOf(field(a, 'key')));
  const named = keys.filter((key): key is string => key !== null);
  const foreign: { slug: string; country_code: string }[] =
    named.length && countryCode !== null
      ? await manager.query(
          'SELECT slug, country_code FROM agency WHERE slug = ANY($1) AND country_code <> $2',
          [named, countryCode],
        )
      : [];
  for (const { slug: key, country_code } of foreign.sort(
    (a, b) => keys.indexOf(a.slug) - keys.indexOf(b.slug),
  )) {
    problems.push(
      planFileProblem(
        `$.agencies[${keys.indexOf(key)}].key`,
        errorMessage('planFile.agencyOfOtherCountry', {
          key,
          country: country_code,
          planCountry: countryCode!,
        }),
      ),
    );
  }
  return problems;
}
