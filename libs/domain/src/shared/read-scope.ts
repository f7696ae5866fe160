import { Role } from '@ogp/common';
import { seesEverything, type Actor } from '@ogp/core';

/**
 * What one viewer may read, as SQL conditions that every read query and loader applies:
 * - a plan: when published; unpublished ones only for reviewers, administrators and coordinators whose agency
 *   leads a commitment of the plan (archived plans for nobody);
 * - an INTERNAL status update: only for reviewers, administrators and coordinators of the commitment's lead
 *   agency. For everyone else it does not exist, in lists and in every figure.
 * The conditions may name the parameter `:viewerAgencyIds`: a statement that uses them sets `parameters`.
 */
export class ReadScope {
  /** The anonymous public. */
  static readonly PUBLIC = new ReadScope(false, []);

  private constructor(
    /** Reviewers and administrators: every plan, every update. */
    readonly seesEverything: boolean,
    /** A coordinator's agencies: internal updates and unpublished plans of the commitments they lead. */
    readonly leadAgencyIds: readonly string[],
  ) {}

  static of(actor: Actor): ReadScope {
    // A plain boolean: the type guard would narrow `actor` to never below.
    const everything: boolean = seesEverything(actor);
    if (everything) return new ReadScope(true, []);
    // Agencies count only while the user is a coordinator.
    if (actor.kind === 'user' && actor.roles.has(Role.COORDINATOR) && actor.agencyIds.size > 0) {
      return new ReadScope(false, [...actor.agencyIds].sort());
    }
    return ReadScope.PUBLIC;
  }

  /** Named parameters the conditions below refer to. */
  get parameters(): Record<string, unknown> {
    return this.leadAgencyIds.length > 0 ? { viewerAgencyIds: [...this.leadAgencyIds] } : {};
  }

  /** A condition: one of the viewer's agencies leads the commitment whose id is `commitmentId`. */
  private ledByViewer(commitmentId: string): string {
    if (this.leadAgencyIds.length === 0) return 'false';
    return `EXISTS (SELECT 1 FROM commitment_agency scope_lead
      WHERE scope_lead.commitment_id = ${commitmentId} AND scope_lead.role = 'LEAD'
        AND scope_lead.agency_id = ANY(:viewerAgencyIds))`;
  }

  /** An uncorrelated subquery: the ids of the plans the viewer may read. */
  visiblePlanIdsSql(): string {
    const unpublished = this.seesEverything
      ? 'true'
      : this.leadAgencyIds.length === 0
        ? 'false'
        : `scope_plan.id IN (SELECT scope_commitment.action_plan_id FROM commitment scope_commitment
             WHERE scope_commitment.archived_at IS NULL AND ${this.ledByViewer('scope_commitment.id')})`;
    return `SELECT scope_plan.id FROM action_plan scope_plan
      WHERE scope_plan.archived_at IS NULL AND (scope_plan.is_published OR ${unpublished})`;
  }

  /** A condition: the viewer may read the INTERNAL updates of the commitment aliased `commitment`. */
  internalVisibleSql(commitment: string): string {
    return this.seesEverything ? 'true' : this.ledByViewer(`${commitment}.id`);
  }

  /** A condition: the viewer may read status update `update` of the commitment aliased `commitment`. */
  updateVisibleSql(update: string, commitment: string): string {
    if (this.seesEverything) return 'true';
    return `(${update}.visibility = 'PUBLIC' OR ${this.internalVisibleSql(commitment)})`;
  }
}
