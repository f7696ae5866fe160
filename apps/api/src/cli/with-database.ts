import { EmbeddedDatabase, dataSourceOptions, loadConfig, runMigrationsLocked } from '@ogp/core';
import { DOMAIN_ENTITIES } from '@ogp/domain';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../../migrations';

/**
 * Runs a command-line task against the tracker's database: DATABASE_URL when set, else the embedded PostgreSQL
 * under DATA_DIR (the running tracker's, or started for the task and stopped after it). Migrations run first
 * unless MIGRATIONS_RUN=false, so a task works on a database no tracker has started yet.
 */
export async function withDatabase<T>(
  applicationName: string,
  task: (db: DataSource) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? null
    : new EmbeddedDatabase(config.dataDir, config.embeddedDatabasePort, {
        log: () => undefined,
        error: console.error,
      });
  try {
    const url = config.databaseUrl ?? (await embedded!.start());
    const db = new DataSource(
      dataSourceOptions({
        url,
        entities: DOMAIN_ENTITIES,
        migrations: ALL_MIGRATIONS,
        applicationName,
      }),
    );
    try {
      await db.initialize();
      if (config.migrationsRun) await runMigrationsLocked(db);
      return await task(db);
    } finally {
      if (db.isInitialized) await db.destroy();
    }
  } finally {
    if (embedded) await embedded.stop();
  }
}
