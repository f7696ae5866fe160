import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../libs/core/src/database/embedded-database';

declare global {
  var testEmbeddedDatabase: EmbeddedDatabase | undefined;
  var testEmbeddedDatabaseDir: string | undefined;
}

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL when set (a server whose user may create
 * databases), else a throwaway embedded one under the system temp folder. Each test file makes its own database.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_ADMIN_DATABASE_URL) return; // already set up by the other project of this run
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ogp-test-pg-'));
  const database = new EmbeddedDatabase(dir, 0, {
    log: () => undefined,
    error: (m) => console.error(m),
  });
  process.env.TEST_ADMIN_DATABASE_URL = await database.start();
  globalThis.testEmbeddedDatabase = database;
  globalThis.testEmbeddedDatabaseDir = dir;
}
