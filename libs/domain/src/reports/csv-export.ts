import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Locale } from '@ogp/common';
import { irmColumns } from './irm-columns';
import type { CommitmentReport, PlanReport } from './plan-report';
import { aboutColumns, milestoneColumns, type MilestoneRow } from './report-columns';
import { csvText, type Column } from './report-cells';

/**
 * Writes `rows` as CSV (RFC 4180: comma, double quotes, CRLF; UTF-8, with a byte order mark when `bom`, which
 * Excel needs to read UTF-8) to `out`, a row at a time: the header in `locale`, every text cell neutralised.
 */
async function writeCsv<Row>(
  columns: Column<Row>[],
  rows: AsyncIterable<Row>,
  out: Writable,
  options: { locale: Locale; bom: boolean },
): Promise<void> {
  const csv = stringify({ bom: options.bom, record_delimiter: 'windows' });
  const done = pipeline(csv, out);
  const write = async (record: string[]) => {
    // Waits for the client when its buffer is full, so a large plan never piles up in memory.
    if (!csv.write(record)) await Promise.race([once(csv, 'drain'), done]);
  };
  try {
    await write(columns.map((column) => column.header[options.locale]));
    for await (const row of rows) await write(columns.map((column) => csvText(column.cell(row))));
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
  }
  await done;
}

async function* milestoneRows(report: PlanReport): AsyncGenerator<MilestoneRow> {
  for await (const commitment of report.commitments()) {
    for (const entry of commitment.milestones) yield { commitment, entry };
  }
}

/** `export.csv`: one row per milestone. */
export function writeMilestonesCsv(
  report: PlanReport,
  out: Writable,
  options: { bom: boolean },
): Promise<void> {
  const { locale } = report.info;
  return writeCsv(
    [...milestoneColumns(locale), ...aboutColumns<MilestoneRow>(report.info)],
    milestoneRows(report),
    out,
    { locale, bom: options.bom },
  );
}

/** `export.irm.csv`: one row per commitment, the IRM's coding beside the computed completion. */
export function writeIrmCsv(
  report: PlanReport,
  out: Writable,
  options: { bom: boolean },
): Promise<void> {
  const { locale } = report.info;
  return writeCsv(
    [...irmColumns(locale), ...aboutColumns<CommitmentReport>(report.info)],
    report.commitments(),
    out,
    { locale, bom: options.bom },
  );
}
