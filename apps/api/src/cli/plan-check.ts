import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validatePlanFile, type PlanFile } from '@ogp/domain';

/**
 * npm run plan:check -- <file> [...]: the loader's own validation, without a database. Prints every problem with
 * its JSON path and a summary per file; exits 1 when any file has a problem.
 */
function check(file: string): boolean {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8'));
  } catch (error) {
    console.error(
      `${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
  const problems = validatePlanFile(input);
  if (problems.length > 0) {
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  ${problem.path}: ${problem.message}`);
    return false;
  }
  const plan = input as PlanFile;
  const milestones = plan.commitments.flatMap((c) => c.milestones ?? []);
  console.log(
    `${file}: OK (${plan.themes.length} themes, ${plan.agencies.length} agencies, ${plan.commitments.length} ` +
      `commitments, ${milestones.length} milestones, ` +
      `${milestones.reduce((n, m) => n + (m.history?.length ?? 0), 0)} status updates, ` +
      `${plan.commitments.reduce((n, c) => n + (c.assessments?.length ?? 0), 0)} assessments)`,
  );
  return true;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run plan:check -- <plan.json> [...]');
  process.exitCode = 2;
} else {
  process.exitCode = files.map(check).every(Boolean) ? 0 : 1;
}
