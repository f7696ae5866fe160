import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@ogp/core';
import { PlanFileInvalidException, PlanLoader } from '@ogp/domain';
import { LoadProgress } from './load-progress';
import { withDatabase } from './with-database';

const USAGE = 'usage: npm run plan:load -- [--dry-run] <path/to/plan.json>';

/**
 * npm run plan:load -- [--dry-run] <file>: validates a plan file and loads it in one transaction, or reports
 * every problem with its JSON path and changes nothing. With --dry-run the whole load runs and is rolled back:
 * it says whether the file would load, and changes nothing either way. Progress goes to stderr. Uses
 * DATABASE_URL, else the embedded database (the running one, or started for the load).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const files = args.filter((arg) => arg !== '--dry-run');
  const file = files[0];
  if (!file || files.length > 1 || file.startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const progress = new LoadProgress(process.stderr);
  try {
    const result = await withDatabase('ogp-tracker-plan-load', (db) =>
      new PlanLoader(db).load(input, { dryRun, onProgress: progress.update }),
    );
    progress.finish();
    const counts =
      `${result.themes} themes, ${result.commitments} commitments, ` +
      `${result.milestones} milestones, ${result.statusUpdates} status updates, ${result.assessments} assessments, ` +
      `${result.agenciesCreated} new agencies`;
    console.log(
      dryRun
        ? `Dry run: plan ${result.slug} would load (${counts}); nothing was changed.`
        : `Loaded plan ${result.slug}: ${counts}.`,
    );
    return 0;
  } catch (error) {
    progress.finish();
    if (error instanceof PlanFileInvalidException) {
      console.error(
        `${file} ${dryRun ? 'would not load' : 'was not loaded'}; nothing was changed.\n${error.message}`,
      );
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  },
);
