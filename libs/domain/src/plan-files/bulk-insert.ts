import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows sent in one statement: a few megabytes of JSON at most. */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Writes rows (keyed by column name) into `table` with one INSERT per 2,000 rows. The rows travel as one JSON
 * parameter that PostgreSQL turns into rows of the table's own type (`json_populate_recordset`), so every
 * column gets its own type (enums, dates, arrays, jsonb) and no statement runs into the limit on parameters.
 * Columns not named in the first row keep their defaults.
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0])
    .map((name) => `"${name}"`)
    .join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    await manager.query(
      `INSERT INTO "${table}" (${columns})
       SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      // Dates become ISO strings in UTC (their toJSON).
      [JSON.stringify(batch)],
    );
  }
}

/** How an entity's rows become column rows: each mapped column's name and where its value is. */
function columnsOf(metadata: EntityMetadata) {
  const byName = new Map<string, EntityMetadata['columns'][number]>();
  for (const column of metadata.columns) {
    // A foreign key named by both a relation and a plain column: the plain column holds the value.
    const seen = byName.get(column.databaseName);
    if (!seen || (seen.relationMetadata && !column.relationMetadata)) {
      byName.set(column.databaseName, column);
    }
  }
  return [...byName.values()];
}

/**
 * Writes entity-shaped rows (property names, embedded bilingual texts) into the entity's table through
 * insertRows. The columns written are those the first row gives a value; the others keep their defaults.
 */
export async function insertEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const columns = columnsOf(metadata).filter(
    (column) => column.getEntityValue(rows[0] as ObjectLiteral) !== undefined,
  );
  await insertRows(
    manager,
    metadata.tableName,
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const column of columns) {
        out[column.databaseName] = column.getEntityValue(row) ?? null;
      }
      return out;
    }),
  );
}

/** The junction table of an entity's `sources` relation and its two column names. */
export function sourceJunction(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
): { table: string; owner: string; source: string } {
  const relation = manager.connection
    .getMetadata(target)
    .manyToManyRelations.find((r) => r.propertyName === 'sources');
  const junction = relation?.junctionEntityMetadata;
  if (!relation || !junction) throw new TypeError('bulk insert: the entity has no sources');
  return {
    table: junction.tableName,
    owner: relation.joinColumns[0].databaseName,
    source: relation.inverseJoinColumns[0].databaseName,
  };
}
