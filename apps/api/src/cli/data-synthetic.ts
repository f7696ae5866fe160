import 'reflect-metadata';
import { ConfigError } from '@ogp/core';
import { DEFAULT_SEED, SyntheticWorldExistsError, loadSyntheticWorld } from '@ogp/domain';
import { LoadProgress } from './load-progress';
import { withDatabase } from './with-database';

const USAGE =
  'usage: npm run data:synthetic -- [--scale 1] [--seed text] [--large 1000,5000] [--database-url URL]';

/** The value after `--name` (or in `--name=value`); undefined when the option is not given. */
function option(args: string[], name: string): string | undefined {
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

const count = (n: number) => n.toLocaleString('en');

/**
 * npm run data:synthetic -- --scale 1: makes the labelled synthetic world (80 countries, 400 plans, 6,000
 * commitments, 30,000 milestones and 300,000 status updates per unit of scale, plus plans of 1,000 and 5,000
 * commitments) from a seed and loads it plan by plan through the plan loader, into an empty database. Uses
 * --database-url, else DATABASE_URL, else the embedded database. Progress goes to stderr.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const known = new Set(['--scale', '--seed', '--large', '--database-url']);
  const unknown = args.filter((arg) => arg.startsWith('--') && !known.has(arg.split('=')[0]));
  const scale = Number(option(args, 'scale') ?? '1');
  const large = option(args, 'large');
  const largePlans = large === undefined ? undefined : large.split(',').filter(Boolean).map(Number);
  if (
    unknown.length > 0 ||
    !(scale > 0) ||
    (largePlans ?? []).some((n) => !Number.isInteger(n) || n < 1)
  ) {
    console.error(USAGE);
    return 2;
  }
  const url = option(args, 'database-url');
  if (url) process.env.DATABASE_URL = url;
  const progress = new LoadProgress(process.stderr);
  let started = Date.now();
  try {
    const result = await withDatabase('ogp-tracker-data-synthetic', (db) => {
      // Timed from here: the migrations a fresh database needs first are not the load.
      started = Date.now();
      return loadSyntheticWorld(
        db,
        { scale, seed: option(args, 'seed') ?? DEFAULT_SEED, largePlans },
        progress.update,
      );
    });
    progress.finish();
    const seconds = (Date.now() - started) / 1000;
    const rows = result.commitments + result.milestones + result.statusUpdates + result.assessments;
    console.log(
      `Loaded the synthetic world at scale ${scale}: ${result.layout.countries.length} countries, ` +
        `${count(result.layout.plans.length)} plans, ${count(result.commitments)} commitments, ` +
        `${count(result.milestones)} milestones, ${count(result.statusUpdates)} status updates, ` +
        `${count(result.assessments)} assessments in ${seconds.toFixed(1)} s ` +
        `(${count(Math.round(rows / seconds))} rows/s, ${count(Math.round(result.statusUpdates / seconds))} status updates/s).`,
    );
    return 0;
  } catch (error) {
    progress.finish();
    if (error instanceof SyntheticWorldExistsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError || error instanceof RangeError ? error.message : error,
    );
    process.exitCode = 1;
  },
);
