import type { EntityManager } from 'typeorm';
import { DomainException } from '@ogp/core';
import { auditHash, type AuditRowKind } from './audit-hash';

// The one recipe of the audit chains: which fields of each kind of history row are hashed, how a row is linked
// to its chain, how the head is locked and moved, and how a chain is read back and checked.
// The plan loader, the progress writes and verifyAuditChain all go through here.

/** The fields each kind of row hashes (everything that was recorded, except the hash itself). */
const HASHED_FIELDS: Readonly<Record<AuditRowKind, readonly string[]>> = {
  status_update: [
    'id',
    'actionPlanId',
    'milestoneId',
    'sequence',
    'status',
    'progressPercent',
    'effectiveDate',
    'effectiveDatePrecision',
    'effectiveDateKnown',
    'actualStart',
    'actualStartPrecision',
    'actualEnd',
    'actualEndPrecision',
    'note',
    'evidence',
    'visibility',
    'origin',
    'recordedAt',
    'recordedById',
    'recordedByName',
    'previousHash',
  ],
  assessment: [
    'id',
    'actionPlanId',
    'commitmentId',
    'sequence',
    'stage',
    'assessor',
    'assessedOn',
    'assessedOnPrecision',
    'sourceUrl',
    'sourceTitle',
    'verifiable',
    'specificity',
    'relevantOgpValues',
    'potentialImpact',
    'completion',
    'didItOpenGovernment',
    'starred',
    'potentiallyStarred',
    'note',
    'origin',
    'recordedAt',
    'recordedById',
    'recordedByName',
    'previousHash',
  ],
  verification: [
    'id',
    'actionPlanId',
    'milestoneId',
    'statusUpdateId',
    'sequence',
    'verdict',
    'note',
    'recordedAt',
    'recordedById',
    'recordedByName',
    'previousHash',
  ],
};

/** A row about to be linked: every hashed field but sequence and previousHash, which the chain sets. */
export interface UnlinkedRow {
  id: string;
  /** Milliseconds only (a JS Date), so the stored timestamptz reads back as the same ISO string. */
  recordedAt: Date;
  [field: string]: unknown;
}

/** The hash of a row as stored: recordedAt as an ISO string, the note as { da, en }. */
export function hashOfRow(kind: AuditRowKind, row: Record<string, unknown>): string {
  const hashed: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS[kind]) {
    const value = row[field];
    if (value === undefined) throw new TypeError(`audit chain: ${kind}.${field} is missing`);
    hashed[field] =
      value instanceof Date
        ? value.toISOString()
        : field === 'note'
          ? { da: (value as LocalizedValue).da, en: (value as LocalizedValue).en }
          : value;
  }
  return auditHash((row.previousHash as string | null) ?? null, kind, hashed);
}

interface LocalizedValue {
  da: string | null;
  en: string | null;
}

/**
 * One chain as one writer holds it: links rows in order and moves the head. A plan has a public chain (PUBLIC
 * status updates, verdicts on them, assessments; head on the plan) and each commitment an internal one (its
 * INTERNAL updates and the verdicts on them; head on the commitment), so the public chain's positions and hashes
 * say nothing about internal rows.
 */
export class AuditChain {
  constructor(
    readonly planId: string,
    public headHash: string | null = null,
    public length = 0,
    /** The commitment whose internal chain this is; null: the plan's public chain. */
    readonly chainCommitmentId: string | null = null,
  ) {}

  /**
   * Locks the plan's row (`FOR UPDATE`) until the transaction ends and returns the chain: the plan's public one,
   * or with `internalOf` that commitment's internal one. Appends to any chain of one plan happen one after the
   * other, so no chain forks. Lock it before reading anything the append depends on.
   */
  static async lock(
    manager: EntityManager,
    planId: string,
    internalOf: string | null = null,
  ): Promise<AuditChain> {
    const rows: { audit_head_hash: string | null; audit_length: number }[] = await manager.query(
      'SELECT audit_head_hash, audit_length FROM action_plan WHERE id = $1 FOR UPDATE',
      [planId],
    );
    if (rows.length === 0) throw DomainException.notFound('plan', 'id', planId);
    if (internalOf === null) {
      return new AuditChain(planId, rows[0].audit_head_hash, rows[0].audit_length);
    }
    const heads: { internal_audit_head_hash: string | null; internal_audit_length: number }[] =
      await manager.query(
        `SELECT internal_audit_head_hash, internal_audit_length FROM commitment
         WHERE id = $1 AND action_plan_id = $2`,
        [internalOf, planId],
      );
    if (heads.length === 0) throw DomainException.notFound('commitment', 'id', internalOf);
    const [head] = heads;
    return new AuditChain(
      planId,
      head.internal_audit_head_hash,
      head.internal_audit_length,
      internalOf,
    );
  }

  /** Gives the row its chain, sequence, previous hash and hash, and makes it the head. */
  link<T extends UnlinkedRow>(
    kind: AuditRowKind,
    row: T,
  ): T & {
    chainCommitmentId: string | null;
    sequence: number;
    previousHash: string | null;
    hash: string;
  } {
    const linked = { ...row, sequence: this.length + 1, previousHash: this.headHash };
    const hash = hashOfRow(kind, linked);
    this.headHash = hash;
    this.length += 1;
    // The chain is not hashed: a row moved to another chain breaks both at its sequence and links.
    return { ...linked, hash, chainCommitmentId: this.chainCommitmentId };
  }

  /** Stores the head on the plan or commitment (in the same transaction as the rows). */
  async saveHead(manager: EntityManager): Promise<void> {
    if (this.chainCommitmentId === null) {
      await manager.query(
        'UPDATE action_plan SET audit_head_hash = $2, audit_length = $3 WHERE id = $1',
        [this.planId, this.headHash, this.length],
      );
    } else {
      await manager.query(
        'UPDATE commitment SET internal_audit_head_hash = $2, internal_audit_length = $3 WHERE id = $1',
        [this.chainCommitmentId, this.headHash, this.length],
      );
    }
  }
}

/**
 * Every row of one chain as stored, in the hashed shape: with `$2` null the plan's public chain, else the
 * internal chain of commitment `$2`.
 */
const CHAIN_ROWS_SQL = `
  SELECT 'status_update' AS kind, su.sequence, su.hash, json_build_object(
      'id', su.id, 'actionPlanId', su.action_plan_id, 'milestoneId', su.milestone_id, 'sequence', su.sequence,
      'status', su.status, 'progressPercent', su.progress_percent, 'effectiveDate', su.effective_date::text,
      'effectiveDatePrecision', su.effective_date_precision, 'effectiveDateKnown', su.effective_date_known,
      'actualStart', su.actual_start::text, 'actualStartPrecision', su.actual_start_precision,
      'actualEnd', su.actual_end::text, 'actualEndPrecision', su.actual_end_precision,
      'note', json_build_object('da', su.note_da, 'en', su.note_en), 'evidence', su.evidence,
      'visibility', su.visibility, 'origin', su.origin, 'recordedAt', su.recorded_at,
      'recordedById', su.recorded_by_id, 'recordedByName', su.recorded_by_name, 'previousHash', su.previous_hash) AS row
    FROM status_update su
    WHERE su.action_plan_id = $1 AND su.chain_commitment_id IS NOT DISTINCT FROM $2::uuid
  UNION ALL
  SELECT 'assessment', a.sequence, a.hash, json_build_object(
      'id', a.id, 'actionPlanId', a.action_plan_id, 'commitmentId', a.commitment_id, 'sequence', a.sequence,
      'stage', a.stage, 'assessor', a.assessor, 'assessedOn', a.assessed_on::text,
      'assessedOnPrecision', a.assessed_on_precision, 'sourceUrl', a.source_url, 'sourceTitle', a.source_title,
      'verifiable', a.verifiable, 'specificity', a.specificity, 'relevantOgpValues', a.relevant_ogp_values::text[],
      'potentialImpact', a.potential_impact, 'completion', a.completion,
      'didItOpenGovernment', a.did_it_open_government, 'starred', a.starred,
      'potentiallyStarred', a.potentially_starred, 'note', json_build_object('da', a.note_da, 'en', a.note_en),
      'origin', a.origin, 'recordedAt', a.recorded_at, 'recordedById', a.recorded_by_id,
      'recordedByName', a.recorded_by_name, 'previousHash', a.previous_hash)
    FROM assessment a WHERE a.action_plan_id = $1 AND $2::uuid IS NULL
  UNION ALL
  SELECT 'verification', v.sequence, v.hash, json_build_object(
      'id', v.id, 'actionPlanId', v.action_plan_id, 'milestoneId', v.milestone_id,
      'statusUpdateId', v.status_update_id, 'sequence', v.sequence, 'verdict', v.verdict,
      'note', json_build_object('da', v.note_da, 'en', v.note_en), 'recordedAt', v.recorded_at,
      'recordedById', v.recorded_by_id, 'recordedByName', v.recorded_by_name, 'previousHash', v.previous_hash)
    FROM milestone_verification v
    WHERE v.action_plan_id = $1 AND v.chain_commitment_id IS NOT DISTINCT FROM $2::uuid
  ORDER BY 2, 1`;

export interface AuditChainCheck {
  ok: boolean;
  /** Rows recomputed. */
  checked: number;
  /** The head hash of the plan's public chain. */
  headHash: string | null;
  /** The first row (in chain order) whose position, link or content does not match; null when none. */
  firstBrokenId: string | null;
}

interface OneChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}

/**
 * Recomputes one chain from its stored rows in sequence order, across every chained table, and compares it with
 * its stored head. A changed row breaks at itself; a removed row at the row after the gap; rows moved out of
 * order at the first one out of place.
 */
async function checkOneChain(
  manager: EntityManager,
  planId: string,
  chainCommitmentId: string | null,
  head: { hash: string | null; length: number },
): Promise<OneChainCheck> {
  const rows: {
    kind: AuditRowKind;
    sequence: number;
    hash: string;
    row: Record<string, unknown>;
  }[] = await manager.query(CHAIN_ROWS_SQL, [planId, chainCommitmentId]);
  let previous: string | null = null;
  let firstBrokenId: string | null = null;
  let checked = 0;
  for (const [index, { kind, sequence, hash, row }] of rows.entries()) {
    // json_build_object writes timestamptz with the session's offset; the hash has it in UTC.
    const stored = { ...row, recordedAt: new Date(row.recordedAt as string) };
    const recomputed = hashOfRow(kind, { ...stored, previousHash: previous });
    const intact = sequence === index + 1 && row.previousHash === previous && hash === recomputed;
    checked += 1;
    if (!intact) {
      firstBrokenId = row.id as string;
      break;
    }
    previous = hash;
  }
  const headMatches = head.length === rows.length && head.hash === previous;
  return { ok: firstBrokenId === null && headMatches, checked, firstBrokenId };
}

/**
 * Checks the plan's public chain and the internal chains of the commitments `internalOf` names (those the
 * viewer may read): ok when all are intact, checked the rows of all, firstBrokenId the public chain's first
 * broken row, else the first of the internal chains in the order given. headHash is the public chain's.
 */
export async function checkAuditChain(
  manager: EntityManager,
  planId: string,
  internalOf: readonly string[] = [],
): Promise<AuditChainCheck> {
  const [plan]: { audit_head_hash: string | null; audit_length: number }[] = await manager.query(
    'SELECT audit_head_hash, audit_length FROM action_plan WHERE id = $1',
    [planId],
  );
  if (!plan) throw DomainException.notFound('plan', 'id', planId);
  const checks = [
    await checkOneChain(manager, planId, null, {
      hash: plan.audit_head_hash,
      length: plan.audit_length,
    }),
  ];
  if (internalOf.length > 0) {
    const heads: {
      id: string;
      internal_audit_head_hash: string | null;
      internal_audit_length: number;
    }[] = await manager.query(
      `SELECT id, internal_audit_head_hash, internal_audit_length FROM commitment
       WHERE action_plan_id = $1 AND id = ANY($2)`,
      [planId, [...internalOf]],
    );
    const byId = new Map(heads.map((head) => [head.id, head]));
    for (const commitmentId of internalOf) {
      const head = byId.get(commitmentId);
      if (!head) continue;
      checks.push(
        await checkOneChain(manager, planId, commitmentId, {
          hash: head.internal_audit_head_hash,
          length: head.internal_audit_length,
        }),
      );
    }
  }
  return {
    ok: checks.every((check) => check.ok),
    checked: checks.reduce((sum, check) => sum + check.checked, 0),
    headHash: plan.audit_head_hash,
    firstBrokenId: checks.find((check) => check.firstBrokenId !== null)?.firstBrokenId ?? null,
  };
}
