import { createHash } from 'node:crypto';
import { canonicalJson } from '@ogp/common';

/** Kinds of row in a plan's audit chain. */
export type AuditRowKind = 'status_update' | 'assessment' | 'verification';

/**
 * hash = sha256(previous hash + canonical serialisation of the row). The row is everything that was recorded
 * (including who and when), so changing, removing or reordering any row breaks every hash after it.
 */
export function auditHash(previousHash: string | null, kind: AuditRowKind, row: object): string {
  return createHash('sha256')
    .update((previousHash ?? '') + canonicalJson({ kind, ...row }))
    .digest('hex');
}
