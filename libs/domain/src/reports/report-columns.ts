import {
  COMPLETION_LABELS,
  DATE_PRECISION_LABELS,
  MilestoneFlag,
  VERIFICATION_LABELS,
  licenceStatement,
  milestoneStatusLabel,
  type Locale,
} from '@ogp/common';
import type { Agency } from '../agencies';
import { commitmentHeadlineOf } from '../dashboards';
import type { PartialDateModel } from '../shared/graphql-types';
import type { CommitmentReport, MilestoneReport, ReportInfo } from './plan-report';
import {
  date,
  dateTime,
  localized,
  number,
  partialDate,
  text,
  yesNo,
  type Column,
} from './report-cells';

/** One milestone with its commitment: a row of the milestone CSV and of the XLSX milestones sheet. */
export interface MilestoneRow {
  commitment: CommitmentReport;
  entry: MilestoneReport;
}

const agencyName = (agency: Agency | null, locale: Locale) => localized(agency?.name, locale);
const agencyNames = (agencies: Agency[], locale: Locale) =>
  agencies.map((agency) => agencyName(agency, locale)).join('; ');
const precision = (value: PartialDateModel | null, locale: Locale) =>
  value === null ? null : DATE_PRECISION_LABELS[value.precision][locale];
const themeName = (row: CommitmentReport, locale: Locale) =>
  `${row.theme.number}. ${localized(row.theme.title, locale) ?? ''}`;

/** The columns that say which commitment a row belongs to. */
export function commitmentIdentity<Row>(
  of: (row: Row) => CommitmentReport,
  locale: Locale,
): Column<Row>[] {
  return [
    { header: { da: 'OGP-id', en: 'OGP ID' }, cell: (r) => text(of(r).commitment.ogpId), width: 9 },
    { header: { da: 'Nr.', en: 'No.' }, cell: (r) => text(of(r).commitment.number), width: 6 },
    {
      header: { da: 'Initiativ', en: 'Commitment' },
      cell: (r) => text(localized(of(r).commitment.title, locale)),
      width: 40,
    },
    { header: { da: 'Tema', en: 'Theme' }, cell: (r) => text(themeName(of(r), locale)), width: 30 },
    {
      header: { da: 'Ansvarlig myndighed', en: 'Lead agency' },
      cell: (r) => text(agencyName(of(r).leadAgency, locale)),
      width: 30,
    },
    {
      header: { da: 'Medvirkende myndigheder', en: 'Supporting agencies' },
      cell: (r) => text(agencyNames(of(r).supportingAgencies, locale)),
      width: 40,
    },
  ];
}

/** The commitment's computed progress, as the API gives it. */
export function commitmentFigures<Row>(
  of: (row: Row) => CommitmentReport,
  locale: Locale,
): Column<Row>[] {
  return [
    {
      header: { da: 'Initiativets procent (beregnet)', en: 'Commitment percent (computed)' },
      cell: (r) => number(of(r).progress.percent),
      numberFormat: '0.0',
    },
    {
      header: { da: 'Initiativets dækning (andel)', en: 'Commitment coverage (share)' },
      cell: (r) => number(of(r).progress.coverage),
      numberFormat: '0.0%',
    },
    {
      header: {
        da: 'Initiativets gennemførelse (beregnet)',
        en: 'Commitment completion (computed)',
      },
      cell: (r) => text(COMPLETION_LABELS[of(r).progress.completion][locale]),
      width: 16,
    },
    {
      header: { da: 'Initiativets status i tal', en: 'Commitment headline' },
      cell: (r) => text(commitmentHeadlineOf(of(r).progress, locale)),
      width: 50,
    },
  ];
}

/** One column per flag, each Yes or No (as of the report's date). */
function flagColumns(locale: Locale): Column<MilestoneRow>[] {
  const flag = (header: Column<MilestoneRow>['header'], which: MilestoneFlag) => ({
    header,
    cell: (r: MilestoneRow) => text(yesNo(r.entry.milestone.flags.includes(which), locale)),
  });
  return [
    flag({ da: 'Forsinket', en: 'Overdue' }, MilestoneFlag.OVERDUE),
    flag({ da: 'Snart forfalden', en: 'Due soon' }, MilestoneFlag.DUE_SOON),
    flag({ da: 'Ingen opdatering i 90 dage', en: 'No update for 90 days' }, MilestoneFlag.STALE),
  ];
}

function dateColumns(
  header: Column<MilestoneRow>['header'],
  get: (row: MilestoneRow) => PartialDateModel | null,
  side: 'start' | 'end',
  locale: Locale,
): Column<MilestoneRow>[] {
  return [
    { header, cell: (r) => partialDate(get(r), side), width: 12 },
    {
      header: { da: `${header.da} (præcision)`, en: `${header.en} (precision)` },
      cell: (r) => text(precision(get(r), locale)),
    },
  ];
}

/** The milestone CSV's columns, also the XLSX milestones sheet's. */
export function milestoneColumns(locale: Locale): Column<MilestoneRow>[] {
  const m = (r: MilestoneRow) => r.entry.milestone;
  return [
    ...commitmentIdentity<MilestoneRow>((r) => r.commitment, locale),
    { header: { da: 'Milepæl nr.', en: 'Milestone no.' }, cell: (r) => number(m(r).position) },
    {
      header: { da: 'Milepæl', en: 'Milestone' },
      cell: (r) => text(localized(m(r).title, locale)),
      width: 40,
    },
    ...dateColumns(
      { da: 'Planlagt start', en: 'Planned start' },
      (r) => m(r).plannedStart,
      'start',
      locale,
    ),
    ...dateColumns(
      { da: 'Planlagt slut', en: 'Planned end' },
      (r) => m(r).plannedEnd,
      'end',
      locale,
    ),
    ...dateColumns(
      { da: 'Faktisk start', en: 'Actual start' },
      (r) => m(r).actualStart,
      'start',
      locale,
    ),
    ...dateColumns({ da: 'Faktisk slut', en: 'Actual end' }, (r) => m(r).actualEnd, 'end', locale),
    {
      header: { da: 'Status', en: 'Status' },
      cell: (r) => text(milestoneStatusLabel(m(r).status)[locale]),
      width: 14,
    },
    { header: { da: 'Procent', en: 'Percent' }, cell: (r) => number(m(r).progressPercent) },
    {
      header: { da: 'Verifikation', en: 'Verification' },
      cell: (r) => text(VERIFICATION_LABELS[m(r).verification][locale]),
      width: 14,
    },
    ...flagColumns(locale),
    {
      header: { da: 'Seneste opdatering', en: 'Last update' },
      cell: (r) => date(m(r).lastUpdateOn),
      width: 12,
    },
    {
      header: { da: 'Seneste note', en: 'Latest note' },
      cell: (r) => text(localized(r.entry.history.at(-1)?.note, locale)),
      width: 50,
    },
    ...commitmentFigures<MilestoneRow>((r) => r.commitment, locale),
  ];
}

/**
 * What every row of a CSV states about the file: which plan, as of when, made when, licence, audit head. Every
 * row repeats them, so rows cut out or merged into another table still say where they came from.
 */
export function aboutColumns<Row>(info: ReportInfo): Column<Row>[] {
  return [
    { header: { da: 'Handlingsplan', en: 'Action plan' }, cell: () => text(info.plan.slug) },
    { header: { da: 'Pr. dato', en: 'As of' }, cell: () => date(info.asOf) },
    { header: { da: 'Dannet', en: 'Generated' }, cell: () => dateTime(info.generatedAt) },
    {
      header: { da: 'Datalicens', en: 'Data licence' },
      cell: () => text(licenceStatement(info.licence)),
    },
    {
      header: { da: 'Revisionsspor (hoved-hash)', en: 'Audit chain head hash' },
      cell: () => text(info.auditHeadHash),
    },
  ];
}
