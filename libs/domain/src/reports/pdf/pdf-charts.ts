import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Completion, COMPLETION_COLOURS, COMPLETION_LABELS, type Locale } from '@ogp/common';
import { Chart, registerables, type ChartConfiguration, type ChartItem } from 'chart.js';
import type { Progress, TimelinePointRow } from '../../dashboards';
import type { Theme } from '../../themes';
import { localized } from '../report-cells';
import { FONT_FILES } from './pdf-layout';

// The overview charts, drawn on the server by chart.js onto a Skia canvas and embedded as PNG: the same two
// the dashboard's overview shows (completion levels per theme, the burn-up of planned vs completed milestones).

Chart.register(...registerables);
const CHART_FONT = 'DejaVu Sans';
GlobalFonts.registerFromPath(FONT_FILES.regular, CHART_FONT);
Chart.defaults.font.family = CHART_FONT;
Chart.defaults.font.size = 10;

/** The stacks' order, from no data to complete, as on the dashboard. */
export const COMPLETION_ORDER: readonly Completion[] = [
  Completion.NO_EVIDENCE,
  Completion.NOT_STARTED,
  Completion.LIMITED,
  Completion.SUBSTANTIAL,
  Completion.COMPLETE,
];

/** Canvas pixels per PDF point: sharp in print without a heavy file. */
const SCALE = 2.5;

export interface ChartImage {
  png: Buffer;
  /** Size in PDF points. */
  width: number;
  height: number;
}

/** Draws one chart.js configuration and gives it back as PNG. */
function draw(config: ChartConfiguration, width: number, height: number): ChartImage {
  const canvas = createCanvas(Math.round(width * SCALE), Math.round(height * SCALE));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // The server's canvas draws what chart.js asks of a browser's 2D context, short of focus rings: with the DOM
  // typings (the browser tests' type check includes libs) the types differ, without them they agree.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const chart = new Chart(context as unknown as ChartItem, {
    ...config,
    options: {
      ...config.options,
      animation: false,
      responsive: false,
      devicePixelRatio: SCALE,
    },
  });
  // The canvas is sized in device pixels; chart.js lays out in CSS pixels (points here).
  chart.resize(width, height);
  chart.draw();
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return { png, width, height };
}

export const countOf = (progress: Progress, level: Completion): number =>
  progress.completionCounts?.find((entry) => entry.completion === level)?.count ?? 0;

export const themeLabel = (theme: Theme, locale: Locale): string =>
  `${theme.number}. ${localized(theme.title, locale) ?? ''}`;

/** Completion levels per theme: one bar per theme, its commitments stacked by level. */
export function completionByThemeChart(
  rows: { theme: Theme; progress: Progress }[],
  locale: Locale,
  axisLabel: string,
  width: number,
): ChartImage {
  const height = Math.max(160, 90 + rows.length * 36);
  return draw(
    {
      type: 'bar',
      data: {
        labels: rows.map(({ theme }) => wrap(themeLabel(theme, locale), 38)),
        datasets: COMPLETION_ORDER.map((level) => ({
          label: COMPLETION_LABELS[level][locale],
          data: rows.map(({ progress }) => countOf(progress, level)),
          backgroundColor: COMPLETION_COLOURS[level],
          borderColor: '#ffffff',
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            ticks: { precision: 0 },
            title: { display: true, text: axisLabel },
          },
          // Every theme named, however many.
          y: { stacked: true, ticks: { autoSkip: false } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    width,
    height,
  );
}

/** The burn-up: milestones planned to end by each month against those completed by then. */
export function timelineChart(
  points: TimelinePointRow[],
  labels: { planned: string; completed: string },
  width: number,
): ChartImage {
  return draw(
    {
      type: 'line',
      data: {
        labels: points.map((point) => point.month),
        datasets: [
          {
            label: labels.planned,
            data: points.map((point) => point.plannedCumulative),
            borderColor: COMPLETION_COLOURS[Completion.SUBSTANTIAL],
            backgroundColor: COMPLETION_COLOURS[Completion.SUBSTANTIAL],
            borderDash: [6, 4],
            pointStyle: 'rect',
          },
          {
            label: labels.completed,
            data: points.map((point) => point.completedCumulative),
            borderColor: COMPLETION_COLOURS[Completion.COMPLETE],
            backgroundColor: COMPLETION_COLOURS[Completion.COMPLETE],
            pointStyle: 'circle',
          },
        ],
      },
      options: {
        // Points only while they can be told apart.
        elements: { point: { radius: points.length > 24 ? 0 : 3 } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    width,
    220,
  );
}

/** A long axis label as lines of at most `max` characters (chart.js draws an array as lines). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
