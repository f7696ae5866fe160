import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@ogp/core';
import { PlanFileInvalidException, PlanLoader } from '@ogp/domain';
import { withDatabase } from './with-database';

/**
 * npm run plan:load -- <file>: validates a plan file and loads it in one transaction, or reports every problem
 * with its JSON path and changes nothing. Uses DATABASE_URL, else the embedded database (the running one, or
 * started for the load).
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run plan:load -- <path/to/plan.json>');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    const result = await withDatabase('ogp-tracker-plan-load', (db) =>
      new PlanLoader(db).load(input),
    );
    console.log(
      `Loaded plan ${result.slug}: ${result.themes} themes, ${result.commitments} commitments, ` +
        `${result.milestones} milestones, ${result.statusUpdates} status updates, ${result.assessments} assessments, ` +
        `${result.agenciesCreated} new agencies.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PlanFileInvalidException) {
      console.error(`${file} was not loaded; nothing was changed.\n${error.message}`);
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
