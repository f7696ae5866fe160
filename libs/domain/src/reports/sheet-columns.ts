import {
  ASSESSMENT_STAGE_LABELS,
  ASSESSOR_LABELS,
  COMPLETION_LABELS,
  DID_IT_OPEN_GOVERNMENT_LABELS,
  MILESTONE_STATUS_LABELS,
  OGP_VALUE_LABELS,
  POTENTIAL_IMPACT_LABELS,
  SPECIFICITY_LABELS,
  STARRED_LABELS,
  VISIBILITY_LABELS,
  type Locale,
} from '@ogp/common';
import type { Assessment } from '../assessments';
import type { StatusUpdate } from '../status-updates';
import type { CommitmentReport, MilestoneReport } from './plan-report';
import { commitmentFigures, commitmentIdentity } from './report-columns';
import { dateTime, localized, number, partialDate, text, yesNo, type Column } from './report-cells';

// The columns of the XLSX sheets that have no CSV of their own: commitments, status history, assessments.

export function commitmentColumns(locale: Locale): Column<CommitmentReport>[] {
  const of = (row: CommitmentReport) => row;
  return [
    ...commitmentIdentity(of, locale),
    {
      header: { da: 'OGP-værdier', en: 'OGP values' },
      cell: (row) =>
        text(row.commitment.ogpValues.map((v) => OGP_VALUE_LABELS[v][locale]).join('; ')),
      width: 30,
    },
    {
      header: { da: 'Milepæle', en: 'Milestones' },
      cell: (row) => number(row.milestones.length),
    },
    {
      header: { da: 'Milepæle med data', en: 'Milestones with data' },
      cell: (row) => number(row.milestones.filter((m) => m.milestone.status !== null).length),
    },
    ...commitmentFigures(of, locale),
  ];
}

export interface HistoryRow {
  commitment: CommitmentReport;
  entry: MilestoneReport;
  update: StatusUpdate;
}

export function historyColumns(locale: Locale): Column<HistoryRow>[] {
  const u = (row: HistoryRow) => row.update;
  return [
    ...commitmentIdentity<HistoryRow>((row) => row.commitment, locale).slice(0, 3),
    {
      header: { da: 'Milepæl nr.', en: 'Milestone no.' },
      cell: (row) => number(row.entry.milestone.position),
    },
    {
      header: { da: 'Milepæl', en: 'Milestone' },
      cell: (row) => text(localized(row.entry.milestone.title, locale)),
      width: 40,
    },
    {
      header: { da: 'Gældende fra', en: 'Effective date' },
      cell: (row) => partialDate(u(row).effectiveDate, 'end'),
      width: 12,
    },
    {
      header: { da: 'Datoen kendt', en: 'Date known' },
      cell: (row) => text(yesNo(u(row).effectiveDateKnown, locale)),
    },
    {
      header: { da: 'Status', en: 'Status' },
      cell: (row) => text(MILESTONE_STATUS_LABELS[u(row).status][locale]),
      width: 14,
    },
    { header: { da: 'Procent', en: 'Percent' }, cell: (row) => number(u(row).progressPercent) },
    {
      header: { da: 'Faktisk start', en: 'Actual start' },
      cell: (row) => partialDate(u(row).actualStart, 'start'),
      width: 12,
    },
    {
      header: { da: 'Faktisk slut', en: 'Actual end' },
      cell: (row) => partialDate(u(row).actualEnd, 'end'),
      width: 12,
    },
    {
      header: { da: 'Note', en: 'Note' },
      cell: (row) => text(localized(u(row).note, locale)),
      width: 60,
    },
    {
      header: { da: 'Dokumentation', en: 'Evidence' },
      cell: (row) =>
        text(
          u(row)
            .evidence.map((link) => link.url)
            .join(' '),
        ),
      width: 50,
    },
    {
      header: { da: 'Synlighed', en: 'Visibility' },
      cell: (row) => text(VISIBILITY_LABELS[u(row).visibility][locale]),
    },
    {
      header: { da: 'Registreret', en: 'Recorded at' },
      cell: (row) => dateTime(u(row).recordedAt),
      width: 20,
      numberFormat: 'yyyy-mm-dd hh:mm:ss',
    },
    {
      header: { da: 'Registreret af', en: 'Recorded by' },
      cell: (row) => text(u(row).recordedBy),
      width: 20,
    },
    { header: { da: 'Løbenummer', en: 'Sequence' }, cell: (row) => number(u(row).sequence) },
    { header: { da: 'Hash', en: 'Hash' }, cell: (row) => text(u(row).hash), width: 66 },
  ];
}

export interface AssessmentRow {
  commitment: CommitmentReport;
  assessment: Assessment;
}

export function assessmentColumns(locale: Locale): Column<AssessmentRow>[] {
  const a = (row: AssessmentRow) => row.assessment;
  const label = <T extends string>(
    labels: Readonly<Record<T, { da: string; en: string }>>,
    value: T | null,
  ) => text(value === null ? null : labels[value][locale]);
  const maybe = (value: boolean | null) => text(value === null ? null : yesNo(value, locale));
  return [
    ...commitmentIdentity<AssessmentRow>((row) => row.commitment, locale).slice(0, 3),
    {
      header: { da: 'Fase', en: 'Stage' },
      cell: (row) => label(ASSESSMENT_STAGE_LABELS, a(row).stage),
      width: 14,
    },
    {
      header: { da: 'Vurderet af', en: 'Assessor' },
      cell: (row) => label(ASSESSOR_LABELS, a(row).assessor),
      width: 30,
    },
    {
      header: { da: 'Vurderet', en: 'Assessed on' },
      cell: (row) => partialDate(a(row).assessedOn, 'end'),
      width: 12,
    },
    { header: { da: 'Verificerbar', en: 'Verifiable' }, cell: (row) => maybe(a(row).verifiable) },
    {
      header: { da: 'Specificitet', en: 'Specificity' },
      cell: (row) => label(SPECIFICITY_LABELS, a(row).specificity),
    },
    {
      header: { da: 'Relevante OGP-værdier', en: 'Relevant OGP values' },
      cell: (row) =>
        text(
          a(row)
            .relevantOgpValues?.map((v) => OGP_VALUE_LABELS[v][locale])
            .join('; ') ?? null,
        ),
      width: 30,
    },
    {
      header: { da: 'Potentiel effekt', en: 'Potential impact' },
      cell: (row) => label(POTENTIAL_IMPACT_LABELS, a(row).potentialImpact),
    },
    {
      header: { da: 'Gennemførelse (vurderet)', en: 'Completion (assessed)' },
      cell: (row) => label(COMPLETION_LABELS, a(row).completion),
      width: 16,
    },
    {
      header: { da: 'Åbnede det forvaltningen?', en: 'Did it open government?' },
      cell: (row) => label(DID_IT_OPEN_GOVERNMENT_LABELS, a(row).didItOpenGovernment),
    },
    {
      header: { da: 'Stjerne', en: 'Starred' },
      cell: (row) => label(STARRED_LABELS, a(row).starred),
    },
    {
      header: { da: 'Mulig stjerne', en: 'Potentially starred' },
      cell: (row) => maybe(a(row).potentiallyStarred),
    },
    {
      header: { da: 'Kilde', en: 'Source' },
      cell: (row) => text(a(row).source.url),
      width: 50,
    },
    {
      header: { da: 'Note', en: 'Note' },
      cell: (row) => text(localized(a(row).note, locale)),
      width: 60,
    },
    ...commitmentFigures<AssessmentRow>((row) => row.commitment, locale),
  ];
}
