import type { DataSource } from 'typeorm';

/**
 * The versions of everything a public answer can read, as one token: the global version (plans created or
 * deleted, agencies, sources, accounts) and every plan's data version. Triggers raise them in the transaction of
 * each write (migration DataVersions), so a token read after a write commits differs from every token read before
 * it. Read on every request (one index-free scan of the plans' row headers), never remembered: no answer outlives
 * the write that changes it.
 */
export async function readDataVersions(db: DataSource): Promise<string> {
  const [row] = await db.query<{ global: string; plans: string }[]>(
    `SELECT (SELECT version FROM data_version WHERE id = 1) AS global,
            (SELECT COALESCE(SUM(data_version), 0) FROM action_plan) AS plans`,
  );
  return `${row.global}.${row.plans}`;
}
