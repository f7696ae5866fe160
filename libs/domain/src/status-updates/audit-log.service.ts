import {
  APP_CONFIG,
  DomainException,
  toConnection,
  toPage,
  type Actor,
  type AppConfig,
  type Connection,
  type PageRequest,
} from '@ogp/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { toAssessment } from '../assessments';
import { toStatusUpdate } from './status-update.mapper';
import { ReadScope } from '../shared/read-scope';
import { VerificationEntity } from '../verifications/verification.entity';
import { toVerification } from '../verifications';
import { checkAuditChain, type AuditChainCheck } from './audit-chain';
import { AuditEntryKind, type AuditEntry } from './audit-entry.model';
import { StatusUpdateEntity } from './status-update.entity';

interface TrailRow {
  id: string;
  kind: AuditEntryKind;
  sequence: number;
  hash: string;
  previous_hash: string | null;
  recorded_at: Date;
  recorded_by_name: string;
  ogp_id: string;
  milestone_id: string | null;
}

/** The audit log read side: the trail of a plan (or one commitment) and the check of its hash chain. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A plan `actor` may read; NOT_FOUND, as for an unknown slug, for any other. */
  private async visiblePlan(actor: Actor, scope: ReadScope, slug: string) {
    const plan = await this.db
      .getRepository(ActionPlanEntity)
      .createQueryBuilder('p')
      .where(`p.id IN (${scope.visiblePlanIdsSql()})`)
      .andWhere('p.slug = :slug', { slug })
      .setParameters(scope.parameters)
      .getOne();
    if (!plan) throw DomainException.notFound('plan', 'slug', slug);
    return plan;
  }

  /**
   * The plan's public chain, which everyone may check; and the internal chains of the commitments whose
   * INTERNAL updates `actor` may read.
   */
  async verifyChain(actor: Actor, planSlug: string): Promise<AuditChainCheck> {
    const scope = ReadScope.of(actor);
    const plan = await this.visiblePlan(actor, scope, planSlug);
    const [sql, parameters] = this.db.driver.escapeQueryWithParameters(
      `SELECT c.id FROM commitment c WHERE c.action_plan_id = :planId AND ${scope.internalVisibleSql('c')}
       ORDER BY c.position, c.ogp_id`,
      { ...scope.parameters, planId: plan.id },
    );
    const readable: { id: string }[] = await this.db.query(sql, parameters);
    return checkAuditChain(
      this.db.manager,
      plan.id,
      readable.map((row) => row.id),
    );
  }

  /**
   * The plan's log, newest first: status updates and verdicts (those on INTERNAL updates only for those who
   * may read them) and assessments, each with its place in its chain.
   */
  async trail(
    actor: Actor,
    planSlug: string,
    commitmentOgpId: string | null | undefined,
    request: PageRequest,
  ): Promise<Connection<AuditEntry>> {
    const page = toPage(request, this.config.graphqlMaxPageSize);
    const scope = ReadScope.of(actor);
    const plan = await this.visiblePlan(actor, scope, planSlug);
    const params: Record<string, unknown> = { ...scope.parameters, planId: plan.id };
    let commitmentCondition = 'true';
    if (commitmentOgpId != null) {
      const found: { id: string }[] = await this.db.query(
        'SELECT id FROM commitment WHERE action_plan_id = $1 AND ogp_id = $2 AND archived_at IS NULL',
        [plan.id, commitmentOgpId],
      );
      if (found.length === 0) {
        throw DomainException.notFound('commitment', 'commitmentOgpId', commitmentOgpId);
      }
      commitmentCondition = 'c.id = :commitmentId';
      params.commitmentId = found[0].id;
    }
    const union = `
      SELECT su.id, 'STATUS_UPDATE' AS kind, su.sequence, su.hash, su.previous_hash, su.recorded_at,
        su.recorded_by_name, c.ogp_id, su.milestone_id
      FROM status_update su JOIN milestone m ON m.id = su.milestone_id JOIN commitment c ON c.id = m.commitment_id
      WHERE su.action_plan_id = :planId AND ${commitmentCondition} AND ${scope.updateVisibleSql('su', 'c')}
      UNION ALL
      SELECT v.id, 'VERIFICATION', v.sequence, v.hash, v.previous_hash, v.recorded_at, v.recorded_by_name,
        c.ogp_id, v.milestone_id
      FROM milestone_verification v JOIN milestone m ON m.id = v.milestone_id JOIN commitment c ON c.id = m.commitment_id
        JOIN status_update judged ON judged.id = v.status_update_id
      WHERE v.action_plan_id = :planId AND ${commitmentCondition} AND ${scope.updateVisibleSql('judged', 'c')}
      UNION ALL
      SELECT a.id, 'ASSESSMENT', a.sequence, a.hash, a.previous_hash, a.recorded_at, a.recorded_by_name,
        c.ogp_id, NULL
      FROM assessment a JOIN commitment c ON c.id = a.commitment_id
      WHERE a.action_plan_id = :planId AND ${commitmentCondition}`;
    // The public chain's order, for those who read only that chain; with internal chains (whose sequences do
    // not compare with it), newest recorded first.
    const order =
      scope.seesEverything || scope.leadAgencyIds.length > 0
        ? 'recorded_at DESC, sequence DESC, id DESC'
        : 'sequence DESC';
    const driver = this.db.driver;
    const [countSql, countParams] = driver.escapeQueryWithParameters(
      `SELECT COUNT(*) AS total FROM (${union}) trail`,
      params,
    );
    const [{ total }]: { total: string }[] = await this.db.query(countSql, countParams);
    const [pageSql, pageParams] = driver.escapeQueryWithParameters(
      `SELECT * FROM (${union}) trail ORDER BY ${order} OFFSET :offset LIMIT :limit`,
      { ...params, offset: page.offset, limit: page.limit },
    );
    const rows: TrailRow[] = await this.db.query(pageSql, pageParams);
    const idsOf = (kind: AuditEntryKind) => rows.filter((r) => r.kind === kind).map((r) => r.id);
    const [updates, verifications, assessments] = await Promise.all([
      this.db
        .getRepository(StatusUpdateEntity)
        .findBy({ id: In(idsOf(AuditEntryKind.STATUS_UPDATE)) }),
      this.db
        .getRepository(VerificationEntity)
        .findBy({ id: In(idsOf(AuditEntryKind.VERIFICATION)) }),
      this.db.getRepository(AssessmentEntity).findBy({ id: In(idsOf(AuditEntryKind.ASSESSMENT)) }),
    ]);
    const entries: AuditEntry[] = rows.map((row) => {
      const update = updates.find((u) => u.id === row.id);
      const verification = verifications.find((v) => v.id === row.id);
      const assessment = assessments.find((a) => a.id === row.id);
      return {
        id: row.id,
        kind: row.kind,
        sequence: row.sequence,
        hash: row.hash,
        previousHash: row.previous_hash,
        recordedAt: row.recorded_at,
        recordedBy: row.recorded_by_name,
        commitmentOgpId: row.ogp_id,
        milestoneId: row.milestone_id,
        statusUpdate:
          row.kind === AuditEntryKind.STATUS_UPDATE && update ? toStatusUpdate(update) : null,
        verification:
          row.kind === AuditEntryKind.VERIFICATION && verification
            ? toVerification(verification)
            : null,
        assessment:
          row.kind === AuditEntryKind.ASSESSMENT && assessment ? toAssessment(assessment) : null,
      };
    });
    return toConnection(entries, Number(total), page);
  }
}
