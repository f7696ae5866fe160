import {
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  COMPLETION_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  MilestoneStatus,
  OGP_VALUE_LABELS,
  POTENTIAL_IMPACT_LABELS,
  SPECIFICITY_LABELS,
  STARRED_LABELS,
  Visibility,
  commitmentHeadline,
  describeCommitmentProgress,
  formatRollUpPercent,
  milestoneStatusLabel,
  type Label,
  type Locale,
} from '@ogp/common';
import { HeadingLevel, Paragraph, type Table } from 'docx';
import type { Assessment } from '../../assessments';
import type { Milestone } from '../../milestones';
import type { PartialDateModel } from '../../shared/graphql-types';
import type { CommitmentReport, MilestoneReport } from '../plan-report';
import { localized, yesNo } from '../report-cells';
import {
  blank,
  blankRun,
  bullet,
  facts,
  grid,
  heading,
  link,
  paragraph,
  question,
  runs,
  type CellContent,
} from './docx-blocks';
import { COMMITMENT as C, COMMITMENT_BLANKS as B } from './docx-text';

// One commitment of the final evaluation: the fields of the OGP commitment template filled from the tracker,
// its milestones with their planned and actual dates, the reports and evidence behind its status, the
// completion the tracker computes (counts first), the assessments recorded, and blanks for the government.

const DATE_BLANK: Label = { da: 'dato', en: 'date' };

/** The commitment's period from its milestones' planned dates: earliest start to latest end. */
function plannedPeriod(milestones: MilestoneReport[]): string | null {
  const starts = milestones.map((m) => m.milestone.plannedStart).filter((d) => d !== null);
  const ends = milestones.map((m) => m.milestone.plannedEnd).filter((d) => d !== null);
  if (starts.length === 0 || ends.length === 0) return null;
  const first = starts.reduce((a, b) => (b.start < a.start ? b : a));
  const last = ends.reduce((a, b) => (b.end > a.end ? b : a));
  return `${first.label} – ${last.label}`;
}

/** A date as written (2018-H1, 2019-06), or a marked blank where the tracker should know one but does not. */
function dateCell(value: PartialDateModel | null, expected: boolean, locale: Locale): CellContent {
  if (value) return value.label;
  return expected ? new Paragraph({ children: [blankRun(DATE_BLANK, locale)] }) : '–';
}

function statusText(milestone: Milestone, locale: Locale): string {
  const status = milestoneStatusLabel(milestone.status)[locale];
  if (milestone.status !== MilestoneStatus.IN_PROGRESS || milestone.progressPercent === null) {
    return status;
  }
  return `${status}, ${formatRollUpPercent(milestone.progressPercent, locale, '')}`;
}

function milestoneTable(milestones: MilestoneReport[], locale: Locale): Table | Paragraph {
  if (milestones.length === 0) return paragraph(C.noMilestones[locale]);
  const rows = milestones.map(({ milestone: m }) => {
    const begun = m.status !== null && m.status !== MilestoneStatus.NOT_STARTED;
    return [
      String(m.position),
      localized(m.title, locale) ?? '',
      dateCell(m.plannedStart, true, locale),
      dateCell(m.plannedEnd, true, locale),
      dateCell(m.actualStart, begun && m.status !== MilestoneStatus.CANCELLED, locale),
      dateCell(m.actualEnd, m.status === MilestoneStatus.COMPLETED, locale),
      statusText(m, locale),
    ];
  });
  return grid(
    [C.number, C.milestone, C.plannedStart, C.plannedEnd, C.actualStart, C.actualEnd, C.status],
    rows,
    [6, 34, 12, 12, 12, 12, 12],
    locale,
  );
}

/** One line per report the viewer may read: milestone, date, status, note, evidence links. */
function reportLines(milestones: MilestoneReport[], locale: Locale): Paragraph[] {
  const lines = milestones.flatMap(({ milestone, history }) =>
    history.map((update) => {
      const status = milestoneStatusLabel(update.status)[locale];
      const percent =
        update.progressPercent === null
          ? ''
          : `, ${formatRollUpPercent(update.progressPercent, locale, '')}`;
      const internal = update.visibility === Visibility.INTERNAL ? ` (${C.internal[locale]})` : '';
      const note = localized(update.note, locale);
      const evidence = update.evidence.flatMap((e, index) => [
        ...runs(index === 0 ? ` ${C.evidence[locale]}: ` : '; '),
        link(e.url, e.title),
      ]);
      return bullet(
        `${C.milestone[locale]} ${milestone.position}, ${update.effectiveDate.label}: ${status}${percent}${internal}`,
        ...(note ? runs(`. ${note}`) : []),
        ...evidence,
      );
    }),
  );
  return lines.length > 0 ? lines : [paragraph(C.noReports[locale])];
}

function assessmentLine(a: Assessment, locale: Locale): Paragraph {
  const label = <T extends string>(labels: Readonly<Record<T, Label>>, value: T | null) =>
    value === null ? null : labels[value][locale];
  const parts: [Label, string | null][] = [
    [C.assessedCompletion, label(COMPLETION_LABELS, a.completion)],
    [C.verifiable, a.verifiable === null ? null : yesNo(a.verifiable, locale)],
    [C.specificity, label(SPECIFICITY_LABELS, a.specificity)],
    [
      C.relevantValues,
      a.relevantOgpValues === null
        ? null
        : a.relevantOgpValues.map((v) => OGP_VALUE_LABELS[v][locale]).join(', ') ||
          C.noneValue[locale],
    ],
    [C.potentialImpact, label(POTENTIAL_IMPACT_LABELS, a.potentialImpact)],
    [C.didItOpen, label(DID_IT_OPEN_GOVERNMENT_LABELS, a.didItOpenGovernment)],
    [C.starred, label(STARRED_LABELS, a.starred)],
  ];
  const rated = parts
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name[locale]}: ${value}`);
  const note = localized(a.note, locale);
  return bullet(
    `${ASSESSOR_LABELS[a.assessor][locale]}, ${ASSESSMENT_STAGE_LABELS[a.stage][locale]}, ${a.assessedOn.label}: `,
    `${rated.join('; ')}${note ? `. ${note}` : ''}. ${C.source[locale]}: `,
    link(a.source.url, a.source.title),
  );
}

/** The section of one commitment, in plan order. */
export function commitmentSection(row: CommitmentReport, locale: Locale): (Paragraph | Table)[] {
  const { commitment, progress } = row;
  const title = localized(commitment.title, locale) ?? '';
  const agencies = row.supportingAgencies.map((a) => localized(a.name, locale)).join('; ');
  const stakeholders = row.otherStakeholders.map((s) => localized(s, locale)).join('; ');
  const period = plannedPeriod(row.milestones);
  const values = commitment.ogpValues.map((v) => OGP_VALUE_LABELS[v][locale]).join(', ');
  const or = (value: string | null | undefined, missing: Label): CellContent =>
    value ? value : blank(missing, locale);
  const summary = facts(
    [
      [C.ogpId, commitment.ogpId],
      [C.number, commitment.number],
      [C.theme, `${row.theme.number}. ${localized(row.theme.title, locale) ?? ''}`],
      [C.lead, or(localized(row.leadAgency?.name, locale), B.lead)],
      [C.supporting, or(agencies, B.supporting)],
      [C.stakeholders, or(stakeholders, B.stakeholders)],
      [C.period, or(period, B.period)],
      [C.ogpValues, or(values, B.ogpValues)],
      [C.contact, blank(B.contact, locale)],
    ],
    locale,
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
  const formula = describeCommitmentProgress(
    row.milestones.map(({ milestone: m }) => ({
      status: m.status,
      progressPercent: m.progressPercent,
      weight: m.weight,
    })),
    locale,
  );
  const sources = row.sources.map((s) => bullet(link(s.url, s.title)));
  return [
    heading(`${commitment.number} ${title} (${commitment.ogpId})`, HeadingLevel.HEADING_2),
    summary,
    ...question(C.problem, null, B.problem, locale),
    ...question(C.what, localized(commitment.description, locale), B.what, locale),
    ...question(C.contribution, null, B.contribution, locale),
    ...question(C.relevance, null, B.relevance, locale),
    ...question(C.additional, localized(commitment.notes, locale), B.additional, locale),
    heading(C.milestones[locale], HeadingLevel.HEADING_3),
    milestoneTable(row.milestones, locale),
    heading(C.reports[locale], HeadingLevel.HEADING_3),
    ...reportLines(row.milestones, locale),
    heading(C.completion[locale], HeadingLevel.HEADING_3),
    paragraph(headline),
    paragraph(`${C.formula[locale]}: ${formula}`),
    heading(C.assessments[locale], HeadingLevel.HEADING_3),
    ...(row.assessments.length > 0
      ? row.assessments.map((a) => assessmentLine(a, locale))
      : [paragraph(C.noAssessment[locale])]),
    ...(sources.length > 0 ? [paragraph(C.sources[locale]), ...sources] : []),
    heading(C.selfAssessment[locale], HeadingLevel.HEADING_3),
    ...question(C.done, null, B.done, locale),
    ...question(C.results, null, B.results, locale),
    ...question(C.ownCompletion, null, B.completion, locale),
    ...question(C.next, null, B.next, locale),
  ];
}
