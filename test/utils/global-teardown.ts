import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const database = globalThis.testEmbeddedDatabase;
  const dir = globalThis.testEmbeddedDatabaseDir;
  globalThis.testEmbeddedDatabase = undefined;
  globalThis.testEmbeddedDatabaseDir = undefined;
  if (database) await database.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
