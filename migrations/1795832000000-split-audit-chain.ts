import { createHash } from 'node:crypto';
import { canonicalJson } from '@ogp/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Splits each plan's one audit chain in two kinds: the plan's public chain (PUBLIC status updates, verdicts on
 * them, assessments; head on action_plan) and an internal chain per commitment (its INTERNAL updates and the
 * verdicts on them; head on commitment), so that the public chain's positions and hashes say nothing about
 * internal rows. `chain_commitment_id` names the internal chain a row is in (null: the public one).
 *
 * Existing rows are re-linked in their old order with the same hashing recipe (copied here as it stands, so
 * the migration keeps its meaning when the code moves on). Every chain is checked first: a broken one is never
 * re-linked (that would hide the tampering), and the migration refuses with the plan's slug and the row.
 * Plans without INTERNAL rows keep every row as it is. `down` merges the chains back into one per plan.
 */
export class SplitAuditChain1795832000000 implements MigrationInterface {
  name = 'SplitAuditChain1795832000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['status_update', 'milestone_verification']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "chain_commitment_id" uuid`);
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${table}_chain_commitment_fk"
        FOREIGN KEY ("chain_commitment_id") REFERENCES "commitment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_plan_sequence_unique"`,
      );
    }
    await queryRunner.query(`
      ALTER TABLE "commitment" ADD "internal_audit_head_hash" character varying(64),
        ADD "internal_audit_length" integer NOT NULL DEFAULT '0'`);

    await relinkAll(queryRunner, 'split');

    for (const table of ['status_update', 'milestone_verification']) {
      await queryRunner.query(`
        CREATE UNIQUE INDEX "${table}_public_sequence_unique" ON "${table}" ("action_plan_id", "sequence")
        WHERE "chain_commitment_id" IS NULL`);
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${table}_internal_sequence_unique"
        UNIQUE ("chain_commitment_id", "sequence")`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['status_update', 'milestone_verification']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_internal_sequence_unique"`,
      );
      await queryRunner.query(`DROP INDEX "${table}_public_sequence_unique"`);
    }

    await relinkAll(queryRunner, 'merge');

    for (const table of ['status_update', 'milestone_verification']) {
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${table}_plan_sequence_unique"
        UNIQUE ("action_plan_id", "sequence")`);
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_chain_commitment_fk"`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "chain_commitment_id"`);
    }
    await queryRunner.query(`
      ALTER TABLE "commitment" DROP COLUMN "internal_audit_length", DROP COLUMN "internal_audit_head_hash"`);
  }
}

type Kind = 'status_update' | 'assessment' | 'verification';

/** The fields each kind of row hashes, as the chain's recipe had them when this migration was written. */
const HASHED_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
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

function hashOf(kind: Kind, row: Record<string, unknown>): string {
  const hashed: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS[kind]) {
    const value = row[field];
    hashed[field] =
      field === 'recordedAt'
        ? // json_build_object writes timestamptz with the session's offset; the hash has it in UTC.
          new Date(value as string).toISOString()
        : field === 'note'
          ? { da: (value as NoteValue).da, en: (value as NoteValue).en }
          : value;
  }
  return createHash('sha256')
    .update(((row.previousHash as string | null) ?? '') + canonicalJson({ kind, ...hashed }))
    .digest('hex');
}

interface NoteValue {
  da: string | null;
  en: string | null;
}

interface ChainRow {
  kind: Kind;
  sequence: number;
  hash: string;
  recorded_at: Date;
  /** The commitment whose internal chain the row is in (null: public), as stored. */
  chain: string | null;
  /** The internal chain the row belongs in: the commitment of an INTERNAL update, or of the update judged. */
  internal_of: string | null;
  row: Record<string, unknown>;
}

/** Every chained row of a plan, in the hashed shape, with the chain it is in and the one it belongs in. */
const PLAN_ROWS_SQL = `
  SELECT 'status_update' AS kind, su.sequence, su.hash, su.recorded_at, su.chain_commitment_id AS chain,
    CASE WHEN su.visibility = 'INTERNAL' THEN m.commitment_id END AS internal_of, json_build_object(
      'id', su.id, 'actionPlanId', su.action_plan_id, 'milestoneId', su.milestone_id, 'sequence', su.sequence,
      'status', su.status, 'progressPercent', su.progress_percent, 'effectiveDate', su.effective_date::text,
      'effectiveDatePrecision', su.effective_date_precision, 'effectiveDateKnown', su.effective_date_known,
      'actualStart', su.actual_start::text, 'actualStartPrecision', su.actual_start_precision,
      'actualEnd', su.actual_end::text, 'actualEndPrecision', su.actual_end_precision,
      'note', json_build_object('da', su.note_da, 'en', su.note_en), 'evidence', su.evidence,
      'visibility', su.visibility, 'origin', su.origin, 'recordedAt', su.recorded_at,
      'recordedById', su.recorded_by_id, 'recordedByName', su.recorded_by_name, 'previousHash', su.previous_hash) AS row
    FROM status_update su JOIN milestone m ON m.id = su.milestone_id WHERE su.action_plan_id = $1
  UNION ALL
  SELECT 'assessment', a.sequence, a.hash, a.recorded_at, NULL, NULL, json_build_object(
      'id', a.id, 'actionPlanId', a.action_plan_id, 'commitmentId', a.commitment_id, 'sequence', a.sequence,
      'stage', a.stage, 'assessor', a.assessor, 'assessedOn', a.assessed_on::text,
      'assessedOnPrecision', a.assessed_on_precision, 'sourceUrl', a.source_url, 'sourceTitle', a.source_title,
      'verifiable', a.verifiable, 'specificity', a.specificity, 'relevantOgpValues', a.relevant_ogp_values::text[],
      'potentialImpact', a.potential_impact, 'completion', a.completion,
      'didItOpenGovernment', a.did_it_open_government, 'starred', a.starred,
      'potentiallyStarred', a.potentially_starred, 'note', json_build_object('da', a.note_da, 'en', a.note_en),
      'origin', a.origin, 'recordedAt', a.recorded_at, 'recordedById', a.recorded_by_id,
      'recordedByName', a.recorded_by_name, 'previousHash', a.previous_hash)
    FROM assessment a WHERE a.action_plan_id = $1
  UNION ALL
  SELECT 'verification', v.sequence, v.hash, v.recorded_at, v.chain_commitment_id,
    CASE WHEN judged.visibility = 'INTERNAL' THEN m.commitment_id END, json_build_object(
      'id', v.id, 'actionPlanId', v.action_plan_id, 'milestoneId', v.milestone_id,
      'statusUpdateId', v.status_update_id, 'sequence', v.sequence, 'verdict', v.verdict,
      'note', json_build_object('da', v.note_da, 'en', v.note_en), 'recordedAt', v.recorded_at,
      'recordedById', v.recorded_by_id, 'recordedByName', v.recorded_by_name, 'previousHash', v.previous_hash)
    FROM milestone_verification v JOIN status_update judged ON judged.id = v.status_update_id
      JOIN milestone m ON m.id = v.milestone_id
    WHERE v.action_plan_id = $1`;

const TABLES: Record<Kind, string> = {
  status_update: 'status_update',
  assessment: 'assessment',
  verification: 'milestone_verification',
};

/** Rows of one chain in order, with the head they should end at; throws when they do not verify. */
function checkChain(
  slug: string,
  name: string,
  rows: ChainRow[],
  head: { hash: string | null; length: number },
): void {
  let previous: string | null = null;
  for (const [index, { kind, sequence, hash, row }] of rows.entries()) {
    const intact =
      sequence === index + 1 &&
      row.previousHash === previous &&
      hash === hashOf(kind, { ...row, previousHash: previous });
    if (!intact) {
      throw new Error(
        `split-audit-chain: the ${name} of plan ${slug} is broken at ${kind} ${String(row.id)} ` +
          `(position ${index + 1}); nothing was changed. Find out what happened before migrating.`,
      );
    }
    previous = hash;
  }
  if (head.length !== rows.length || head.hash !== previous) {
    throw new Error(
      `split-audit-chain: the ${name} of plan ${slug} does not end at its stored head ` +
        `(${head.length} rows, head ${head.hash ?? 'none'}; found ${rows.length}); nothing was changed.`,
    );
  }
}

const bySequence = (a: ChainRow, b: ChainRow) => a.sequence - b.sequence;

/**
 * `split`: checks each plan's one chain, then re-links its rows into the public chain and the internal chains
 * in the old order. `merge`: checks every chain, then re-links all rows of a plan into one chain in recording
 * order (public rows first on a tie). A plan whose rows already stand where they belong is left as it is.
 */
async function relinkAll(queryRunner: QueryRunner, mode: 'split' | 'merge'): Promise<void> {
  const plans: {
    id: string;
    slug: string;
    audit_head_hash: string | null;
    audit_length: number;
  }[] = await queryRunner.query(
    'SELECT id, slug, audit_head_hash, audit_length FROM action_plan ORDER BY slug',
  );
  let triggersOff = false;
  for (const plan of plans) {
    const rows: ChainRow[] = await queryRunner.query(PLAN_ROWS_SQL, [plan.id]);
    const commitments: {
      id: string;
      ogp_id: string;
      internal_audit_head_hash: string | null;
      internal_audit_length: number;
    }[] = await queryRunner.query(
      `SELECT id, ogp_id, internal_audit_head_hash, internal_audit_length FROM commitment
       WHERE action_plan_id = $1`,
      [plan.id],
    );
    // Check what is stored, chain by chain.
    const stored = new Map<string | null, ChainRow[]>();
    for (const row of rows) stored.set(row.chain, [...(stored.get(row.chain) ?? []), row]);
    checkChain(plan.slug, 'audit chain', (stored.get(null) ?? []).sort(bySequence), {
      hash: plan.audit_head_hash,
      length: plan.audit_length,
    });
    for (const commitment of commitments) {
      checkChain(
        plan.slug,
        `internal audit chain of ${commitment.ogp_id}`,
        (stored.get(commitment.id) ?? []).sort(bySequence),
        { hash: commitment.internal_audit_head_hash, length: commitment.internal_audit_length },
      );
    }

    const target = (row: ChainRow) => (mode === 'split' ? row.internal_of : null);
    if (rows.every((row) => row.chain === target(row))) continue;

    // The order rows are linked in: the old chain's for a split; for a merge, when they were recorded.
    const ordered =
      mode === 'split'
        ? [...rows].sort(bySequence)
        : [...rows].sort(
            (a, b) =>
              new Date(a.recorded_at).getTime() - new Date(b.recorded_at).getTime() ||
              Number(a.chain !== null) - Number(b.chain !== null) ||
              a.sequence - b.sequence,
          );
    const heads = new Map<string | null, { hash: string | null; length: number }>();
    const relinked = ordered.map((row) => {
      const chain = target(row);
      const head = heads.get(chain) ?? { hash: null, length: 0 };
      const linked = { ...row.row, sequence: head.length + 1, previousHash: head.hash };
      const hash = hashOf(row.kind, linked);
      heads.set(chain, { hash, length: head.length + 1 });
      return { row, chain, sequence: linked.sequence, previousHash: head.hash, hash };
    });

    if (!triggersOff) {
      // History rows are append-only; re-linking is the one rewrite, done here under the migration's lock.
      for (const table of Object.values(TABLES)) {
        await queryRunner.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_append_only"`);
      }
      triggersOff = true;
    }
    // Out of the way first, so no new position meets an old one in a unique constraint.
    for (const table of Object.values(TABLES)) {
      await queryRunner.query(
        `UPDATE "${table}" SET sequence = -sequence WHERE action_plan_id = $1`,
        [plan.id],
      );
    }
    for (const { row, chain, sequence, previousHash, hash } of relinked) {
      const table = TABLES[row.kind];
      if (row.kind === 'assessment') {
        await queryRunner.query(
          `UPDATE "${table}" SET sequence = $2, previous_hash = $3, hash = $4 WHERE id = $1`,
          [row.row.id, sequence, previousHash, hash],
        );
      } else {
        await queryRunner.query(
          `UPDATE "${table}" SET chain_commitment_id = $2, sequence = $3, previous_hash = $4, hash = $5
           WHERE id = $1`,
          [row.row.id, chain, sequence, previousHash, hash],
        );
      }
    }
    const publicHead = heads.get(null) ?? { hash: null, length: 0 };
    await queryRunner.query(
      'UPDATE action_plan SET audit_head_hash = $2, audit_length = $3 WHERE id = $1',
      [plan.id, publicHead.hash, publicHead.length],
    );
    for (const commitment of commitments) {
      const head = heads.get(commitment.id) ?? { hash: null, length: 0 };
      await queryRunner.query(
        `UPDATE commitment SET internal_audit_head_hash = $2, internal_audit_length = $3
         WHERE id = $1`,
        [commitment.id, head.hash, head.length],
      );
    }
  }
  // On a failure the migration's transaction is rolled back, the triggers' state with it.
  if (triggersOff) {
    for (const table of Object.values(TABLES)) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${table}_append_only"`);
    }
  }
}
