import type { DataSource } from 'typeorm';

/** The number of rows in every table of the public schema, by table name. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row]: { count: string }[] = await dataSource.query(
      `SELECT COUNT(*) AS count FROM "${table_name}"`,
    );
    counts[table_name] = Number(row.count);
  }
  return counts;
}
