import type { PlanLoadProgress } from '@ogp/domain';

/** Where the progress goes: stderr, which may or may not be a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const STAGE_NAMES: Record<PlanLoadProgress['stage'], string> = {
  agencies: 'agencies',
  themes: 'themes',
  commitments: 'commitments (with milestones, history, assessments)',
};
const BAR_WIDTH = 24;
const REDRAW_MS = 100;

const count = (n: number) => n.toLocaleString('en');

/**
 * A loader's progress on stderr: on a terminal one line redrawn in place (a bar, the stage, its rows), cleared
 * when the load is done; elsewhere (a log, a pipe) a plain line when agencies and themes are done and at each
 * quarter of the commitments, so a log shows how far a long load came without a line per row.
 */
export class LoadProgress {
  private lastDraw = 0;
  private drawn = false;
  private readonly quarters = new Map<string, number>();

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {}

  readonly update = (progress: PlanLoadProgress): void => {
    if (this.stream.isTTY) this.redraw(progress);
    else this.plain(progress);
  };

  /** Leaves the terminal's line clean for what is printed next. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  private redraw({ stage, done, total }: PlanLoadProgress): void {
    const finished = done >= total;
    if (!finished && done > 0 && this.now() - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = this.now();
    const share = total === 0 ? 1 : Math.min(done / total, 1);
    const filled = Math.round(share * BAR_WIDTH);
    const line =
      `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
      `${stage}: ${count(done)}/${count(total)} rows`;
    const width = (this.stream.columns ?? 80) - 1;
    this.stream.write(`\r${line.length > width ? line.slice(0, width) : line}\x1b[K`);
    this.drawn = true;
  }

  private plain({ stage, done, total }: PlanLoadProgress): void {
    const quarter = total === 0 ? 4 : Math.floor((Math.min(done, total) / total) * 4);
    // The short stages once, when done; the long one at each quarter.
    if (stage !== 'commitments' && quarter < 4) return;
    if (quarter === 0 || (this.quarters.get(stage) ?? 0) >= quarter) return;
    this.quarters.set(stage, quarter);
    this.stream.write(
      `Loading ${STAGE_NAMES[stage]}: ${quarter * 25}% (${count(done)} of ${count(total)} rows)\n`,
    );
  }
}
