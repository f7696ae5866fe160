import {
  MilestoneStatus,
  Visibility,
  milestoneStatusLabel,
  neutraliseCell,
  neutraliseOptionalCell,
  type Label,
  type Locale,
} from '@ogp/common';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, columnHeader, type ColumnKey } from './import-columns';
import { MAX_IMPORT_ROWS } from './import-rows';

/** One milestone as the template lists it: its keys, its version, and its current state for reference. */
export interface TemplateMilestone {
  ogpId: string;
  milestoneNumber: number;
  milestoneId: string;
  version: number;
  title: string | null;
  plannedEnd: string | null;
  status: MilestoneStatus | null;
  progressPercent: number | null;
  actualStart: string | null;
  actualEnd: string | null;
}

const SHEETS: Record<'progress' | 'instructions', Label> = {
  progress: { da: 'Fremdrift', en: 'Progress' },
  instructions: { da: 'Vejledning', en: 'Instructions' },
};

const READ_ONLY_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7E6E6' },
};

/** Columns whose cells are text even when they look like a date or a number (2019-03 stays 2019-03). */
const TEXT_COLUMNS = new Set<ColumnKey>([
  'effectiveDate',
  'actualStart',
  'actualEnd',
  'noteDa',
  'noteEn',
  'evidenceUrls',
  'evidenceTitles',
]);

const listOf = (values: readonly string[]) => [`"${values.join(',')}"`];

/** What the reporter may write in a fill-in column (a list, or a whole number); none for free text. */
function validation(key: ColumnKey): ExcelJS.DataValidation | null {
  switch (key) {
    case 'status':
      return {
        type: 'list',
        allowBlank: true,
        formulae: listOf(Object.values(MilestoneStatus)),
        showErrorMessage: true,
      };
    case 'visibility':
      return {
        type: 'list',
        allowBlank: true,
        formulae: listOf(Object.values(Visibility)),
        showErrorMessage: true,
      };
    case 'percent':
      return {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [0, 100],
        showErrorMessage: true,
      };
    default:
      return null;
  }
}

function cellOf(key: ColumnKey, m: TemplateMilestone, locale: Locale): string | number | null {
  switch (key) {
    case 'ogpId':
      return m.ogpId;
    case 'milestoneNumber':
      return m.milestoneNumber;
    case 'milestoneId':
      return m.milestoneId;
    case 'expectedVersion':
      return m.version;
    case 'milestoneTitle':
      return neutraliseOptionalCell(m.title);
    case 'plannedEnd':
      return m.plannedEnd;
    case 'currentStatus':
      return milestoneStatusLabel(m.status)[locale];
    case 'currentPercent':
      return m.progressPercent;
    case 'currentActualStart':
      return m.actualStart;
    case 'currentActualEnd':
      return m.actualEnd;
    default:
      return null;
  }
}

/**
 * The progress template: one row per milestone with its keys, the version to expect and its current state
 * (grey, locked: for reference), and empty columns to fill in, with lists for status and visibility. The
 * header row is frozen; a second sheet says how to fill it in, in the template's language.
 */
export async function writeProgressTemplate(
  milestones: readonly TemplateMilestone[],
  locale: Locale,
  about: { plan: string; agency: string | null },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(SHEETS.progress[locale], {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    width: column.width,
    style: TEXT_COLUMNS.has(column.key) ? { numFmt: '@' } : {},
  }));
  const header = sheet.addRow(IMPORT_COLUMNS.map((column) => column.header[locale]));
  header.font = { bold: true };
  IMPORT_COLUMNS.forEach((column, index) => {
    if (column.role !== 'fill') header.getCell(index + 1).fill = READ_ONLY_FILL;
  });
  for (const milestone of milestones) {
    const row = sheet.addRow(IMPORT_COLUMNS.map((column) => cellOf(column.key, milestone, locale)));
    IMPORT_COLUMNS.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      if (column.role !== 'fill') {
        cell.fill = READ_ONLY_FILL;
        return;
      }
      cell.protection = { locked: false };
      if (TEXT_COLUMNS.has(column.key)) cell.numFmt = '@';
      const rule = validation(column.key);
      if (rule) cell.dataValidation = rule;
    });
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: IMPORT_COLUMNS.length },
  };
  // Locked without a password: keys and the current state are not changed by a slip, and anyone who means to
  // can lift it (the import reads only the keys, the version and the fill-in columns anyway).
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
  writeInstructions(workbook.addWorksheet(SHEETS.instructions[locale]), locale, about);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeInstructions(
  sheet: ExcelJS.Worksheet,
  locale: Locale,
  about: { plan: string; agency: string | null },
): void {
  const h = (key: ColumnKey) => `"${columnHeader(key, locale)}"`;
  const lines: Label[] = [
    { da: 'Indberetning af fremdrift', en: 'Reporting progress' },
    {
      da: `Handlingsplan: ${about.plan}. Myndighed: ${about.agency ?? 'alle'}.`,
      en: `Action plan: ${about.plan}. Agency: ${about.agency ?? 'all'}.`,
    },
    {
      da: `Udfyld de hvide kolonner på arket "${SHEETS.progress.da}" for de milepæle, du vil rapportere; lad de andre rækker stå tomme (de springes over). De grå kolonner er til orientering og læses ikke, bortset fra nøglerne og ${h('expectedVersion')}.`,
      en: `Fill in the white columns of the sheet "${SHEETS.progress.en}" for the milestones you report; leave the other rows empty (they are skipped). The grey columns are for reference and are not read, except the keys and ${h('expectedVersion')}.`,
    },
    {
      da: `Milepælen findes ud fra ${h('milestoneId')} eller ud fra ${h('ogpId')} og ${h('milestoneNumber')}. ${h('expectedVersion')} er den version, skabelonen blev lavet ud fra: har nogen rapporteret siden, afvises rækken som en konflikt. Hent så en ny skabelon.`,
      en: `A milestone is found by ${h('milestoneId')}, or by ${h('ogpId')} and ${h('milestoneNumber')}. ${h('expectedVersion')} is the version the template was made from: if someone has reported since, the row is refused as a conflict. Download a new template then.`,
    },
    {
      da: `${h('status')}: NOT_STARTED, IN_PROGRESS, COMPLETED eller CANCELLED (eller ${Object.values(
        MilestoneStatus,
      )
        .map((s) => milestoneStatusLabel(s).da)
        .join(
          ', ',
        )}). ${h('percent')}: 0-99 ved IN_PROGRESS (skal udfyldes); NOT_STARTED er 0 og COMPLETED 100.`,
      en: `${h('status')}: NOT_STARTED, IN_PROGRESS, COMPLETED or CANCELLED. ${h('percent')}: 0-99 while IN_PROGRESS (required then); NOT_STARTED is 0 and COMPLETED 100.`,
    },
    {
      da: `${h('effectiveDate')}, ${h('actualStart')} og ${h('actualEnd')}: en dag (2019-03-15) eller en periode med sin præcision: måned (2019-03), kvartal (2019-Q1), halvår (2019-H1) eller år (2019). ${h('effectiveDate')} er som standard i dag og må ikke ligge i fremtiden.`,
      en: `${h('effectiveDate')}, ${h('actualStart')} and ${h('actualEnd')}: a day (2019-03-15) or a period with its precision: month (2019-03), quarter (2019-Q1), half year (2019-H1) or year (2019). ${h('effectiveDate')} is today unless given, and never in the future.`,
    },
    {
      da: `En note (dansk og/eller engelsk) kræves for at genåbne, annullere eller sænke procenten. ${h('visibility')}: PUBLIC (standard) eller INTERNAL.`,
      en: `A note (Danish and/or English) is required to reopen, cancel or lower the percent. ${h('visibility')}: PUBLIC (default) or INTERNAL.`,
    },
    {
      da: `${h('evidenceUrls')}: http(s)-adresser adskilt af mellemrum eller linjeskift; ${h('evidenceTitles')}: én titel pr. adresse, én pr. linje i samme rækkefølge. COMPLETED kræver mindst ét link.`,
      en: `${h('evidenceUrls')}: http(s) addresses separated by spaces or line breaks; ${h('evidenceTitles')}: one title per address, one per line, in the same order. COMPLETED needs at least one link.`,
    },
    {
      da: `Send filen (XLSX eller CSV, højst ${MAX_IMPORT_ROWS} rækker) med dryRun=1 først: alle problemer vises med række og kolonne, og intet gemmes. Uden dryRun gemmes alle rækker, eller ingen.`,
      en: `Send the file (XLSX or CSV, at most ${MAX_IMPORT_ROWS} rows) with dryRun=1 first: every problem is listed with its row and column, and nothing is saved. Without dryRun every row is saved, or none.`,
    },
  ];
  sheet.getColumn(1).width = 120;
  for (const [index, line] of lines.entries()) {
    const row = sheet.addRow([neutraliseCell(line[locale])]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) row.font = { bold: true, size: 14 };
  }
}
