#!/usr/bin/env node
// Checks plan files (docs/plan-file-format.md) without touching a database:
//   node scripts/check-plan-file.mjs plans/dk-2017-2019.plan.json [more.plan.json ...]
// 1. validates each file against libs/domain/src/plan-files/plan-file.schema.json (ajv, JSON Schema 2020-12);
// 2. makes the cross-reference checks the loader makes beyond the schema (keys exist, unique ids, date order,
//    percent per status).
// Prints every problem with its JSON path and a one-line summary per file; exits 1 if any file has a problem.
// --verbose prints ajv's raw error list (including the follow-on errors of nullable and bilingual branches).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'libs', 'domain', 'src', 'plan-files', 'plan-file.schema.json');

/** JSON Pointer ("/commitments/3/title") -> JSON path ("$.commitments[3].title"). */
function jsonPath(pointer) {
  if (!pointer) return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) =>
        /^\d+$/.test(part)
          ? `[${part}]`
          : /^[A-Za-z_$][\w$]*$/.test(part)
            ? `.${part}`
            : `[${JSON.stringify(part)}]`,
      )
      .join('')
  );
}

/** Drops the noise that nullable (`anyOf: [x, null]`) and bilingual-text branches add to ajv's error list. */
function usefulErrors(errors) {
  const textBranch = '#/$defs/localizedText/anyOf/';
  return errors.filter((error) => {
    if (error.schemaPath.startsWith(textBranch)) return false; // summarised by the anyOf error itself
    if (error.keyword === 'anyOf' && error.schemaPath === '#/$defs/localizedText/anyOf')
      return true;
    const samePath = errors.some(
      (other) => other !== error && other.instancePath === error.instancePath,
    );
    if (error.keyword === 'anyOf' && samePath) return false;
    if (error.keyword === 'type' && error.params.type === 'null' && samePath) return false;
    return true;
  });
}

function describeAjvError(error) {
  let path = error.instancePath;
  let detail = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    path += `/${error.params.additionalProperty}`;
    detail = 'is not allowed here (unknown property)';
  } else if (error.keyword === 'required') {
    path += `/${error.params.missingProperty}`;
    detail = 'is required';
  } else if (error.keyword === 'enum') {
    detail = `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (error.keyword === 'anyOf' && error.schemaPath === '#/$defs/localizedText/anyOf') {
    detail = 'needs a non-empty Danish (da) or English (en) text';
  } else if (error.keyword === 'const') {
    detail = `must be ${JSON.stringify(error.params.allowedValue)}`;
  }
  return `${jsonPath(path)}: ${detail}`;
}

// ---- partial dates: "2018", "2018-H1", "2018-Q3", "2018-06", "2018-06-12" -> first and last day (ISO strings)
function daysInMonth(year, month) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
const pad = (n) => String(n).padStart(2, '0');

function period(text) {
  let m;
  if ((m = /^(\d{4})$/.exec(text))) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  if ((m = /^(\d{4})-H([12])$/.exec(text))) {
    return m[2] === '1'
      ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` }
      : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    const last = first + 2;
    return {
      start: `${m[1]}-${pad(first)}-01`,
      end: `${m[1]}-${pad(last)}-${daysInMonth(Number(m[1]), last)}`,
    };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    return { start: `${text}-01`, end: `${text}-${daysInMonth(Number(m[1]), Number(m[2]))}` };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    if (Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) return null; // e.g. 2018-02-30
    return { start: text, end: text };
  }
  return null;
}

/** The loader's checks beyond the schema. Returns problems as "path: message" strings. */
function crossChecks(file) {
  const problems = [];
  const add = (path, message) => problems.push(`${path}: ${message}`);

  const uniques = (items, field, basePath) => {
    const seen = new Map();
    (items ?? []).forEach((item, i) => {
      const value = item?.[field];
      if (value === undefined) return;
      if (seen.has(value))
        add(
          `${basePath}[${i}].${field}`,
          `${JSON.stringify(value)} is used twice (also at ${basePath}[${seen.get(value)}])`,
        );
      else seen.set(value, i);
    });
    return seen;
  };

  const agencies = uniques(file.agencies, 'key', '$.agencies');
  const themes = uniques(file.themes, 'key', '$.themes');
  uniques(file.themes, 'number', '$.themes');
  uniques(file.commitments, 'ogpId', '$.commitments');
  uniques(file.commitments, 'number', '$.commitments');

  const agencyRef = (key, path) => {
    if (key != null && !agencies.has(key))
      add(path, `agency key ${JSON.stringify(key)} is not in $.agencies`);
  };
  agencyRef(file.plan?.coordinatingAgency, '$.plan.coordinatingAgency');

  (file.agencies ?? []).forEach((agency, i) => {
    agencyRef(agency.parent, `$.agencies[${i}].parent`);
    // the parent chain must end (no agency under itself)
    const chain = new Set([agency.key]);
    let parent = agency.parent;
    while (parent != null && agencies.has(parent)) {
      if (chain.has(parent)) {
        add(
          `$.agencies[${i}].parent`,
          `parent chain of ${JSON.stringify(agency.key)} loops back to ${JSON.stringify(parent)}`,
        );
        break;
      }
      chain.add(parent);
      parent = file.agencies[agencies.get(parent)].parent;
    }
  });

  const order = (startText, endText, startPath, what) => {
    if (startText == null || endText == null) return;
    const start = period(startText);
    const end = period(endText);
    if (!start) add(startPath, `${JSON.stringify(startText)} is not a calendar date`);
    if (!end)
      add(startPath.replace(/Start$/, 'End'), `${JSON.stringify(endText)} is not a calendar date`);
    if (start && end && start.start > end.end) {
      add(startPath, `${what} start ${startText} begins after its end ${endText} ends`);
    }
  };
  order(file.plan?.periodStart, file.plan?.periodEnd, '$.plan.periodStart', 'plan period');

  (file.commitments ?? []).forEach((commitment, ci) => {
    const cPath = `$.commitments[${ci}]`;
    if (commitment.themeKey != null && !themes.has(commitment.themeKey)) {
      add(
        `${cPath}.themeKey`,
        `theme key ${JSON.stringify(commitment.themeKey)} is not in $.themes`,
      );
    }
    agencyRef(commitment.leadAgency, `${cPath}.leadAgency`);
    (commitment.supportingAgencies ?? []).forEach((key, si) => {
      agencyRef(key, `${cPath}.supportingAgencies[${si}]`);
      if (key === commitment.leadAgency) {
        add(
          `${cPath}.supportingAgencies[${si}]`,
          `the lead agency ${JSON.stringify(key)} is also listed as supporting`,
        );
      }
    });
    (commitment.milestones ?? []).forEach((milestone, mi) => {
      const mPath = `${cPath}.milestones[${mi}]`;
      order(milestone.plannedStart, milestone.plannedEnd, `${mPath}.plannedStart`, 'planned');
      (milestone.history ?? []).forEach((update, hi) => {
        const hPath = `${mPath}.history[${hi}]`;
        order(update.actualStart, update.actualEnd, `${hPath}.actualStart`, 'actual');
        if (update.effectiveDate != null && !period(update.effectiveDate)) {
          add(
            `${hPath}.effectiveDate`,
            `${JSON.stringify(update.effectiveDate)} is not a calendar date`,
          );
        }
        const percent = update.progressPercent;
        const bad = (rule) =>
          add(
            `${hPath}.progressPercent`,
            `${update.status} ${rule}, got ${JSON.stringify(percent ?? null)}`,
          );
        if (update.status === 'COMPLETED' && percent !== 100) bad('needs progressPercent 100');
        if (update.status === 'NOT_STARTED' && percent !== 0) bad('needs progressPercent 0');
        if (update.status === 'IN_PROGRESS' && percent != null && percent > 99)
          bad('needs progressPercent 0-99 or null');
        if (update.status === 'CANCELLED' && percent != null) bad('needs progressPercent null');
      });
    });
  });
  return problems;
}

function count(file) {
  const milestones = file.commitments.flatMap((c) => c.milestones ?? []);
  return {
    themes: file.themes.length,
    agencies: file.agencies.length,
    commitments: file.commitments.length,
    milestones: milestones.length,
    statusUpdates: milestones.reduce((n, m) => n + (m.history?.length ?? 0), 0),
    assessments: file.commitments.reduce((n, c) => n + (c.assessments?.length ?? 0), 0),
  };
}

function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const paths = args.filter((arg) => arg !== '--verbose');
  if (paths.length === 0 || paths.includes('--help') || paths.includes('-h')) {
    console.error(
      'usage: node scripts/check-plan-file.mjs [--verbose] <plan.json> [more plan files]',
    );
    process.exit(2);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

  let failed = false;
  for (const path of paths) {
    let file;
    try {
      file = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      console.error(`${path}: cannot read JSON: ${error.message}`);
      failed = true;
      continue;
    }
    if (!validate(file)) {
      failed = true;
      const errors = verbose ? validate.errors : usefulErrors(validate.errors);
      console.error(`${path}: ${errors.length} schema error(s)`);
      for (const error of errors) console.error(`  ${describeAjvError(error)}`);
      continue; // cross-checks assume a structurally valid file
    }
    const problems = crossChecks(file);
    if (problems.length > 0) {
      failed = true;
      console.error(`${path}: ${problems.length} problem(s) beyond the schema`);
      for (const problem of problems) console.error(`  ${problem}`);
      continue;
    }
    const n = count(file);
    console.log(
      `${path}: OK: plan ${file.plan.slug}${file.synthetic ? ' (synthetic)' : ''}: ${n.themes} themes, ` +
        `${n.agencies} agencies, ${n.commitments} commitments, ${n.milestones} milestones, ` +
        `${n.statusUpdates} status updates, ${n.assessments} assessments`,
    );
  }
  process.exit(failed ? 1 : 0);
}

main();
