import { Completion, type Locale } from '@ogp/common';
import type { Progress } from '../api/dashboard';
import type { CommitmentProgress, CommitmentRow } from '../api/public';
import { COMPLETION_ORDER, countOf } from '../charts/configs';
import { commitmentProgressChart } from '../charts/public-configs';
import { dataTable, h, type Cell, type Column } from '../dom';
import type { Translate } from '../i18n';
import {
  commitmentLink,
  countCell,
  countTable,
  completionText,
  coverageText,
  percentText,
  sizeChart,
  type ChartSection,
  type LinkContext,
} from './public-ui';

// Progress figures, completion levels and the commitments chart and table that the public theme, agency and
// commitment pages show alike.

interface Lang {
  locale: Locale;
  t: Translate;
}

/** Percent, coverage and completion as a definition list; `<id>-percent` etc. carry the raw value. */
export function progressFigures(
  id: string,
  progress: CommitmentProgress,
  { locale, t }: Lang,
): HTMLDListElement {
  return h(
    'dl',
    { class: 'figures' },
    h('dt', {}, t('pubPercent')),
    h(
      'dd',
      { id: `${id}-percent`, 'data-value': String(progress.percent ?? '') },
      percentText(progress.percent, locale, t),
    ),
    h('dt', {}, t('pubCoverage')),
    h(
      'dd',
      { id: `${id}-coverage`, 'data-value': String(progress.coverage ?? '') },
      coverageText(progress.coverage, locale, t),
    ),
    h('dt', {}, t('pubCompletion')),
    h(
      'dd',
      { id: `${id}-completion`, 'data-value': progress.completion },
      completionText(progress.completion, locale),
    ),
  );
}

/**
 * The "progress" section of a theme or agency: heading `<id>-progress-heading`, the figures, a one-line summary
 * and, when there is progress, the number of commitments at each completion level (table `<id>-levels`).
 */
export function showOverallProgress(
  section: HTMLElement,
  id: string,
  progress: Progress | null,
  summary: string,
  { locale, t }: Lang,
): void {
  const figures = progress ?? { percent: null, coverage: null, completion: Completion.NO_EVIDENCE };
  const levels = progress
    ? countTable(
        `${id}-levels`,
        t('pubLevelsCaption'),
        [t('pubCompletion'), t('pubCommitments')],
        COMPLETION_ORDER.map((level) => ({
          key: level,
          header: completionText(level, locale),
          count: countOf(progress.completionCounts, level),
        })),
      )
    : null;
  section.replaceChildren(
    h('h2', { id: `${id}-progress-heading` }, t('pubProgressHeading')),
    progressFigures(id, figures, { locale, t }),
    h('p', { class: 'summary' }, summary),
    ...(levels ? [h('div', { class: 'table-wrap' }, levels)] : []),
  );
}

/** The percent, coverage and completion columns of a commitments table, and their cells. */
export function progressColumns(t: Translate): Column[] {
  return [
    { label: t('pubPercent'), numeric: true },
    { label: t('pubCoverage'), numeric: true },
    { label: t('pubCompletion') },
  ];
}

export function progressCells(progress: CommitmentProgress, { locale, t }: Lang): Cell[] {
  return [
    { text: percentText(progress.percent, locale, t), value: progress.percent },
    { text: coverageText(progress.coverage, locale, t), value: progress.coverage },
    { text: completionText(progress.completion, locale), value: progress.completion },
  ];
}

export interface CommitmentColumn {
  label: string;
  numeric?: boolean;
  cell: (row: CommitmentRow) => Cell;
}

/**
 * A chart of some commitments' progress, with its heading and summary (`empty` when there are none), and the
 * table of the same numbers: commitment, the `before` columns, percent, coverage, completion, milestones, then
 * the `after` columns.
 */
export function showCommitments(
  s: ChartSection,
  rows: CommitmentRow[],
  text: { caption: string; empty: string },
  context: LinkContext,
  before: CommitmentColumn[],
  after: CommitmentColumn[] = [],
): void {
  const { t } = context;
  const complete = rows.filter((row) => row.progress.completion === Completion.COMPLETE).length;
  const noData = rows.filter((row) => row.progress.percent === null).length;
  s.heading.textContent = text.caption;
  s.summary.textContent = rows.length
    ? t('pubCommitmentsSummary', { complete, count: rows.length, noData })
    : text.empty;
  s.canvas.setAttribute('aria-label', text.caption);
  s.chart.hidden = rows.length === 0;
  sizeChart(s, rows.length);
  s.view.update(
    commitmentProgressChart(
      rows.map((row) => ({
        label: `${row.number} ${row.ogpId}`,
        percent: row.progress.percent,
        completion: row.progress.completion,
      })),
      t('pubPercent'),
    ),
  );
  const milestones: CommitmentColumn = {
    label: t('pubMilestones'),
    numeric: true,
    cell: (row) => countCell(row.milestones.length),
  };
  s.table.replaceChildren(
    dataTable(
      text.caption,
      [{ label: t('pubCommitment') }, ...before, ...progressColumns(t), milestones, ...after].map(
        ({ label, numeric }) => ({ label, numeric }),
      ),
      rows.map((row) => ({
        key: row.ogpId,
        header: commitmentLink(row, context),
        cells: [
          ...before.map((column) => column.cell(row)),
          ...progressCells(row.progress, context),
          milestones.cell(row),
          ...after.map((column) => column.cell(row)),
        ],
      })),
    ),
  );
}
