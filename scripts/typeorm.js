// npm run migration:run | migration:revert | migration:generate -- <name> | migration:check
// Uses DATABASE_URL when set, else the embedded PostgreSQL under DATA_DIR (the running one, or started here).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { root, distRoot, ensureBuilt, built } = require('./lib/built');

async function main() {
  const [command, name] = process.argv.slice(2);
  const known = ['migration:run', 'migration:revert', 'migration:generate', 'migration:check'];
  if (!known.includes(command))
    throw new Error(`usage: node scripts/typeorm.js ${known.join('|')} [name]`);
  if (command === 'migration:generate' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name ?? '')) {
    throw new Error('usage: npm run migration:generate -- <kebab-case-name>');
  }
  ensureBuilt();
  const { loadConfig, EmbeddedDatabase } = built('libs/core/src');
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? null
    : new EmbeddedDatabase(config.dataDir, config.embeddedDatabasePort);
  const url = config.databaseUrl ?? (await embedded.start());
  const dataSource = join(distRoot, 'apps', 'api', 'src', 'cli', 'data-source.js');
  const typeorm = (...args) =>
    spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typeorm', 'cli.js'), ...args, '-d', dataSource],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url },
      },
    ).status;
  let status;
  try {
    if (command === 'migration:run') status = typeorm('migration:run');
    else if (command === 'migration:revert') status = typeorm('migration:revert');
    else if (command === 'migration:generate')
      status = typeorm('migration:generate', `migrations/${name}`, '--pretty');
    else {
      // Drift check: with every migration applied, the entities must ask for no further change.
      status = typeorm('migration:run');
      if (status === 0)
        status = typeorm('migration:generate', 'migrations/drift', '--check', '--dryrun');
      if (status === 0) console.log('No drift: the entities and the migrations agree.');
      else console.error('Drift: the entities and the migrations differ (see the SQL above).');
    }
  } finally {
    if (embedded) await embedded.stop();
  }
  process.exitCode = status ?? 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
