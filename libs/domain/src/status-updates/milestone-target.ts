import { DomainException, assertUuid } from '@ogp/core';
import type { EntityManager } from 'typeorm';
import { StatusUpdateEntity } from './status-update.entity';

/** The milestone with what the permission check and the event need. */
export interface MilestoneTarget {
  milestoneId: string;
  commitmentId: string;
  commitmentOgpId: string;
  planId: string;
  planSlug: string;
  leadAgencyId: string | null;
  archived: boolean;
  /** The milestone's version when it was read (unlocked). */
  version: number;
}

/** Finds a milestone with its commitment, plan and lead agency; NOT_FOUND when there is none. */
export async function findMilestoneTarget(
  manager: EntityManager,
  field: string,
  id: string,
): Promise<MilestoneTarget> {
  const milestoneId = assertUuid(field, id);
  const rows: {
    commitment_id: string;
    ogp_id: string;
    plan_id: string;
    slug: string;
    lead_agency_id: string | null;
    archived: boolean;
    version: number;
  }[] = await manager.query(
    `SELECT m.version, c.id AS commitment_id, c.ogp_id, p.id AS plan_id, p.slug, lead.agency_id AS lead_agency_id,
       (m.archived_at IS NOT NULL OR c.archived_at IS NOT NULL OR p.archived_at IS NOT NULL) AS archived
     FROM milestone m
     JOIN commitment c ON c.id = m.commitment_id
     JOIN action_plan p ON p.id = c.action_plan_id
     LEFT JOIN commitment_agency lead ON lead.commitment_id = c.id AND lead.role = 'LEAD'
     WHERE m.id = $1`,
    [milestoneId],
  );
  if (rows.length === 0) throw DomainException.notFound('milestone', 'id', milestoneId);
  const [row] = rows;
  return {
    milestoneId,
    commitmentId: row.commitment_id,
    commitmentOgpId: row.ogp_id,
    planId: row.plan_id,
    planSlug: row.slug,
    leadAgencyId: row.lead_agency_id,
    archived: row.archived,
    version: row.version,
  };
}

/** The latest update of a milestone by effective date (the later recorded one on a tie). */
export async function latestStatusUpdate(
  manager: EntityManager,
  milestoneId: string,
): Promise<StatusUpdateEntity | null> {
  return (
    manager
      .getRepository(StatusUpdateEntity)
      .createQueryBuilder('su')
      .where('su.milestone_id = :milestoneId', { milestoneId })
      .orderBy('su.effective_date', 'DESC')
      // PUBLIC and INTERNAL updates are in different chains: their sequences do not compare, times do.
      .addOrderBy('su.recorded_at', 'DESC')
      .addOrderBy('su.sequence', 'DESC')
      .limit(1)
      .getOne()
  );
}
