import type { ChartConfiguration, Scale, TooltipItem } from 'chart.js';
import { TIMELINE_COLOURS, type Locale } from '@ogp/common';
import type { Progress } from '../api/dashboard';
import { dayEnd, dayStart, type PartialDateLike } from '../components/partial-date';
import { CHART_COMMON, completionStackChart, percentBarChart, type PercentBar } from './configs';

// Pure builders for the plan list, theme, agency and commitment pages: data in, chart.js configuration out.

/** Splits a long label into lines of about `width` characters (chart.js draws an array as lines). */
export function wrapLabel(text: string, width = 32): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface PlanBar {
  label: string;
  progress: Pick<Progress, 'completionCounts'>;
}

/** Plans side by side: their commitments stacked by completion level, one bar per plan. */
export function planComparisonChart(
  plans: readonly PlanBar[],
  locale: Locale,
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return completionStackChart(
    plans.map((plan) => ({ label: wrapLabel(plan.label), counts: plan.progress.completionCounts })),
    locale,
    axisLabel,
  );
}

export type CommitmentBar = PercentBar;

/** One bar per commitment: its computed percent; none (not 0) where nothing was reported. */
export function commitmentProgressChart(
  rows: readonly CommitmentBar[],
  axisLabel: string,
): ChartConfiguration<'bar'> {
  return percentBarChart(rows, axisLabel);
}

export interface TimelineMilestone {
  label: string;
  plannedStart: PartialDateLike | null;
  plannedEnd: PartialDateLike | null;
  actualStart: PartialDateLike | null;
  actualEnd: PartialDateLike | null;
}

export type Range = [number, number];

/**
 * The span a pair of partial dates covers, from the first day of the start's period to the last day of the end's
 * ("2018-H1" to "2018-Q3" is 1 January to 30 September 2018). Null when either end is unknown: no bar is invented.
 */
export function dateRange(
  start: PartialDateLike | null,
  end: PartialDateLike | null,
): Range | null {
  if (!start || !end) return null;
  return [dayStart(start.start), dayEnd(end.end)];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Tick positions: 1 January and 1 July of each year in [min, max], or only 1 January over long spans. */
export function halfYearTicks(min: number, max: number): number[] {
  const from = new Date(min).getUTCFullYear();
  const to = new Date(max).getUTCFullYear();
  const months = to - from > 5 ? [0] : [0, 6];
  const ticks: number[] = [];
  for (let year = from; year <= to + 1; year++) {
    for (const month of months) {
      const at = Date.UTC(year, month, 1);
      if (at >= min && at <= max) ticks.push(at);
    }
  }
  return ticks;
}

export interface TimelineText {
  planned: string;
  actual: string;
  /** The range as words (tooltips), e.g. "first half of 2018 – Q3 2018". */
  describe: (start: PartialDateLike, end: PartialDateLike) => string;
}

/** Planned and actual start-to-end of each milestone as floating bars on a time axis. */
export function milestoneTimelineChart(
  milestones: readonly TimelineMilestone[],
  locale: Locale,
  text: TimelineText,
): ChartConfiguration<'bar'> {
  const planned = milestones.map((m) => dateRange(m.plannedStart, m.plannedEnd));
  const actual = milestones.map((m) => dateRange(m.actualStart, m.actualEnd));
  const edges = [...planned, ...actual].flatMap((range) => range ?? []);
  // Whole half years around the bars, so the first and last ticks frame them.
  const first = edges.length ? new Date(Math.min(...edges)) : null;
  const min = first
    ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth() < 6 ? 0 : 6, 1)
    : undefined;
  const last = edges.length ? new Date(Math.max(...edges) - DAY_MS) : null;
  const max = last
    ? Date.UTC(last.getUTCFullYear(), last.getUTCMonth() < 6 ? 6 : 12, 1)
    : undefined;
  const monthYear = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const words = (kind: 'planned' | 'actual', index: number): string => {
    const m = milestones[index];
    const [start, end] =
      kind === 'planned' ? [m.plannedStart, m.plannedEnd] : [m.actualStart, m.actualEnd];
    return start && end ? text.describe(start, end) : '';
  };
  return {
    type: 'bar',
    data: {
      labels: milestones.map((m) => wrapLabel(m.label, 40)),
      datasets: [
        {
          label: text.planned,
          data: planned,
          // The outline carries the 3:1 contrast; the fill is light so the actual bar stands out on top.
          backgroundColor: `${TIMELINE_COLOURS.planned}40`,
          borderColor: TIMELINE_COLOURS.planned,
          borderWidth: 2,
          borderSkipped: false,
          minBarLength: 3,
        },
        {
          label: text.actual,
          data: actual,
          backgroundColor: TIMELINE_COLOURS.actual,
          borderColor: TIMELINE_COLOURS.actual,
          borderWidth: 2,
          borderSkipped: false,
          minBarLength: 3,
        },
      ],
    },
    options: {
      ...CHART_COMMON,
      indexAxis: 'y',
      plugins: {
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              `${item.dataset.label ?? ''}: ${words(item.datasetIndex === 0 ? 'planned' : 'actual', item.dataIndex)}`,
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min,
          max,
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = halfYearTicks(scale.min, scale.max).map((value) => ({ value }));
          },
          ticks: {
            callback: (value: string | number) => monthYear.format(new Date(Number(value))),
          },
        },
        y: { ticks: { autoSkip: false } },
      },
    },
  };
}
