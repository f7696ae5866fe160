import {
  Completion,
  MilestoneStatus,
  ROLL_UP_RULES,
  aggregateProgress,
  commitmentProgress,
  completionOf,
  describeCommitmentProgress,
  milestonePercent,
  type WeightedMilestoneInput,
} from '@ogp/common';

const { NOT_STARTED, IN_PROGRESS, COMPLETED, CANCELLED } = MilestoneStatus;

function milestone(
  status: MilestoneStatus | null,
  progressPercent: number | null = null,
  weight = 1,
): WeightedMilestoneInput {
  return { status, progressPercent, weight };
}

const completed = (weight = 1) => milestone(COMPLETED, 100, weight);
const notStarted = (weight = 1) => milestone(NOT_STARTED, 0, weight);
const inProgress = (percent: number | null, weight = 1) => milestone(IN_PROGRESS, percent, weight);
const cancelled = (weight = 1) => milestone(CANCELLED, null, weight);
const neverReported = (weight = 1) => milestone(null, null, weight);

describe('milestonePercent', () => {
  it.each([
    [COMPLETED, 100, 100],
    [NOT_STARTED, 0, 0],
    [IN_PROGRESS, 0, 0],
    [IN_PROGRESS, 40, 40],
    [IN_PROGRESS, 99, 99],
  ])('%s reported at %s counts as %s', (status, percent, expected) => {
    expect(milestonePercent({ status, progressPercent: percent })).toBe(expected);
  });

  it('leaves out cancelled, never-reported and in-progress-without-a-figure milestones', () => {
    expect(milestonePercent({ status: CANCELLED, progressPercent: null })).toBeNull();
    expect(milestonePercent({ status: null, progressPercent: null })).toBeNull();
    expect(milestonePercent({ status: IN_PROGRESS, progressPercent: null })).toBeNull();
  });

  it('refuses an in-progress percent outside 0-99 instead of skewing the average', () => {
    expect(() => milestonePercent({ status: IN_PROGRESS, progressPercent: 100 })).toThrow(
      'must be 0 to 99, got 100',
    );
    expect(() => milestonePercent({ status: IN_PROGRESS, progressPercent: -1 })).toThrow(
      RangeError,
    );
    expect(() => milestonePercent({ status: IN_PROGRESS, progressPercent: NaN })).toThrow(
      RangeError,
    );
  });
});

describe('completionOf', () => {
  it.each([
    [null, Completion.NO_EVIDENCE],
    [0, Completion.NOT_STARTED],
    [0.01, Completion.LIMITED],
    [49.99, Completion.LIMITED],
    [50, Completion.SUBSTANTIAL],
    [99.99, Completion.SUBSTANTIAL],
    [100, Completion.COMPLETE],
  ])('%s %% is %s', (percent, expected) => {
    expect(completionOf(percent)).toBe(expected);
  });

  it('refuses percents outside 0-100', () => {
    expect(() => completionOf(100.1)).toThrow('A percent must be 0 to 100, got 100.1');
    expect(() => completionOf(-0.1)).toThrow(RangeError);
  });
});

describe('commitmentProgress', () => {
  it('weights the counted milestones and reports the coverage of the non-cancelled weight', () => {
    // (1 x 100 + 2 x 40) / 3 = 60; counted weight 3 of non-cancelled weight 4.
    const progress = commitmentProgress([
      completed(1),
      inProgress(40, 2),
      cancelled(1),
      neverReported(1),
    ]);
    expect(progress).toEqual({ percent: 60, coverage: 0.75, completion: Completion.SUBSTANTIAL });
  });

  it('shows no data, not 0 %, when nothing has been reported', () => {
    expect(commitmentProgress([neverReported(), neverReported(2)])).toEqual({
      percent: null,
      coverage: 0,
      completion: Completion.NO_EVIDENCE,
    });
  });

  it('shows 0 % and NOT_STARTED when the only report is "not started"', () => {
    expect(commitmentProgress([notStarted()])).toEqual({
      percent: 0,
      coverage: 1,
      completion: Completion.NOT_STARTED,
    });
  });

  it('has no coverage at all when every milestone is cancelled', () => {
    expect(commitmentProgress([cancelled(), cancelled(3)])).toEqual({
      percent: null,
      coverage: null,
      completion: Completion.NO_EVIDENCE,
    });
    expect(commitmentProgress([])).toEqual({
      percent: null,
      coverage: null,
      completion: Completion.NO_EVIDENCE,
    });
  });

  it('floors the percent to one decimal: 200 / 3 shows 66.6, not 66.7', () => {
    expect(commitmentProgress([completed(), completed(), notStarted()]).percent).toBe(66.6);
  });

  it('judges completion on the exact value: 49.96 shows 49.9 and is LIMITED', () => {
    // (24 x 50 + 1 x 49) / 25 = 1249 / 25 = 49.96
    expect(commitmentProgress([inProgress(50, 24), inProgress(49, 1)])).toEqual({
      percent: 49.9,
      coverage: 1,
      completion: Completion.LIMITED,
    });
  });

  it('is not COMPLETE until every counted milestone is: 99.96 shows 99.9, SUBSTANTIAL', () => {
    // (24 x 100 + 1 x 99) / 25 = 2499 / 25 = 99.96
    expect(commitmentProgress([completed(24), inProgress(99, 1)])).toEqual({
      percent: 99.9,
      coverage: 1,
      completion: Completion.SUBSTANTIAL,
    });
  });

  it('calls a tiny start LIMITED even though it shows 0.0', () => {
    // (1 x 1 + 19 x 0) / 20 = 0.05
    expect(commitmentProgress([inProgress(1, 1), notStarted(19)])).toEqual({
      percent: 0,
      coverage: 1,
      completion: Completion.LIMITED,
    });
  });

  it('leaves an in-progress milestone with no known percent out of the average but not out of coverage', () => {
    expect(commitmentProgress([completed(), inProgress(null)])).toEqual({
      percent: 100,
      coverage: 0.5,
      completion: Completion.COMPLETE,
    });
  });

  it('floors coverage to three decimals: 2 of 3 weight is 0.666', () => {
    expect(commitmentProgress([completed(), completed(), neverReported()]).coverage).toBe(0.666);
  });

  it('is COMPLETE when every milestone is completed, whatever the weights', () => {
    expect(commitmentProgress([completed(0.1), completed(0.2)])).toEqual({
      percent: 100,
      coverage: 1,
      completion: Completion.COMPLETE,
    });
  });

  it('refuses a weight that is not positive', () => {
    expect(() => commitmentProgress([completed(0)])).toThrow(
      "A milestone's weight must be a positive number, got 0",
    );
    expect(() => commitmentProgress([completed(-1)])).toThrow(RangeError);
  });
});

describe('aggregateProgress', () => {
  it('averages the commitments, each counting once, and counts them by completion level', () => {
    // (100 + 0 + 50) / 3 = 50; 3 of 4 commitments have a percent.
    expect(aggregateProgress([100, 0, null, 50])).toEqual({
      percent: 50,
      coverage: 0.75,
      completion: Completion.SUBSTANTIAL,
      commitmentCount: 4,
      reportedCount: 3,
      completionCounts: {
        NO_EVIDENCE: 1,
        NOT_STARTED: 1,
        LIMITED: 0,
        SUBSTANTIAL: 1,
        COMPLETE: 1,
      },
    });
  });

  it('has no percent and no coverage without commitments', () => {
    expect(aggregateProgress([])).toEqual({
      percent: null,
      coverage: null,
      completion: Completion.NO_EVIDENCE,
      commitmentCount: 0,
      reportedCount: 0,
      completionCounts: { NO_EVIDENCE: 0, NOT_STARTED: 0, LIMITED: 0, SUBSTANTIAL: 0, COMPLETE: 0 },
    });
  });

  it('shows no data, not 0 %, when no commitment has a percent', () => {
    const progress = aggregateProgress([null, null]);
    expect(progress.percent).toBeNull();
    expect(progress.coverage).toBe(0);
    expect(progress.completion).toBe(Completion.NO_EVIDENCE);
    expect(progress.completionCounts.NO_EVIDENCE).toBe(2);
  });

  it('floors the mean to one decimal and judges completion on the exact mean', () => {
    // (49.9 + 50) / 2 = 49.95
    expect(aggregateProgress([49.9, 50])).toMatchObject({
      percent: 49.9,
      completion: Completion.LIMITED,
    });
    // (66.6 + 66.6 + 66.7) / 3 = 66.633...
    expect(aggregateProgress([66.6, 66.6, 66.7]).percent).toBe(66.6);
  });

  it('does not lose a tenth to binary rounding: (0 + 0 + 66.3) / 3 is 22.1', () => {
    expect(aggregateProgress([0, 0, 66.3]).percent).toBe(22.1);
    expect(aggregateProgress([0, 2.1, 6]).percent).toBe(2.7);
  });

  it('floors coverage to three decimals: 1 of 3 commitments is 0.333', () => {
    expect(aggregateProgress([10, null, null]).coverage).toBe(0.333);
  });

  it("takes each commitment's own completion when given its Progress", () => {
    // The first commitment is at 0.05 %: it shows 0.0 but is LIMITED.
    const tinyStart = commitmentProgress([inProgress(1, 1), notStarted(19)]);
    const untouched = commitmentProgress([notStarted()]);
    const progress = aggregateProgress([tinyStart, untouched]);
    expect(progress.percent).toBe(0);
    expect(progress.completionCounts).toEqual({
      NO_EVIDENCE: 0,
      NOT_STARTED: 1,
      LIMITED: 1,
      SUBSTANTIAL: 0,
      COMPLETE: 0,
    });
  });

  it('copes with a very large plan (no argument-spread limits)', () => {
    const progress = aggregateProgress(new Array<number>(200_000).fill(50));
    expect(progress.percent).toBe(50);
    expect(progress.completionCounts.SUBSTANTIAL).toBe(200_000);
  });

  it('refuses a commitment percent outside 0-100', () => {
    expect(() => aggregateProgress([50, 120])).toThrow(RangeError);
  });
});

describe('describeCommitmentProgress', () => {
  const example = [completed(1), inProgress(40, 2), cancelled(1), neverReported(1)];

  it('fills the formula with the numbers, in English', () => {
    expect(describeCommitmentProgress(example, 'en')).toBe(
      '(1 × 100 + 2 × 40) / 3 = 60.0 %; coverage 3 of 4 weight',
    );
  });

  it('fills the formula with the numbers, in Danish with a decimal comma', () => {
    expect(describeCommitmentProgress(example, 'da')).toBe(
      '(1 × 100 + 2 × 40) / 3 = 60,0 %; dækning: vægt 3 af 4',
    );
  });

  it('shows the floored figure that the dashboard shows', () => {
    expect(describeCommitmentProgress([completed(), completed(), notStarted()], 'en')).toBe(
      '(1 × 100 + 1 × 100 + 1 × 0) / 3 = 66.6 %; coverage 3 of 3 weight',
    );
  });

  it('says there is no data instead of printing a formula without terms', () => {
    expect(describeCommitmentProgress([neverReported(), inProgress(null, 2)], 'en')).toBe(
      'No data: no milestone with a known percent; coverage 0 of 3 weight',
    );
    expect(describeCommitmentProgress([neverReported()], 'da')).toBe(
      'Ingen data: ingen milepæle med en kendt procent; dækning: vægt 0 af 1',
    );
    expect(describeCommitmentProgress([cancelled()], 'en')).toBe(
      'No data: no milestones that are not cancelled',
    );
    expect(describeCommitmentProgress([cancelled()], 'da')).toBe(
      'Ingen data: ingen milepæle, der ikke er annulleret',
    );
  });
});

describe('ROLL_UP_RULES', () => {
  it('states the formula and the no-data rule in both languages', () => {
    expect(ROLL_UP_RULES.en).toContain('sum(weight × percent) / sum(weight)');
    expect(ROLL_UP_RULES.en).toContain('never 0 %');
    expect(ROLL_UP_RULES.da).toContain('sum(vægt × procent) / sum(vægt)');
    expect(ROLL_UP_RULES.da).toContain('aldrig 0 %');
  });
});
