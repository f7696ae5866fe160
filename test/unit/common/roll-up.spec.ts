import {
  Completion,
  MilestoneStatus,
  aggregatePercent,
  aggregateProgress,
  commitmentProgress,
  completionOf,
  milestonePercent,
} from '@ogp/common';
import { cancelled, completed, inProgress, neverReported, notStarted } from './roll-up.fixtures';

describe('milestonePercent', () => {
  it.each([
    ['COMPLETED', completed(), 100],
    ['NOT_STARTED', notStarted(), 0],
    ['IN_PROGRESS 0', inProgress(0), 0],
    ['IN_PROGRESS 99', inProgress(99), 99],
  ])('%s counts %p', (_label, milestone, expected) => {
    expect(milestonePercent(milestone)).toBe(expected);
  });

  it('gives no percent for cancelled, never reported and in progress without a figure', () => {
    expect(milestonePercent(cancelled())).toBeNull();
    expect(milestonePercent(neverReported())).toBeNull();
    expect(milestonePercent(inProgress(null))).toBeNull();
  });

  it('refuses an in-progress percent that is not a whole number from 0 to 99', () => {
    for (const percent of [100, -1, NaN, 40.5]) {
      expect(() =>
        milestonePercent({ status: MilestoneStatus.IN_PROGRESS, progressPercent: percent }),
      ).toThrow(
        `An IN_PROGRESS milestone's progressPercent must be a whole number 0 to 99, got ${percent}`,
      );
    }
  });
});

describe('completionOf', () => {
  it.each([
    [null, Completion.NO_EVIDENCE],
    [0, Completion.NOT_STARTED],
    [0.1, Completion.LIMITED],
    [49.9, Completion.LIMITED],
    [50, Completion.SUBSTANTIAL],
    [99.9, Completion.SUBSTANTIAL],
    [100, Completion.COMPLETE],
  ])('%p is %s on the IRM scale', (percent, expected) => {
    expect(completionOf(percent)).toBe(expected);
  });

  it('refuses a percent outside 0-100', () => {
    expect(() => completionOf(100.1)).toThrow('A percent must be 0 to 100, got 100.1');
  });
});

describe('commitmentProgress', () => {
  it('counts unreported work as nothing: (1 x 100 + 2 x 40) / 4 = 45.0, the reported mean 60.0', () => {
    // The cancelled milestone is left out of every figure; the unreported one adds nothing but counts in
    // the weight: 3 of 4 weight reported, 2 of 3 milestones.
    expect(
      commitmentProgress([completed(1), inProgress(40, 2), cancelled(1), neverReported(1)]),
    ).toEqual({
      percent: 45,
      reportedPercent: 60,
      coverage: 0.75,
      milestoneCoverage: 0.75,
      completion: Completion.LIMITED,
      milestoneCount: 3,
      reportedMilestoneCount: 2,
      weight: 4,
      reportedWeight: 3,
    });
  });

  it('gives one completed milestone of three 33.3 %, LIMITED, not "Complete, 100 %"', () => {
    expect(commitmentProgress([neverReported(), neverReported(), completed()])).toMatchObject({
      percent: 33.3,
      reportedPercent: 100,
      coverage: 0.333,
      completion: Completion.LIMITED,
      milestoneCount: 3,
      reportedMilestoneCount: 1,
    });
  });

  it('shows no data, never 0 %, when nothing is reported', () => {
    expect(commitmentProgress([neverReported(), neverReported(2)])).toMatchObject({
      percent: null,
      reportedPercent: null,
      coverage: 0,
      completion: Completion.NO_EVIDENCE,
      milestoneCount: 2,
      reportedMilestoneCount: 0,
    });
  });

  it('has no coverage without milestones, or with every one cancelled', () => {
    for (const milestones of [[], [cancelled(), cancelled(3)]]) {
      expect(commitmentProgress(milestones)).toMatchObject({
        percent: null,
        coverage: null,
        completion: Completion.NO_EVIDENCE,
        milestoneCount: 0,
      });
    }
  });

  it('leaves cancelled milestones out of every figure', () => {
    const without = commitmentProgress([completed(), inProgress(20, 3)]);
    const withCancelled = commitmentProgress([completed(), cancelled(5), inProgress(20, 3)]);
    expect(withCancelled).toEqual(without);
  });

  it('rounds half up to one decimal: 1 x 1 % of 20 weight is 0.05, shown 0.1', () => {
    expect(commitmentProgress([inProgress(1, 1), notStarted(19)])).toMatchObject({
      percent: 0.1,
      reportedPercent: 0.1,
      completion: Completion.LIMITED,
    });
    // Two of three completed: 66.666... is 66.7, not cut to 66.6.
    expect(commitmentProgress([completed(), completed(), notStarted()]).percent).toBe(66.7);
  });

  it('rounds coverage half up to three decimals: 2 of 3 is 0.667, 1 of 2000 is 0.001', () => {
    expect(commitmentProgress([completed(), completed(), neverReported()]).coverage).toBe(0.667);
    // 100 / 2000 = 0.05 % shown 0.1; coverage 0.0005 shown 0.001.
    expect(commitmentProgress([completed(1), neverReported(1999)])).toMatchObject({
      percent: 0.1,
      coverage: 0.001,
    });
  });

  it('counts an in-progress report without a percent as reported, adding nothing', () => {
    // Reported, and so covered, but no figure: no data rather than 0 %, and at least LIMITED.
    expect(commitmentProgress([inProgress(null), neverReported()])).toMatchObject({
      percent: null,
      reportedPercent: null,
      coverage: 0.5,
      completion: Completion.LIMITED,
      reportedMilestoneCount: 1,
    });
    // Beside a completed milestone it adds nothing to the sum: 100 / 2 = 50.
    expect(commitmentProgress([completed(), inProgress(null)])).toMatchObject({
      percent: 50,
      reportedPercent: 100,
      coverage: 1,
      completion: Completion.SUBSTANTIAL,
    });
    // Beside a milestone not started: 0 %, yet LIMITED, since work is under way.
    expect(commitmentProgress([notStarted(), inProgress(null)])).toMatchObject({
      percent: 0,
      completion: Completion.LIMITED,
    });
  });

  it('is NOT_STARTED when everything reported is not started, LIMITED once anything is in progress', () => {
    expect(commitmentProgress([notStarted(), notStarted(2)]).completion).toBe(
      Completion.NOT_STARTED,
    );
    expect(commitmentProgress([notStarted(), inProgress(0)])).toMatchObject({
      percent: 0,
      completion: Completion.LIMITED,
    });
  });

  it('is COMPLETE only when every non-cancelled milestone is reported COMPLETED', () => {
    expect(commitmentProgress([completed(), completed(2), cancelled()]).completion).toBe(
      Completion.COMPLETE,
    );
    expect(commitmentProgress([completed(), neverReported()]).completion).toBe(
      Completion.SUBSTANTIAL,
    );
    // (1 x 99 + 19 x 100) / 20 = 99.95: shown 100.0 after rounding, yet one milestone is not done.
    expect(commitmentProgress([inProgress(99, 1), completed(19)])).toMatchObject({
      percent: 100,
      completion: Completion.SUBSTANTIAL,
    });
  });

  it('is exact with weights binary floating point cannot hold (0.1 + 0.2)', () => {
    expect(commitmentProgress([completed(0.1), completed(0.2)])).toMatchObject({
      percent: 100,
      coverage: 1,
      completion: Completion.COMPLETE,
      weight: 0.3,
    });
    // (0.5 x 100 + 3 x 99) / 3.5 = 99.142...
    expect(commitmentProgress([completed(0.5), inProgress(99, 3)]).percent).toBe(99.1);
  });

  it('refuses a weight that is not positive', () => {
    expect(() => commitmentProgress([completed(0)])).toThrow(
      "A milestone's weight must be a positive number, got 0",
    );
    expect(() => commitmentProgress([completed(-1)])).toThrow(RangeError);
  });

  it('refuses a milestone status it does not know', () => {
    expect(() =>
      commitmentProgress([{ status: 'DONE' as MilestoneStatus, progressPercent: 100, weight: 1 }]),
    ).toThrow('Unknown milestone status DONE');
  });
});

describe('aggregateProgress', () => {
  const dk0052 = commitmentProgress([neverReported(), neverReported(), completed()]); // 33.3
  const done = commitmentProgress([completed(), completed()]); // 100, COMPLETE
  const untouched = commitmentProgress([neverReported(), neverReported()]); // no data
  const underWay = commitmentProgress([inProgress(null)]); // reported, no percent
  const half = commitmentProgress([completed(), neverReported()]); // 50

  it('counts commitments per level first, and sums their percents over all of them', () => {
    // (33.3 + 100 + 50) / 5 = 36.66 -> 36.7; the two without a percent add nothing.
    expect(aggregateProgress([dk0052, done, untouched, underWay, half])).toEqual({
      percent: 36.7,
      reportedPercent: 61.1, // (33.3 + 100 + 50) / 3
      coverage: 0.8, // 4 of 5 commitments reported (the one without a percent too)
      milestoneCoverage: 0.5, // 5 of 10 milestones
      completion: Completion.LIMITED,
      milestoneCount: 10,
      reportedMilestoneCount: 5,
      commitmentCount: 5,
      reportedCount: 4,
      completionCounts: {
        NO_EVIDENCE: 1,
        NOT_STARTED: 0,
        LIMITED: 2,
        SUBSTANTIAL: 1,
        COMPLETE: 1,
      },
    });
  });

  it('has no figures without commitments', () => {
    expect(aggregateProgress([])).toMatchObject({
      percent: null,
      coverage: null,
      milestoneCoverage: null,
      completion: Completion.NO_EVIDENCE,
      commitmentCount: 0,
    });
  });

  it('shows no data, not 0 %, when no commitment has a percent, yet counts the reported ones', () => {
    expect(aggregateProgress([untouched, underWay])).toMatchObject({
      percent: null,
      coverage: 0.5,
      completion: Completion.LIMITED,
      reportedCount: 1,
    });
    expect(aggregateProgress([untouched, untouched]).completion).toBe(Completion.NO_EVIDENCE);
  });

  it('rounds the mean half up to one decimal, from the shown commitment percents', () => {
    expect(aggregatePercent([0.1, 0])).toBe(0.1); // 0.05
    expect(aggregatePercent([66.7, 66.7, 66.6])).toBe(66.7); // 66.666...
    expect(aggregatePercent([0, 0, 66.3])).toBe(22.1);
    expect(aggregatePercent([0, 2.1, 6])).toBe(2.7);
    expect(aggregatePercent([49.9, 50, null])).toBe(33.3); // 99.9 / 3
    expect(aggregatePercent([null, null])).toBeNull();
  });

  it('rounds coverage half up: 1 of 3 commitments is 0.333, 2 of 3 is 0.667', () => {
    expect(aggregateProgress([done, untouched, untouched]).coverage).toBe(0.333);
    expect(aggregateProgress([done, done, untouched]).coverage).toBe(0.667);
  });

  it('is COMPLETE only when every commitment is, even when the mean shows 100.0', () => {
    const nearly = commitmentProgress([inProgress(99, 1), completed(19)]); // 100.0 shown, SUBSTANTIAL
    expect(aggregateProgress([done, nearly])).toMatchObject({
      percent: 100,
      completion: Completion.SUBSTANTIAL,
    });
    expect(aggregateProgress([done, done]).completion).toBe(Completion.COMPLETE);
  });

  it('keeps LIMITED for a plan whose only progress is under 0.05 %, shown 0.0', () => {
    const tiny = commitmentProgress([inProgress(1, 1), notStarted(99)]); // 0.01 % -> 0.0, LIMITED
    expect(aggregateProgress([tiny, untouched])).toMatchObject({
      percent: 0,
      completion: Completion.LIMITED,
    });
  });

  it('copes with a very large plan', () => {
    const progress = aggregateProgress(new Array(200_000).fill(half));
    expect(progress.percent).toBe(50);
    expect(progress.completionCounts.SUBSTANTIAL).toBe(200_000);
  });

  it('refuses a commitment percent outside 0-100', () => {
    expect(() => aggregateProgress([{ ...half, percent: 120 }])).toThrow(RangeError);
  });
});
