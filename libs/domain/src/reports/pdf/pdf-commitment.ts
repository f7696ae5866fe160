import {
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  COMPLETION_LABELS,
  DATE_PRECISION_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  MILESTONE_FLAG_LABELS,
  POTENTIAL_IMPACT_LABELS,
  STARRED_LABELS,
  VERIFICATION_LABELS,
  Visibility,
  commitmentHeadline,
  milestoneStatusLabel,
  type Locale,
} from '@ogp/common';
import type { Assessment } from '../../assessments';
import type { PartialDateModel, SourceModel } from '../../shared/graphql-types';
import type { CommitmentReport, MilestoneReport } from '../plan-report';
import { localized } from '../report-cells';
import { themeLabel } from './pdf-charts';
import { fields, heading, paragraph, table, type Doc } from './pdf-layout';
import { say } from './pdf-text';

// One commitment's section of the report: what it is and who leads it, its computed completion (counts
// first, as on the dashboard), its milestones, their status history with evidence, and the IRM's (and the
// government's) assessments beside the computed completion.

/** A partial date with its precision: "2018-H1 (Half year)"; a dash when there is none. */
export function partialDateText(value: PartialDateModel | null, locale: Locale): string {
  if (!value) return '–';
  return `${value.label} (${DATE_PRECISION_LABELS[value.precision][locale].toLowerCase()})`;
}

const span = (from: PartialDateModel | null, to: PartialDateModel | null, locale: Locale) =>
  from || to ? `${partialDateText(from, locale)}\n– ${partialDateText(to, locale)}` : '–';

const sourceText = (source: { url: string; title: string | null }) =>
  source.title ? `${source.title}: ${source.url}` : source.url;

export function sourceLines(sources: SourceModel[], locale: Locale): string {
  return sources.length === 0 ? say('noSources', locale) : sources.map(sourceText).join('\n');
}

function milestoneRows(entries: MilestoneReport[], locale: Locale): string[][] {
  return entries.map(({ milestone: m }) => [
    String(m.position),
    localized(m.title, locale) ?? '',
    span(m.plannedStart, m.plannedEnd, locale),
    span(m.actualStart, m.actualEnd, locale),
    milestoneStatusLabel(m.status)[locale],
    m.progressPercent === null ? '–' : `${m.progressPercent} %`,
    VERIFICATION_LABELS[m.verification][locale],
    m.flags.length === 0
      ? say('none', locale)
      : m.flags.map((flag) => MILESTONE_FLAG_LABELS[flag][locale]).join('\n'),
  ]);
}

function historyRows(entries: MilestoneReport[], locale: Locale): string[][] {
  return entries.flatMap(({ milestone, history }) =>
    history.map((update) => {
      const date = update.effectiveDateKnown
        ? update.effectiveDate.label
        : `${say('notLaterThan', locale)} ${update.effectiveDate.label}`;
      const status = milestoneStatusLabel(update.status)[locale];
      return [
        String(milestone.position),
        date,
        update.visibility === Visibility.INTERNAL
          ? `${status}\n(${say('internal', locale)})`
          : status,
        update.progressPercent === null ? '–' : `${update.progressPercent} %`,
        localized(update.note, locale) ?? '',
        update.evidence.map(sourceText).join('\n'),
      ];
    }),
  );
}

/** What an assessment rates, in words: completion, potential impact, early results, star. */
function ratings(assessment: Assessment, locale: Locale): string {
  const parts: string[] = [];
  const add = (key: Parameters<typeof say>[0], value: string | null) => {
    if (value !== null) parts.push(`${say(key, locale)}: ${value}`);
  };
  add(
    'irmCompletion',
    assessment.completion ? COMPLETION_LABELS[assessment.completion][locale] : null,
  );
  add(
    'potentialImpact',
    assessment.potentialImpact ? POTENTIAL_IMPACT_LABELS[assessment.potentialImpact][locale] : null,
  );
  add(
    'didItOpenGovernment',
    assessment.didItOpenGovernment
      ? DID_IT_OPEN_GOVERNMENT_LABELS[assessment.didItOpenGovernment][locale]
      : null,
  );
  add('starred', assessment.starred ? STARRED_LABELS[assessment.starred][locale] : null);
  const note = localized(assessment.note, locale);
  if (note) parts.push(note);
  return parts.join('\n') || '–';
}

function assessmentRows(row: CommitmentReport, locale: Locale): string[][] {
  return row.assessments.map((assessment) => [
    ASSESSMENT_STAGE_LABELS[assessment.stage][locale],
    ASSESSOR_LABELS[assessment.assessor][locale],
    assessment.assessedOn.label,
    ratings(assessment, locale),
    sourceText(assessment.source),
  ]);
}

/** One commitment's section. */
export function commitmentSection(doc: Doc, row: CommitmentReport, locale: Locale): void {
  const { commitment, progress } = row;
  heading(
    doc,
    `${commitment.ogpId} · ${commitment.number} ${localized(commitment.title, locale) ?? ''}`,
    2,
  );
  const headline = commitmentHeadline(
    {
      percent: progress.percent,
      completion: progress.completion,
      milestoneCount: progress.milestoneCount,
      reportedMilestoneCount: progress.reportedMilestoneCount,
    },
    locale,
  );
  fields(doc, [
    [say('ogpId', locale), commitment.ogpId],
    [say('theme', locale), themeLabel(row.theme, locale)],
    [say('leadAgency', locale), localized(row.leadAgency?.name, locale) ?? ''],
    [
      say('supportingAgencies', locale),
      row.supportingAgencies.map((agency) => localized(agency.name, locale)).join('; '),
    ],
    ...(row.otherStakeholders.length > 0
      ? [
          [
            say('otherStakeholders', locale),
            row.otherStakeholders.map((s) => localized(s, locale)).join('; '),
          ] as [string, string],
        ]
      : []),
    [say('computedCompletion', locale), headline],
  ]);

  heading(doc, say('milestones', locale), 3);
  if (row.milestones.length === 0) paragraph(doc, say('noMilestones', locale));
  else
    table(
      doc,
      [
        { header: say('number', locale), width: 5, align: 'right' },
        { header: say('milestone', locale), width: 23 },
        { header: say('planned', locale), width: 15 },
        { header: say('actual', locale), width: 15 },
        { header: say('status', locale), width: 11 },
        { header: '%', width: 8, align: 'right' },
        { header: say('verification', locale), width: 12 },
        { header: say('flags', locale), width: 11 },
      ],
      milestoneRows(row.milestones, locale),
    );

  heading(doc, say('history', locale), 3);
  const history = historyRows(row.milestones, locale);
  if (history.length === 0) paragraph(doc, say('noHistory', locale));
  else
    table(
      doc,
      [
        { header: say('number', locale), width: 5, align: 'right' },
        { header: say('date', locale), width: 12 },
        { header: say('status', locale), width: 11 },
        { header: '%', width: 8, align: 'right' },
        { header: say('note', locale), width: 33 },
        { header: say('evidence', locale), width: 31 },
      ],
      history,
    );

  heading(doc, say('assessments', locale), 3);
  fields(doc, [
    [say('computedCompletion', locale), COMPLETION_LABELS[progress.completion][locale]],
  ]);
  if (row.assessments.length === 0) paragraph(doc, say('noAssessments', locale));
  else
    table(
      doc,
      [
        { header: say('stage', locale), width: 12 },
        { header: say('assessor', locale), width: 18 },
        { header: say('date', locale), width: 10 },
        { header: say('ratings', locale), width: 30 },
        { header: say('source', locale), width: 30 },
      ],
      assessmentRows(row, locale),
    );

  const sources = [...row.sources, ...row.milestones.flatMap((entry) => entry.sources)];
  if (sources.length > 0) {
    heading(doc, say('commitmentSources', locale), 3);
    paragraph(doc, sourceLines(dedupe(sources), locale), { size: 8 });
  }
}

function dedupe(sources: SourceModel[]): SourceModel[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url));
}
