import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Agency } from '../agencies';
import type { Assessment } from '../assessments';
import type {
  PlanFile,
  PlanFileAgency,
  PlanFileAssessment,
  PlanFileCommitment,
  PlanFileMilestone,
  PlanFileSource,
  PlanFileStatusUpdate,
  PlanFileText,
} from '../plan-files';
import type { LocalizedText, SourceModel } from '../shared/graphql-types';
import type { StatusUpdate } from '../status-updates';
import type { CommitmentReport, MilestoneReport, PlanReport } from './plan-report';

/** Text as the plan file has it: null when neither language has any. */
function fileText(value: LocalizedText | null | undefined): PlanFileText | null {
  if (!value || (!value.da && !value.en)) return null;
  return { da: value.da || null, en: value.en || null };
}

function fileSource(source: SourceModel): PlanFileSource {
  return { url: source.url, title: source.title || null, accessedOn: source.accessedOn };
}

function fileUpdate(update: StatusUpdate): PlanFileStatusUpdate {
  return {
    status: update.status,
    progressPercent: update.progressPercent,
    // An update whose exact date no source gives was true by its date at the latest: the file says so.
    effectiveDate: update.effectiveDate.label,
    ...(update.effectiveDateKnown ? {} : { effectiveDateQualifier: 'NOT_LATER_THAN' as const }),
    actualStart: update.actualStart?.label ?? null,
    actualEnd: update.actualEnd?.label ?? null,
    note: fileText(update.note),
    evidence: update.evidence.map((link) => ({ url: link.url, title: link.title || null })),
    visibility: update.visibility,
  };
}

function fileMilestone({ milestone, history, sources }: MilestoneReport): PlanFileMilestone {
  return {
    title: fileText(milestone.title) ?? { da: null, en: null },
    description: fileText(milestone.description),
    plannedStart: milestone.plannedStart?.label ?? null,
    plannedEnd: milestone.plannedEnd?.label ?? null,
    weight: milestone.weight,
    notes: fileText(milestone.notes),
    sources: sources.map(fileSource),
    history: history.map(fileUpdate),
  };
}

function fileAssessment(assessment: Assessment): PlanFileAssessment {
  return {
    stage: assessment.stage,
    assessor: assessment.assessor,
    assessedOn: assessment.assessedOn.label,
    source: fileSource(assessment.source),
    verifiable: assessment.verifiable,
    specificity: assessment.specificity,
    relevantOgpValues: assessment.relevantOgpValues,
    potentialImpact: assessment.potentialImpact,
    completion: assessment.completion,
    didItOpenGovernment: assessment.didItOpenGovernment,
    starred: assessment.starred,
    potentiallyStarred: assessment.potentiallyStarred,
    note: fileText(assessment.note),
  };
}

function fileCommitment(row: CommitmentReport): PlanFileCommitment {
  const { commitment } = row;
  return {
    ogpId: commitment.ogpId,
    number: commitment.number,
    themeKey: row.theme.key,
    title: fileText(commitment.title) ?? { da: null, en: null },
    description: fileText(commitment.description),
    leadAgency: row.leadAgency?.slug ?? '',
    supportingAgencies: row.supportingAgencies.map((agency) => agency.slug),
    otherStakeholders: row.otherStakeholders.map((s) => fileText(s)).filter((s) => s !== null),
    ogpValues: commitment.ogpValues,
    notes: fileText(commitment.notes),
    sources: row.sources.map(fileSource),
    milestones: row.milestones.map(fileMilestone),
    assessments: row.assessments.map(fileAssessment),
  };
}

/** How the export reads the agencies the plan names (batched by the request's loaders). */
export interface PlanFileAgencyReader {
  agencyById: (id: string) => Promise<Agency | null>;
  agencySources: (id: string) => Promise<SourceModel[]>;
}

/**
 * `export.json`: the whole plan in the plan file format (plan-file.schema.json), as the viewer may read it as
 * of the report's date, written a commitment at a time. Agencies come last: they are the ones the commitments
 * (and the plan) name, with the parents those name in turn.
 */
export function writePlanFile(
  report: PlanReport,
  out: Writable,
  agencies: PlanFileAgencyReader,
): Promise<void> {
  // Read only as fast as the client takes it; pipeline ends the export when the download is closed.
  return pipeline(Readable.from(planFileChunks(report, agencies)), out);
}

async function* planFileChunks(
  report: PlanReport,
  { agencyById, agencySources }: PlanFileAgencyReader,
): AsyncGenerator<string> {
  const { info } = report;
  const agencies = new Map<string, Agency>();
  const coordinating = info.plan.coordinatingAgencyId
    ? await agencyById(info.plan.coordinatingAgencyId)
    : null;
  if (coordinating) agencies.set(coordinating.id, coordinating);
  const head: Omit<PlanFile, 'agencies' | 'commitments'> = {
    formatVersion: 1,
    ...(info.plan.isSynthetic ? { synthetic: true } : {}),
    export: {
      asOf: info.asOf,
      generatedAt: info.generatedAt.toISOString(),
      licence: info.licence,
      auditHeadHash: info.auditHeadHash,
    },
    plan: {
      slug: info.plan.slug,
      countryCode: info.plan.countryCode,
      title: fileText(info.plan.title) ?? { da: null, en: null },
      description: fileText(info.plan.description),
      actionPlanNumber: info.plan.actionPlanNumber,
      periodStart: info.plan.periodStart?.label ?? null,
      periodEnd: info.plan.periodEnd?.label ?? null,
      publishedOn: info.plan.publishedOn,
      coordinatingAgency: coordinating?.slug ?? null,
      published: info.published,
      notes: fileText(info.plan.notes),
      sources: info.planSources.map(fileSource),
    },
    themes: info.themes.map((theme) => ({
      key: theme.key,
      number: theme.number,
      title: fileText(theme.title) ?? { da: null, en: null },
      sources: (info.themeSources.get(theme.id) ?? []).map(fileSource),
    })),
  };
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "commitments": [`;
  let first = true;
  for await (const row of report.commitments()) {
    for (const agency of [row.leadAgency, ...row.supportingAgencies]) {
      if (agency) agencies.set(agency.id, agency);
    }
    const json = JSON.stringify(fileCommitment(row), null, 2).replace(/\n/g, '\n    ');
    yield `${first ? '' : ','}\n    ${json}`;
    first = false;
  }
  // The parents of the agencies named, up the tree: the file may only name agencies it holds.
  const pending = [...agencies.values()];
  while (pending.length > 0) {
    const parentId = pending.pop()!.parentId;
    if (parentId === null || agencies.has(parentId)) continue;
    const parent = await agencyById(parentId);
    if (!parent) continue;
    agencies.set(parent.id, parent);
    pending.push(parent);
  }
  const sorted = [...agencies.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  const sources = await Promise.all(sorted.map((agency) => agencySources(agency.id)));
  const agencyList: PlanFileAgency[] = sorted.map((agency, index) => ({
    key: agency.slug,
    name: fileText(agency.name) ?? { da: null, en: agency.slug },
    abbreviation: agency.abbreviation,
    parent: agency.parentId === null ? null : (agencies.get(agency.parentId)?.slug ?? null),
    sources: sources[index].map(fileSource),
  }));
  const tail = JSON.stringify(agencyList, null, 2).replace(/\n/g, '\n  ');
  yield `${first ? '' : '\n  '}],\n  "agencies": ${tail}\n}\n`;
}
