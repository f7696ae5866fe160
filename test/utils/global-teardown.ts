export default async function globalTeardown(): Promise<void> {
  const database = globalThis.testEmbeddedDatabase;
  globalThis.testEmbeddedDatabase = undefined;
  if (database) await database.stop();
}
