import type { ChartConfiguration } from 'chart.js';
import { Completion, COMPLETION_COLOURS, COMPLETION_LABELS, type Locale } from '@ogp/common';
import { localized, type DashboardData, type Progress } from '../api/dashboard';

// Pure builders: data in, chart.js configuration out, so they can be tested without a canvas.

/** Completion levels from "no data" to complete, the order of the stacks and the table columns. */
export const COMPLETION_ORDER: readonly Completion[] = [
  Completion.NO_EVIDENCE,
  Completion.NOT_STARTED,
  Completion.LIMITED,
  Completion.SUBSTANTIAL,
  Completion.COMPLETE,
];

/** Settings every chart shares: drawn at once (no animation), sized by its container. */
export const CHART_COMMON = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
} as const;

export function countOf(
  counts: DashboardData['overall']['completionCounts'],
  completion: Completion,
): number {
  return counts?.find((entry) => entry.completion === completion)?.count ?? 0;
}

export interface StackBar {
  /** An array is drawn as lines. */
  label: string | string[];
  counts: Progress['completionCounts'];
}

/** One bar per row (theme, plan): its commitments stacked by completion level. */
export function completionStackChart(
  rows: readonly StackBar[],
  locale: Locale,
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: COMPLETION_ORDER.map((completion) => ({
        label: COMPLETION_LABELS[completion][locale],
        data: rows.map((row) => countOf(row.counts, completion)),
        backgroundColor: COMPLETION_COLOURS[completion],
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    },
    options: {
      ...CHART_COMMON,
      indexAxis: 'y',
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: axisLabel },
        },
        y: { stacked: true },
      },
    },
  };
}

export interface PercentBar {
  label: string;
  percent: number | null;
  completion: Completion;
}

/** One bar per row (agency, commitment): its percent, coloured by its completion level. */
export function percentBarChart(
  rows: readonly PercentBar[],
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        {
          label: axisLabel,
          // null, not 0: a row with no reported progress gets no bar (the table says "no data").
          data: rows.map((row) => row.percent),
          backgroundColor: rows.map((row) => COMPLETION_COLOURS[row.completion]),
        },
      ],
    },
    options: {
      ...CHART_COMMON,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { min: 0, max: 100, title: { display: true, text: axisLabel } } },
    },
  };
}

export function themeCompletionChart(
  data: DashboardData,
  locale: Locale,
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return completionStackChart(
    data.byTheme.map((row) => ({
      label: localized(row.theme.title, locale),
      counts: row.progress.completionCounts,
    })),
    locale,
    axisLabel,
  );
}

export function agencyProgressChart(
  data: DashboardData,
  locale: Locale,
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return percentBarChart(
    data.byAgency.map((row) => ({
      label: row.agency.abbreviation ?? localized(row.agency.name, locale),
      percent: row.progress.percent,
      completion: row.progress.completion,
    })),
    axisLabel,
  );
}

export function burnUpChart(
  data: DashboardData,
  plannedLabel: string,
  completedLabel: string,
): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: data.timeline.map((point) => point.month),
      datasets: [
        {
          label: plannedLabel,
          data: data.timeline.map((point) => point.plannedCumulative),
          borderColor: COMPLETION_COLOURS[Completion.SUBSTANTIAL],
          backgroundColor: COMPLETION_COLOURS[Completion.SUBSTANTIAL],
          borderDash: [6, 4],
          pointStyle: 'rect',
        },
        {
          label: completedLabel,
          data: data.timeline.map((point) => point.completedCumulative),
          borderColor: COMPLETION_COLOURS[Completion.COMPLETE],
          backgroundColor: COMPLETION_COLOURS[Completion.COMPLETE],
          pointStyle: 'circle',
        },
      ],
    },
    options: { ...CHART_COMMON, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}
