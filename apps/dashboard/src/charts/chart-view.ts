import type { ChartConfiguration } from 'chart.js';
import { isLocale, translator, type Translate } from '../i18n';
import { h } from '../dom';
import { movePoint, pointOrder, type PointRef } from './chart-keys';
import { Chart } from './registry';
import '../styles/visually-hidden.css';

/** The page's language, which the app sets on the document before a page renders. */
function pageText(): { t: Translate; numberLocale: string } {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : 'da';
  return { t: translator(locale), numberLocale: locale === 'da' ? 'da-DK' : 'en-GB' };
}

/**
 * One chart on a canvas: created once, updated in place, destroyed on teardown. The canvas takes the keyboard
 * focus; the arrow keys move from point to point, each shown with its tooltip and said in a live region.
 */
export class ChartView {
  private chart: Chart | null = null;
  private type: string | null = null;
  private readonly live = h('p', { class: 'visually-hidden chart-point', 'aria-live': 'polite' });
  private point: number | null = null;
  /** The label the page gave the canvas, and the one with the keys added. */
  private label = { page: '', shown: '' };

  constructor(private readonly canvas: HTMLCanvasElement) {
    // An application: screen readers pass the arrow keys on to it instead of reading on.
    canvas.setAttribute('role', 'application');
    canvas.tabIndex = 0;
    canvas.addEventListener('keydown', (event) => this.onKey(event));
    canvas.addEventListener('blur', () => this.clearPoint());
  }

  mount(config: ChartConfiguration): void {
    this.destroy();
    const { numberLocale } = pageText();
    this.chart = new Chart(this.canvas, {
      ...config,
      options: { ...config.options, locale: numberLocale },
    });
    this.type = config.type;
    this.describe();
  }

  /** Swaps data and options without re-creating the chart (the type must stay the same). */
  update(config: ChartConfiguration): void {
    if (!this.chart || this.type !== config.type) {
      this.mount(config);
      return;
    }
    this.chart.data = config.data;
    if (config.options) this.chart.options = { ...config.options, locale: pageText().numberLocale };
    this.point = null;
    this.live.textContent = '';
    this.chart.update();
    this.describe();
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
    this.type = null;
    this.point = null;
  }

  /** The label says how to use the chart; the live region sits beside the canvas. */
  private describe(): void {
    const current = this.canvas.getAttribute('aria-label') ?? '';
    const page = current === this.label.shown ? this.label.page : current;
    const keys = pageText().t('chartKeys');
    const shown = page ? `${page}. ${keys}` : keys;
    this.canvas.setAttribute('aria-label', shown);
    this.label = { page, shown };
    if (!this.live.isConnected) this.canvas.after(this.live);
  }

  private points(): PointRef[] {
    const chart = this.chart;
    if (!chart) return [];
    const shown = chart.data.datasets
      .map((_, index) => index)
      .filter((index) => chart.isDatasetVisible(index));
    const categories = Math.max(0, ...shown.map((i) => chart.data.datasets[i].data.length));
    return pointOrder(categories, shown);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      this.clearPoint();
      return;
    }
    const points = this.points();
    const next = movePoint(this.point, event.key, points.length);
    if (next === null) return;
    event.preventDefault();
    this.point = next;
    this.showPoint(points[next], next, points.length);
  }

  /** Highlights the point, opens its tooltip, and says it: category, series and value, as the tooltip reads. */
  private showPoint(ref: PointRef, position: number, count: number): void {
    const chart = this.chart;
    if (!chart) return;
    const { t } = pageText();
    const raw = chart.data.datasets[ref.datasetIndex].data[ref.index] as unknown;
    const label = chart.data.labels?.[ref.index] as string | string[] | undefined;
    const category = Array.isArray(label) ? label.join(' ') : String(label ?? '');
    const series = chart.data.datasets[ref.datasetIndex].label ?? '';
    let text: string;
    if (raw === null || raw === undefined) {
      // Nothing drawn there: no tooltip, and "no data" as the table says.
      chart.setActiveElements([]);
      chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
      text = `${category}, ${series}: ${t('noData')}`;
    } else {
      const element = chart.getDatasetMeta(ref.datasetIndex).data[ref.index];
      chart.setActiveElements([ref]);
      chart.tooltip?.setActiveElements([ref], element.tooltipPosition(true));
      const lines = chart.tooltip?.body.flatMap((body) => body.lines) ?? [];
      text = `${category}, ${lines.join('; ') || series}`;
    }
    chart.update();
    this.live.textContent = t('chartPoint', { text, position: position + 1, count });
  }

  private clearPoint(): void {
    this.point = null;
    this.live.textContent = '';
    if (!this.chart) return;
    this.chart.setActiveElements([]);
    this.chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    this.chart.update();
  }
}
