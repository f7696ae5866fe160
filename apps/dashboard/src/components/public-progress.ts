import { Completion, ROLL_UP_RULES, progressHeadline, type Locale } from '@ogp/common';
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

/** "12 of 24 (50%)": how many are reported, and the share. */
function reportedText(
  reported: number,
  count: number,
  share: number | null,
  { locale, t }: Lang,
): string {
  return t('pubReportedOfShare', {
    reported,
    count,
    share: coverageText(share, locale, t),
  });
}

/**
 * The figures as a definition list, evidence-backed percent first; `<id>-percent`, `<id>-coverage` etc. carry
 * the raw value. A theme's, agency's or plan's coverage counts commitments, with the milestones beside it.
 */
export function progressFigures(
  id: string,
  progress: CommitmentProgress | Progress,
  lang: Lang,
): HTMLDListElement {
  const { locale, t } = lang;
  const aggregate = 'commitmentCount' in progress && progress.commitmentCount !== null;
  const figure = (label: string, suffix: string, value: string | number | null, text: string) => [
    h('dt', {}, label),
    h('dd', { id: `${id}-${suffix}`, 'data-value': String(value ?? '') }, text),
  ];
  return h(
    'dl',
    { class: 'figures' },
    ...figure(
      t('pubPercent'),
      'percent',
      progress.percent,
      percentText(progress.percent, locale, t),
    ),
    ...figure(
      t('pubReportedPercent'),
      'reported-percent',
      progress.reportedPercent,
      percentText(progress.reportedPercent, locale, t),
    ),
    ...(aggregate
      ? figure(
          t('pubCommitmentsReported'),
          'coverage',
          progress.coverage,
          reportedText(
            progress.reportedCount ?? 0,
            progress.commitmentCount ?? 0,
            progress.coverage,
            lang,
          ),
        )
      : figure(
          t('pubCoverage'),
          'coverage',
          progress.coverage,
          coverageText(progress.coverage, locale, t),
        )),
    ...figure(
      t('pubMilestonesReported'),
      'milestones-reported',
      progress.reportedMilestoneCount,
      reportedText(
        progress.reportedMilestoneCount,
        progress.milestoneCount,
        'milestoneCoverage' in progress ? progress.milestoneCoverage : progress.coverage,
        lang,
      ),
    ),
    ...figure(
      t('pubCompletion'),
      'completion',
      progress.completion,
      completionText(progress.completion, locale),
    ),
  );
}

/** A theme's, agency's or plan's headline: counts first, then the percent with its coverage. */
export function aggregateHeadline(progress: Progress, locale: Locale): string {
  return progressHeadline(
    {
      percent: progress.percent,
      commitmentCount: progress.commitmentCount ?? 0,
      reportedCount: progress.reportedCount ?? 0,
      completionCounts: Object.fromEntries(
        COMPLETION_ORDER.map((level) => [level, countOf(progress.completionCounts, level)]),
      ),
    },
    locale,
  );
}

/** The calculation with its numbers, and the rules in words behind a disclosure. */
export function formulaAndRules(id: string, formula: string, { locale, t }: Lang): HTMLElement[] {
  return [
    h(
      'p',
      { class: 'formula' },
      `${t('pubFormula')}: `,
      h('span', { id: `${id}-formula` }, formula),
    ),
    h('details', {}, h('summary', {}, t('pubRulesInWords')), h('p', {}, ROLL_UP_RULES[locale])),
  ];
}

/**
 * The "progress" section of a theme or agency: heading `<id>-progress-heading`, the headline (`<id>-headline`,
 * counts first), the figures, the calculation (`<id>-formula`) and, when there is progress, the number of
 * commitments at each completion level (table `<id>-levels`).
 */
export function showOverallProgress(
  section: HTMLElement,
  id: string,
  progress: Progress | null,
  text: { headline: string; formula: string | null },
  lang: Lang,
): void {
  const { locale, t } = lang;
  const figures: Progress = progress ?? {
    percent: null,
    reportedPercent: null,
    coverage: null,
    milestoneCoverage: null,
    completion: Completion.NO_EVIDENCE,
    milestoneCount: 0,
    reportedMilestoneCount: 0,
    commitmentCount: 0,
    reportedCount: 0,
    completionCounts: [],
  };
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
    h('p', { class: 'summary headline', id: `${id}-headline` }, text.headline),
    progressFigures(id, figures, lang),
    ...(text.formula === null ? [] : formulaAndRules(id, text.formula, lang)),
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
  const noData = rows.filter((row) => row.progress.completion === Completion.NO_EVIDENCE).length;
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
