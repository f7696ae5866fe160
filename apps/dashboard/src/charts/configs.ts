import type { ChartConfiguration } from 'chart.js';
import { Completion, COMPLETION_COLOURS, COMPLETION_LABELS, type Locale } from '@ogp/common';
import { localized, type DashboardData } from '../api/dashboard';

// Pure builders: data in, chart.js configuration out, so they can be tested without a canvas.

/** Completion levels from "no data" to complete, the order of the stacks and the table columns. */
export const COMPLETION_ORDER: readonly Completion[] = [
  Completion.NO_EVIDENCE,
  Completion.NOT_STARTED,
  Completion.LIMITED,
  Completion.SUBSTANTIAL,
  Completion.COMPLETE,
];

const common = { animation: false, responsive: true, maintainAspectRatio: false } as const;

export function countOf(
  counts: DashboardData['overall']['completionCounts'],
  completion: Completion,
): number {
  return counts?.find((entry) => entry.completion === completion)?.count ?? 0;
}

export function themeCompletionChart(
  data: DashboardData,
  locale: Locale,
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: data.byTheme.map((row) => localized(row.theme.title, locale)),
      datasets: COMPLETION_ORDER.map((completion) => ({
        label: COMPLETION_LABELS[completion][locale],
        data: data.byTheme.map((row) => countOf(row.progress.completionCounts, completion)),
        backgroundColor: COMPLETION_COLOURS[completion],
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    },
    options: {
      ...common,
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

export function agencyProgressChart(
  data: DashboardData,
  locale: Locale,
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: data.byAgency.map(
        (row) => row.agency.abbreviation ?? localized(row.agency.name, locale),
      ),
      datasets: [
        {
          label: axisLabel,
          // null, not 0: an agency with no reported progress gets no bar (the table says "no data").
          data: data.byAgency.map((row) => row.progress.percent),
          backgroundColor: data.byAgency.map((row) => COMPLETION_COLOURS[row.progress.completion]),
        },
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { min: 0, max: 100, title: { display: true, text: axisLabel } } },
    },
  };
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
    options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}
