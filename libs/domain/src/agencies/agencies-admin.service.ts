import { Role, errorMessage } from '@ogp/common';
import { Injectable } from '@nestjs/common';
import {
  DomainException,
  requireRole,
  type Actor,
  InputProblems,
  KEY,
  KEY_SHAPE,
  SLUG_MAX,
  TITLE_MAX,
  archivedItem,
  checkKey,
  checkLocalized,
  checkText,
  isGiven,
  writeTransaction,
  archiveRow,
  lockedRow,
} from '@ogp/core';
import { DataSource, type EntityManager } from 'typeorm';
import { COUNTRY_CODE, COUNTRY_CODE_SHAPE } from '../plans';
import { referencedAgencies } from './referenced-agencies';
import { toAgency } from './agency.mapper';
import { AgencyEntity } from './agency.entity';
import type { Agency } from './agency.model';
import type { CreateAgencyInput } from './dto/create-agency.input';
import type { UpdateAgencyInput } from './dto/update-agency.input';

const UNIQUE_FIELDS = { slug: 'input.slug' };

/** agency.abbreviation is varchar(40). */
const ABBREVIATION_MAX = 40;

/** Setting up agencies (administrators only). Agencies are archived, never deleted. */
@Injectable()
export class AgenciesAdminService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, input: CreateAgencyInput): Promise<Agency> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const changes = await checkAgency(manager, input, null);
      const agencies = manager.getRepository(AgencyEntity);
      const saved = await agencies.save(agencies.create(changes));
      return toAgency(await agencies.findOneByOrFail({ id: saved.id }));
    });
  }

  async update(actor: Actor, slug: string, input: UpdateAgencyInput): Promise<Agency> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const agency = await lockedRow(manager, AgencyEntity, 'agency', 'slug', slug);
      if (agency.archivedAt !== null) throw archivedItem('slug', 'agency', slug);
      const changes = await checkAgency(manager, input, agency);
      const agencies = manager.getRepository(AgencyEntity);
      if (Object.keys(changes).length > 0) await agencies.update({ id: agency.id }, changes);
      return toAgency(await agencies.findOneByOrFail({ id: agency.id }));
    });
  }

  /**
   * Takes an agency out of the public reads; its history stays. Refused while it leads an unarchived
   * commitment of an unarchived plan, naming them: a visible commitment always has a visible lead. Writers
   * that link an agency read it FOR SHARE, so none can make it a lead between this check and the commit.
   */
  async archive(actor: Actor, slug: string): Promise<Agency> {
    requireRole(actor, Role.ADMIN);
    return writeTransaction(this.db, UNIQUE_FIELDS, async (manager) => {
      const agency = await lockedRow(manager, AgencyEntity, 'agency', 'slug', slug);
      const refuse = async (): Promise<void> => {
        const leads = await manager.query<{ ogp_id: string }[]>(
          `SELECT c.ogp_id FROM commitment_agency ca
             JOIN commitment c ON c.id = ca.commitment_id
             JOIN action_plan p ON p.id = c.action_plan_id
           WHERE ca.agency_id = $1 AND ca.role = 'LEAD' AND c.archived_at IS NULL AND p.archived_at IS NULL
           ORDER BY c.ogp_id`,
          [agency.id],
        );
        if (leads.length > 0) {
          const ogpIds = leads.map((row) => row.ogp_id);
          throw DomainException.badInput(
            'slug',
            errorMessage('agency.leadsCommitments', { slug: agency.slug, ogpIds }),
            ogpIds,
          );
        }
      };
      return toAgency(await archiveRow(manager, AgencyEntity, agency, { refuse }));
    });
  }
}

async function checkAgency(
  manager: EntityManager,
  input: CreateAgencyInput | UpdateAgencyInput,
  current: AgencyEntity | null,
): Promise<Partial<AgencyEntity>> {
  const problems = new InputProblems();
  const changes: Partial<AgencyEntity> = {};
  const creating = current === null;
  const agencies = manager.getRepository(AgencyEntity);

  if (creating || isGiven(input.slug)) {
    const slug = checkKey(problems, 'input.slug', input.slug, KEY, SLUG_MAX, KEY_SHAPE);
    if (slug !== undefined && slug !== current?.slug) {
      const taken = await agencies.findOneBy({ slug });
      if (taken) {
        problems.add(
          'input.slug',
          errorMessage(taken.archivedAt ? 'agency.slugTakenArchived' : 'agency.slugTaken'),
          slug,
        );
      } else changes.slug = slug;
    }
  }
  // The country is given once: the plans that name an agency are of its country.
  if (creating) {
    const code = checkKey(
      problems,
      'input.countryCode',
      (input as CreateAgencyInput).countryCode,
      COUNTRY_CODE,
      2,
      COUNTRY_CODE_SHAPE,
    );
    if (code !== undefined) changes.countryCode = code;
  }
  const countryCode = current?.countryCode ?? changes.countryCode;
  if (creating || isGiven(input.name)) {
    const name = checkLocalized(problems, 'input.name', current?.name ?? null, input.name, {
      required: true,
      max: TITLE_MAX,
    });
    if (name) changes.name = name;
  }
  if (creating || isGiven(input.abbreviation)) {
    const abbreviation = checkText(problems, 'input.abbreviation', input.abbreviation, {
      max: ABBREVIATION_MAX,
      nullable: true,
    });
    if (abbreviation !== undefined) changes.abbreviation = abbreviation;
  }
  if (isGiven(input.parentSlug)) {
    if (input.parentSlug === null) changes.parentId = null;
    else {
      const [parent] =
        (await referencedAgencies(
          manager,
          problems,
          'input.parentSlug',
          [input.parentSlug],
          countryCode,
        )) ?? [];
      if (parent && current && (await sitsUnder(manager, parent.id, current.id))) {
        problems.add(
          'input.parentSlug',
          parent.id === current.id
            ? errorMessage('agency.parentIsSelf')
            : errorMessage('agency.parentLoop', { parent: parent.slug }),
          input.parentSlug,
        );
      } else if (parent) changes.parentId = parent.id;
    }
  }
  problems.throwIfAny();
  return changes;
}

/** True when `agencyId` is `ancestorId` or sits (at any depth) under it. */
async function sitsUnder(
  manager: EntityManager,
  agencyId: string,
  ancestorId: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM agency WHERE id = $1
       UNION SELECT a.id, a.parent_id FROM agency a JOIN up ON a.id = up.parent_id
     )
     SELECT 1 FROM up WHERE id = $2`,
    [agencyId, ancestorId],
  );
  return rows.length > 0;
}
