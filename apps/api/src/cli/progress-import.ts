import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Role, englishMessage, errorMessage } from '@ogp/common';
import { ConfigError, DomainException, loadConfig, type UserActor } from '@ogp/core';
import { PlansService } from '@ogp/domain/plans';
import {
  ProgressImportService,
  columnHeader,
  formatOfFileName,
  type ProgressImportResult,
} from '@ogp/domain/progress-imports';
import { MilestoneUpdatesService } from '@ogp/domain/status-updates';
import type { DataSource } from 'typeorm';
import { withDatabase } from './with-database';

const USAGE = `usage: npm run progress:import -- <file.csv|file.xlsx> --plan <slug> [--dry-run] [--as <user email>]
Applies every row of the file, or none; --dry-run checks every row and changes nothing. The updates are
recorded as the user --as names (an administrator, or a coordinator of the lead agencies); without it, as the
only active administrator.`;

/** The command line holds no session: the actor stands for the user it names, with that user's rights. */
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

/** A refusal to say in one line (no stack): the user named is not there. */
class CliError extends Error {}

/** The user the updates are recorded as: the one named, else the only active administrator. */
async function actorFor(db: DataSource, email: string | undefined): Promise<UserActor> {
  const rows: { id: string; display_name: string; roles: string; agency_ids: string[] }[] =
    await db.query(
      `SELECT u.id, u.display_name, u.roles::text AS roles,
              ARRAY(SELECT ua.agency_id FROM user_agency ua WHERE ua.user_id = u.id) AS agency_ids
       FROM app_user u
       WHERE u.is_active AND ${email === undefined ? `'ADMIN' = ANY(u.roles)` : 'u.email = lower($1)'}`,
      email === undefined ? [] : [email.trim()],
    );
  if (rows.length !== 1) {
    throw new CliError(
      email === undefined
        ? `There are ${rows.length} active administrators: name the user with --as <email>.`
        : `No active user has the email ${email}.`,
    );
  }
  const [row] = rows;
  return {
    kind: 'user',
    userId: row.id,
    displayName: row.display_name,
    roles: new Set(row.roles.replace(/[{}]/g, '').split(',').filter(Boolean) as Role[]),
    agencyIds: new Set(row.agency_ids),
    via: { kind: 'session', sessionId: NO_SESSION },
  };
}

/** A progress bar on stderr: one line redrawn on a terminal, else a line at each quarter. */
function progressBar(stream: NodeJS.WriteStream) {
  let lastQuarter = -1;
  return (done: number, total: number) => {
    if (total === 0) return;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} rows`);
      if (done === total) stream.write('\n');
      return;
    }
    const quarter = Math.floor((done / total) * 4);
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      stream.write(`${done}/${total} rows checked\n`);
    }
  };
}

function report(file: string, result: ProgressImportResult): void {
  const lines = [
    ...result.problems.map((p) => ({
      row: p.row,
      text: `row ${p.row}, column ${p.column ?? '-'}: ${p.message}`,
    })),
    ...result.conflicts.map((c) => ({
      row: c.row,
      text: `row ${c.row}, column ${columnHeader('expectedVersion', 'en')}: ${c.ogpId} milestone ${c.milestoneNumber}: expected version ${c.expectedVersion}, ${englishMessage(errorMessage('progress.conflict', { version: c.currentVersion }))}`,
    })),
  ].sort((a, b) => a.row - b.row);
  for (const line of lines) console.error(line.text);
  if (result.notice) console.log(result.notice.message);
  const counted = `${result.rows} row(s) to apply, ${result.skipped} left blank`;
  if (!result.ok) {
    console.error(
      `${file}: ${result.problems.length} problem(s), ${result.conflicts.length} conflict(s); ${counted}. Nothing was changed.`,
    );
  } else if (result.dryRun) {
    console.log(`${file}: every row can be applied (${counted}). Nothing was changed (dry run).`);
  } else {
    console.log(`${file}: applied ${result.applied} update(s) (${counted}).`);
  }
}

/**
 * npm run progress:import -- FILE --plan <slug> [--dry-run] [--as <email>]: the bulk progress import on the
 * database (DATABASE_URL, else the embedded one), through the same service as the HTTP route. Exit code 1 when
 * any row has a problem or a conflict (then nothing was changed), 2 for wrong usage.
 */
async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  const format = file ? formatOfFileName(file) : null;
  if (!file || positionals.length !== 1 || !values.plan || format === null) {
    console.error(USAGE);
    return 2;
  }
  let body: Buffer;
  try {
    body = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file));
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const config = loadConfig();
  return withDatabase('ogp-tracker-progress-import', async (db) => {
    const actor = await actorFor(db, values.as);
    const service = new ProgressImportService(
      db,
      new PlansService(db, config),
      new MilestoneUpdatesService(db),
    );
    const result = await service.run(actor, values.plan!, body, format, {
      dryRun: values['dry-run'] ?? false,
      onRow: progressBar(process.stderr),
    });
    report(file, result);
    return result.ok ? 0 : 1;
  });
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      plan: { type: 'string' },
      'dry-run': { type: 'boolean' },
      as: { type: 'string' },
    },
  });
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError || error instanceof DomainException || error instanceof CliError
        ? error.message
        : error,
    );
    process.exitCode = 1;
  },
);
