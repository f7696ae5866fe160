import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@ogp/common';
import { stringify } from 'csv-stringify/sync';
import { apiData } from '../utils/exports';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser } from '../utils/users';

// The CLI runs compiled, as `npm run progress:import` runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require('../../scripts/lib/built.js') as {
  root: string;
  distRoot: string;
  ensureBuilt(): void;
};

const PLAN = 'dk-2017-2019';

/** `npm run progress:import -- ...` as a separate process on the test database; stdin is not a terminal. */
function runCli(databaseUrl: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' };
  delete env.TEST_ADMIN_DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const cli = spawn(
    process.execPath,
    [join(built.distRoot, 'apps/api/src/cli/progress-import.js'), ...args],
    { cwd: built.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    cli.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('npm run progress:import (the command line)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let dir: string;
  let coordinatorEmail: string;

  beforeAll(async () => {
    built.ensureBuilt();
    db = await createTestDatabase({ migrate: false });
    // The app loads Denmark's plan into the empty database, as `npm start` does.
    api = await startTestApp({ databaseUrl: db.url });
    coordinatorEmail = (
      await createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['finansministeriet'],
      })
    ).email;
    dir = mkdtempSync(join(tmpdir(), 'progress-import-'));
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function milestonesOf(ogpId: string) {
    const data = await apiData(
      api.baseUrl,
      `{ commitment(ogpId: "${ogpId}") { milestones { id position version status progressPercent } } }`,
    );
    return data.commitment.milestones as {
      id: string;
      position: number;
      version: number;
      status: string | null;
      progressPercent: number | null;
    }[];
  }

  it('prints every problem as "row N, column C", exits 1, and changes nothing', async () => {
    const [milestone] = await milestonesOf('DK0059');
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      stringify([
        ['OGP ID', 'Milestone no.', 'Expected version', 'New status', 'New percent'],
        ['DK0059', milestone.position, milestone.version, 'IN_PROGRESS', 150],
        ['DK0099', 1, 0, 'IN_PROGRESS', 10],
      ]),
    );
    const result = await runCli(db.url, [file, '--plan', PLAN, '--as', coordinatorEmail]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^row 2, column New percent: progressPercent must be a whole number from 0 to 99/,
      ),
    );
    expect(lines).toContain(`row 3, column OGP ID: names no milestone of plan ${PLAN}`);
    expect(result.stderr).toContain('Nothing was changed.');
    expect((await milestonesOf('DK0059'))[0].version).toBe(milestone.version);
  }, 60_000);

  it('applies a good file as the user named, with a progress bar on stderr', async () => {
    const [milestone] = await milestonesOf('DK0059');
    const file = join(dir, 'good.csv');
    const percent =
      milestone.status === 'IN_PROGRESS' ? Math.max(milestone.progressPercent ?? 0, 40) : 40;
    writeFileSync(
      file,
      stringify([
        ['Milestone id', 'Expected version', 'New status', 'New percent', 'Note (English)'],
        [
          milestone.id,
          milestone.version,
          'IN_PROGRESS',
          percent,
          'Reported from the command line (test data)',
        ],
      ]),
    );
    const dry = await runCli(db.url, [file, '--plan', PLAN, '--dry-run', '--as', coordinatorEmail]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Nothing was changed (dry run)');
    expect((await milestonesOf('DK0059'))[0].version).toBe(milestone.version);

    const applied = await runCli(db.url, [file, '--plan', PLAN, '--as', coordinatorEmail]);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain('1/1 rows');
    expect(applied.stdout).toContain('applied 1 update(s)');
    const [after] = await milestonesOf('DK0059');
    expect(after).toMatchObject({
      status: 'IN_PROGRESS',
      progressPercent: percent,
      version: milestone.version + 1,
    });
    const chain = await apiData(api.baseUrl, `{ verifyAuditChain(planSlug: "${PLAN}") { ok } }`);
    expect(chain.verifyAuditChain.ok).toBe(true);
  }, 60_000);
});
