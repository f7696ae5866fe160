import type { ChartConfiguration } from 'chart.js';
import { Chart } from './registry';

/** One chart on a canvas: created once, updated in place, destroyed on teardown. */
export class ChartView {
  private chart: Chart | null = null;
  private type: string | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  mount(config: ChartConfiguration): void {
    this.destroy();
    this.chart = new Chart(this.canvas, config);
    this.type = config.type;
  }

  /** Swaps data and options without re-creating the chart (the type must stay the same). */
  update(config: ChartConfiguration): void {
    if (!this.chart || this.type !== config.type) {
      this.mount(config);
      return;
    }
    this.chart.data = config.data;
    if (config.options) this.chart.options = config.options;
    this.chart.update();
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
    this.type = null;
  }
}
