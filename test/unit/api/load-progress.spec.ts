import { LoadProgress } from '../../../apps/api/src/cli/load-progress';

/** A stream that keeps what is written to it. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (text: string) => written.push(text) };
}

/** A load of 4 agencies, 2 themes and 1,000 commitment rows, told as the loader tells it. */
function load(progress: LoadProgress, tick: () => void) {
  const stages = [
    ['agencies', 4, 1],
    ['themes', 2, 1],
    ['commitments', 1000, 10],
  ] as const;
  for (const [stage, total, step] of stages) {
    progress.update({ stage, done: 0, total });
    for (let done = step; done <= total; done += step) {
      tick();
      progress.update({ stage, done, total });
    }
  }
}

describe('the plan loader progress bar (npm run plan:load)', () => {
  it('on a terminal redraws one line, at most every 100 ms, and clears it at the end', () => {
    const out = stream(true);
    let now = 0;
    const progress = new LoadProgress(out, () => now);
    load(progress, () => (now += 30));
    progress.finish();
    expect(out.written.every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    // 100 commitment steps of 30 ms: redrawn about every fourth, plus each stage's start and end.
    expect(out.written.length).toBeGreaterThan(20);
    expect(out.written.length).toBeLessThan(60);
    expect(out.written).toContainEqual(
      expect.stringContaining('[########################] 100% themes: 2/2 rows'),
    );
    expect(out.written).toContainEqual(
      expect.stringContaining('[############------------]  48% commitments: 480/1,000 rows'),
    );
    expect(out.written.at(-2)).toContain('100% commitments');
    expect(out.written.at(-1)).toBe('\r\x1b[K');
  });

  it('elsewhere writes a plain line for each short stage done, and per quarter of the commitments', () => {
    const out = stream(false);
    const progress = new LoadProgress(out);
    load(progress, () => undefined);
    progress.finish();
    expect(out.written).toEqual([
      'Loading agencies: 100% (4 of 4 rows)\n',
      'Loading themes: 100% (2 of 2 rows)\n',
      'Loading commitments (with milestones, history, assessments): 25% (250 of 1,000 rows)\n',
      'Loading commitments (with milestones, history, assessments): 50% (500 of 1,000 rows)\n',
      'Loading commitments (with milestones, history, assessments): 75% (750 of 1,000 rows)\n',
      'Loading commitments (with milestones, history, assessments): 100% (1,000 of 1,000 rows)\n',
    ]);
  });
});
