import type { Writable } from 'node:stream';
import { COMPLETION_LABELS, licenceStatement, type Label, type Locale } from '@ogp/common';
import ExcelJS from 'exceljs';
import { drained } from './drain';
import { aggregateHeadlineOf, type Progress } from '../dashboards';
import type { CommitmentReport, PlanReport, ReportInfo } from './plan-report';
import { milestoneColumns, type MilestoneRow } from './report-columns';
import {
  date,
  dateTime,
  localized,
  number,
  text,
  xlsxValue,
  type Cell,
  type Column,
} from './report-cells';
import {
  assessmentColumns,
  commitmentColumns,
  historyColumns,
  type AssessmentRow,
  type HistoryRow,
} from './sheet-columns';

type Workbook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

const SHEETS: Record<'summary' | 'commitments' | 'milestones' | 'history' | 'assessments', Label> =
  {
    summary: { da: 'Oversigt', en: 'Summary' },
    commitments: { da: 'Initiativer', en: 'Commitments' },
    milestones: { da: 'Milepæle', en: 'Milestones' },
    history: { da: 'Statushistorik', en: 'Status history' },
    assessments: { da: 'IRM-vurderinger', en: 'IRM assessments' },
  };

const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * One sheet, written and committed row by row: a bold, frozen header row with a filter over every column, then
 * typed cells (dates as dates, numbers as numbers, text neutralised). Waits for the client between rows when
 * its buffer is full, so the workbook streams out instead of piling up.
 */
async function writeSheet<Row>(
  workbook: Workbook,
  out: Writable,
  name: string,
  columns: Column<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  locale: Locale,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    width: column.width ?? Math.max(10, column.header[locale].length + 2),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((column) => column.header[locale]));
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) {
    const cells = columns.map((column) => column.cell(row));
    const added = sheet.addRow(cells.map(xlsxValue));
    cells.forEach((cell, index) => {
      const format = numberFormat(cell, columns[index]);
      if (format) added.getCell(index + 1).numFmt = format;
    });
    added.commit();
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
}

function numberFormat(cell: Cell, column: { numberFormat?: string }): string | undefined {
  if (cell.value === null) return undefined;
  if (cell.kind === 'date' || cell.kind === 'partialDate') return DATE_FORMAT;
  if (cell.kind === 'dateTime') return column.numberFormat ?? 'yyyy-mm-dd hh:mm:ss';
  if (cell.kind === 'number') return column.numberFormat;
  return undefined;
}

interface SummaryRow {
  label: Label;
  value: Cell;
}

const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { header: { da: 'Punkt', en: 'Item' }, cell: () => text(null), width: 40 },
  { header: { da: 'Værdi', en: 'Value' }, cell: (row) => row.value, width: 70 },
];

function summaryRows(info: ReportInfo, overall: Progress, locale: Locale): SummaryRow[] {
  const { plan } = info;
  return [
    {
      label: { da: 'Handlingsplan', en: 'Action plan' },
      value: text(localized(plan.title, locale)),
    },
    { label: { da: 'Nøgle', en: 'Slug' }, value: text(plan.slug) },
    { label: { da: 'Land', en: 'Country' }, value: text(plan.countryCode) },
    {
      label: { da: 'Periode', en: 'Period' },
      value: text([plan.periodStart?.label, plan.periodEnd?.label].filter(Boolean).join(' – ')),
    },
    { label: { da: 'Pr. dato', en: 'As of' }, value: date(info.asOf) },
    { label: { da: 'Dannet', en: 'Generated' }, value: dateTime(info.generatedAt) },
    {
      label: { da: 'Datalicens', en: 'Data licence' },
      value: text(licenceStatement(info.licence)),
    },
    {
      label: { da: 'Revisionsspor (hoved-hash)', en: 'Audit chain head hash' },
      value: text(info.auditHeadHash),
    },
    {
      label: { da: 'Syntetiske data', en: 'Synthetic data' },
      value: text(
        plan.isSynthetic ? (locale === 'da' ? 'Ja' : 'Yes') : locale === 'da' ? 'Nej' : 'No',
      ),
    },
    {
      label: { da: 'Status i tal', en: 'Headline' },
      value: text(aggregateHeadlineOf(overall, locale)),
    },
    { label: { da: 'Initiativer', en: 'Commitments' }, value: number(overall.commitmentCount) },
    ...(overall.completionCounts ?? []).map(({ completion, count }) => ({
      label: {
        da: `Initiativer: ${COMPLETION_LABELS[completion].da}`,
        en: `Commitments: ${COMPLETION_LABELS[completion].en}`,
      },
      value: number(count),
    })),
    {
      label: { da: 'Initiativer med data', en: 'Commitments with data' },
      value: number(overall.reportedCount),
    },
    {
      label: { da: 'Procent (beregnet)', en: 'Percent (computed)' },
      value: number(overall.percent),
    },
    { label: { da: 'Dækning (andel)', en: 'Coverage (share)' }, value: number(overall.coverage) },
    {
      label: { da: 'Gennemførelse (beregnet)', en: 'Completion (computed)' },
      value: text(COMPLETION_LABELS[overall.completion][locale]),
    },
  ];
}

async function* milestoneRows(report: PlanReport): AsyncGenerator<MilestoneRow> {
  for await (const commitment of report.commitments()) {
    for (const entry of commitment.milestones) yield { commitment, entry };
  }
}

async function* historyRows(report: PlanReport): AsyncGenerator<HistoryRow> {
  for await (const commitment of report.commitments()) {
    for (const entry of commitment.milestones) {
      for (const update of entry.history) yield { commitment, entry, update };
    }
  }
}

async function* assessmentRows(report: PlanReport): AsyncGenerator<AssessmentRow> {
  for await (const commitment of report.commitments()) {
    for (const assessment of commitment.assessments) yield { commitment, assessment };
  }
}

/** `export.xlsx`: sheets for the summary, commitments, milestones, status history and IRM assessments. */
export async function writeXlsx(report: PlanReport, out: Writable): Promise<void> {
  const { info } = report;
  const { locale } = info;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'OGP commitment tracker';
  workbook.created = info.generatedAt;
  const summary = summaryRows(info, await report.overall(), locale);
  const summaryColumns: Column<SummaryRow>[] = [
    { ...SUMMARY_COLUMNS[0], cell: (row) => text(row.label[locale]) },
    SUMMARY_COLUMNS[1],
  ];
  await writeSheet(workbook, out, SHEETS.summary[locale], summaryColumns, summary, locale);
  const commitments: AsyncIterable<CommitmentReport> = report.commitments();
  await writeSheet(
    workbook,
    out,
    SHEETS.commitments[locale],
    commitmentColumns(locale),
    commitments,
    locale,
  );
  await writeSheet(
    workbook,
    out,
    SHEETS.milestones[locale],
    milestoneColumns(locale),
    milestoneRows(report),
    locale,
  );
  await writeSheet(
    workbook,
    out,
    SHEETS.history[locale],
    historyColumns(locale),
    historyRows(report),
    locale,
  );
  await writeSheet(
    workbook,
    out,
    SHEETS.assessments[locale],
    assessmentColumns(locale),
    assessmentRows(report),
    locale,
  );
  await workbook.commit();
}
