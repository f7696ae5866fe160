import {
  MilestoneStatus,
  PartialDateError,
  englishMessage,
  errorMessage,
  parsePartialDate,
  type ErrorMessage,
  type PartialDate,
} from '@ogp/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from './plan-file.schema.json';
import { planFileProblem, type PlanFileProblem } from './plan-file.problem';
import type { PlanFile, PlanFileAssessment, PlanFileStatusUpdate } from './plan-file.types';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

/** `/commitments/3/leadAgency` -> `$.commitments[3].leadAgency` */
function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
  );
}

/**
 * Every problem in a plan file, each with its JSON path: first the JSON Schema, then the rules a schema cannot
 * say (references, uniqueness, date order, percent per status). An empty list means the file can be loaded.
 */
export function validatePlanFile(input: unknown): PlanFileProblem[] {
  const schemaProblems = validateSchema(input) ? [] : schemaErrors();
  // The rules run on whatever shape the file has, so one attempt reports everything that is wrong.
  const ruleProblems = checkRules(lenient(input));
  // A path the schema already faulted needs no second word from the rules.
  const faulted = new Set(schemaProblems.map((p) => p.path));
  return [...schemaProblems, ...ruleProblems.filter((p) => !faulted.has(p.path))];
}

/** Said for an outcome without a date: what to write instead of leaving it to the day of loading. */
export const EFFECTIVE_DATE_REQUIRED = englishMessage(
  errorMessage('planFile.effectiveDateRequired'),
);

function schemaErrors(): PlanFileProblem[] {
  return (validateSchema.errors ?? []).map((error) => {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const path = jsonPath(error.instancePath);
    const dateRequired = errorMessage('planFile.effectiveDateRequired');
    if (missing === 'effectiveDate' && /\.history\[\d+\]$/.test(path)) {
      return planFileProblem(`${path}.effectiveDate`, dateRequired);
    }
    if (/\.history\[\d+\]\.effectiveDate$/.test(path) && error.keyword === 'type') {
      return planFileProblem(path, dateRequired);
    }
    if (missing) return planFileProblem(`${path}.${missing}`, errorMessage('field.required'));
    if (extra) return planFileProblem(`${path}.${extra}`, errorMessage('planFile.unknownField'));
    // Ajv's own words (English only): the generic key carries them as its detail.
    return planFileProblem(
      path,
      errorMessage('planFile.schema', { detail: error.message ?? 'is invalid' }),
    );
  });
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The file as the rules read it: missing or mistyped parts become empty lists and nulls (the schema has already
 * reported them), so the rules never trip over a shape they did not expect.
 */
function lenient(input: unknown): PlanFile {
  const file = record(input);
  const plan = record(file.plan);
  return {
    formatVersion: 1,
    plan: {
      ...plan,
      slug: textOrNull(plan.slug) ?? '',
      countryCode: textOrNull(plan.countryCode) ?? '',
      title: {},
      coordinatingAgency: textOrNull(plan.coordinatingAgency),
      periodStart: textOrNull(plan.periodStart),
      periodEnd: textOrNull(plan.periodEnd),
    },
    agencies: list<unknown>(file.agencies).map((value) => {
      const agency = record(value);
      return { key: textOrNull(agency.key) ?? '', name: {}, parent: textOrNull(agency.parent) };
    }),
    themes: list<unknown>(file.themes).map((value) => {
      const theme = record(value);
      return { key: textOrNull(theme.key) ?? '', number: Number(theme.number), title: {} };
    }),
    commitments: list<unknown>(file.commitments).map((value) => {
      const commitment = record(value);
      return {
        ogpId: textOrNull(commitment.ogpId) ?? '',
        number: textOrNull(commitment.number) ?? '',
        themeKey: textOrNull(commitment.themeKey) ?? '',
        title: {},
        leadAgency: textOrNull(commitment.leadAgency) ?? '',
        supportingAgencies: list<unknown>(commitment.supportingAgencies).map(
          (k) => textOrNull(k) ?? '',
        ),
        milestones: list<unknown>(commitment.milestones).map((m) => {
          const milestone = record(m);
          return {
            title: {},
            plannedStart: textOrNull(milestone.plannedStart),
            plannedEnd: textOrNull(milestone.plannedEnd),
            history: list<unknown>(milestone.history).map((u) => {
              const update = record(u);
              const percent = update.progressPercent;
              return {
                status: textOrNull(update.status) as PlanFileStatusUpdate['status'],
                progressPercent: typeof percent === 'number' ? percent : null,
                effectiveDate: textOrNull(update.effectiveDate) as string,
                actualStart: textOrNull(update.actualStart),
                actualEnd: textOrNull(update.actualEnd),
                note: {},
                evidence: [],
              };
            }),
          };
        }),
        assessments: list<unknown>(commitment.assessments).map((a) => {
          const assessment = record(a);
          return { assessedOn: textOrNull(assessment.assessedOn) } as PlanFileAssessment;
        }),
      };
    }),
  };
}

function checkRules(file: PlanFile): PlanFileProblem[] {
  const problems: PlanFileProblem[] = [];
  const problem = (path: string, reason: ErrorMessage) =>
    problems.push(planFileProblem(path, reason));
  const date = (path: string, text: string | null | undefined): PartialDate | null => {
    if (text == null) return null;
    try {
      return parsePartialDate(text);
    } catch (error) {
      problem(
        path,
        error instanceof PartialDateError ? error.reason : errorMessage('planFile.badPartialDate'),
      );
      return null;
    }
  };

  const agencyKeys = new Set<string>();
  file.agencies.forEach((agency, index) => {
    if (agencyKeys.has(agency.key))
      problem(`$.agencies[${index}].key`, errorMessage('planFile.keyTwice', { value: agency.key }));
    agencyKeys.add(agency.key);
  });
  file.agencies.forEach((agency, index) => {
    if (agency.parent != null && !agencyKeys.has(agency.parent)) {
      problem(
        `$.agencies[${index}].parent`,
        errorMessage('planFile.noSuchAgency', { key: agency.parent }),
      );
    }
  });
  const parents = new Map(file.agencies.map((agency) => [agency.key, agency.parent ?? null]));
  file.agencies.forEach((agency, index) => {
    // Walk up the parents: coming back to the start means a loop (an agency under itself).
    const visited = new Set<string>();
    for (let key: string | null = agency.key; key !== null; key = parents.get(key) ?? null) {
      if (visited.has(key)) {
        if (key === agency.key) {
          problem(`$.agencies[${index}].parent`, errorMessage('planFile.ownAncestor'));
        }
        break;
      }
      visited.add(key);
    }
  });
  const plan = file.plan;
  if (plan.coordinatingAgency != null && !agencyKeys.has(plan.coordinatingAgency)) {
    problem(
      '$.plan.coordinatingAgency',
      errorMessage('planFile.noSuchAgency', { key: plan.coordinatingAgency }),
    );
  }
  const periodStart = date('$.plan.periodStart', plan.periodStart);
  const periodEnd = date('$.plan.periodEnd', plan.periodEnd);
  if (periodStart && periodEnd && periodStart.start > periodEnd.end) {
    problem('$.plan.periodEnd', errorMessage('planFile.periodOrder'));
  }

  const themeKeys = new Set<string>();
  const themeNumbers = new Set<number>();
  file.themes.forEach((theme, index) => {
    if (themeKeys.has(theme.key))
      problem(`$.themes[${index}].key`, errorMessage('planFile.keyTwice', { value: theme.key }));
    if (themeNumbers.has(theme.number))
      problem(
        `$.themes[${index}].number`,
        errorMessage('planFile.numberTwice', { value: theme.number }),
      );
    themeKeys.add(theme.key);
    themeNumbers.add(theme.number);
  });

  const ogpIds = new Set<string>();
  const numbers = new Set<string>();
  file.commitments.forEach((commitment, c) => {
    const at = `$.commitments[${c}]`;
    if (ogpIds.has(commitment.ogpId))
      problem(`${at}.ogpId`, errorMessage('planFile.keyTwice', { value: commitment.ogpId }));
    if (numbers.has(commitment.number))
      problem(`${at}.number`, errorMessage('planFile.keyTwice', { value: commitment.number }));
    ogpIds.add(commitment.ogpId);
    numbers.add(commitment.number);
    if (!themeKeys.has(commitment.themeKey)) {
      problem(`${at}.themeKey`, errorMessage('planFile.noSuchTheme', { key: commitment.themeKey }));
    }
    if (!agencyKeys.has(commitment.leadAgency)) {
      problem(
        `${at}.leadAgency`,
        errorMessage('planFile.noSuchAgency', { key: commitment.leadAgency }),
      );
    }
    const supporting = new Set<string>();
    (commitment.supportingAgencies ?? []).forEach((key, s) => {
      const path = `${at}.supportingAgencies[${s}]`;
      if (!agencyKeys.has(key)) problem(path, errorMessage('planFile.noSuchAgency', { key }));
      if (key === commitment.leadAgency)
        problem(path, errorMessage('planFile.leadAlsoSupporting', { key }));
      if (supporting.has(key)) problem(path, errorMessage('planFile.keyTwice', { value: key }));
      supporting.add(key);
    });
    (commitment.milestones ?? []).forEach((milestone, m) => {
      const mat = `${at}.milestones[${m}]`;
      const start = date(`${mat}.plannedStart`, milestone.plannedStart);
      const end = date(`${mat}.plannedEnd`, milestone.plannedEnd);
      if (start && end && start.start > end.end) {
        problem(
          `${mat}.plannedEnd`,
          errorMessage('planFile.plannedOrder', {
            end: milestone.plannedEnd ?? null,
            start: milestone.plannedStart ?? null,
          }),
        );
      }
      (milestone.history ?? []).forEach((update, u) => checkUpdate(`${mat}.history[${u}]`, update));
    });
    (commitment.assessments ?? []).forEach((assessment, a) => {
      date(`${at}.assessments[${a}].assessedOn`, assessment.assessedOn);
    });
  });

  function checkUpdate(at: string, update: PlanFileStatusUpdate): void {
    const percent = update.progressPercent ?? null;
    const expected: Record<MilestoneStatus, (p: number | null) => boolean> = {
      [MilestoneStatus.NOT_STARTED]: (p) => p === 0 || p === null,
      [MilestoneStatus.IN_PROGRESS]: (p) => p === null || (p >= 0 && p <= 99),
      [MilestoneStatus.COMPLETED]: (p) => p === 100 || p === null,
      [MilestoneStatus.CANCELLED]: (p) => p === null,
    };
    const rule: Record<MilestoneStatus, ErrorMessage> = {
      [MilestoneStatus.NOT_STARTED]: errorMessage('planFile.percentNotStarted'),
      [MilestoneStatus.IN_PROGRESS]: errorMessage('planFile.percentInProgress'),
      [MilestoneStatus.COMPLETED]: errorMessage('planFile.percentCompleted'),
      [MilestoneStatus.CANCELLED]: errorMessage('planFile.percentCancelled'),
    };
    const status = update.status as MilestoneStatus;
    if (status in expected && !expected[status](percent))
      problem(`${at}.progressPercent`, rule[status]);
    const effective = date(`${at}.effectiveDate`, update.effectiveDate);
    if (effective && effective.start > new Date().toISOString().slice(0, 10)) {
      problem(`${at}.effectiveDate`, errorMessage('planFile.futureDate'));
    }
    const actualStart = date(`${at}.actualStart`, update.actualStart);
    const actualEnd = date(`${at}.actualEnd`, update.actualEnd);
    if (actualStart && actualEnd && actualStart.start > actualEnd.end) {
      problem(`${at}.actualEnd`, errorMessage('planFile.actualOrder'));
    }
  }

  return problems;
}
