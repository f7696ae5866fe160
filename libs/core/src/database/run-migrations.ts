import { MigrationExecutor, type DataSource, type Migration } from 'typeorm';

// Any fixed number: all tracker processes agree on it, so only one migrates at a time.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas that start together wait for the
 * first one instead of racing it. Neither the wait nor a long migration is cut short by the pool's
 * statement_timeout: this session turns it off, and back on before the connection returns to the pool.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
