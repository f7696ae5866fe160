// node scripts/ci-database.js create|drop <admin-url> <name>: a database of CI's own on a shared server.
const { Client } = require('pg');

async function main() {
  const [command, adminUrl, name] = process.argv.slice(2);
  if (!/^[a-z_][a-z0-9_]*$/.test(name ?? '') || !['create', 'drop'].includes(command)) {
    throw new Error('usage: node scripts/ci-database.js create|drop <admin-url> <name>');
  }
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      command === 'create'
        ? `CREATE DATABASE ${name}`
        : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
    );
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
