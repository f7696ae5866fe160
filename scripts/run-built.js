// Runs a compiled entry point of the API in this same process, building first when the sources are newer:
//   node scripts/run-built.js apps/api/src/cli/plan-load [args...]
const { join } = require('node:path');
const { distRoot, ensureBuilt, ensureDashboardBuilt } = require('./lib/built');

const [entry, ...args] = process.argv.slice(2);
ensureBuilt();
// Only the server serves the dashboard; the CLIs do not need it built.
if (entry === 'apps/api/src/main') ensureDashboardBuilt();
// The entry sees its own arguments, as if it had been started directly.
process.argv = [process.argv[0], join(distRoot, `${entry}.js`), ...args];
require(process.argv[1]);
