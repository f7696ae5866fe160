import {
  Completion,
  ROLL_UP_RULES,
  aggregateProgress,
  commitmentHeadline,
  commitmentProgress,
  describeAggregateProgress,
  describeCommitmentProgress,
  progressHeadline,
} from '@ogp/common';
import { cancelled, completed, inProgress, neverReported, notStarted } from './roll-up.fixtures';

describe('describeCommitmentProgress', () => {
  const example = [completed(1), inProgress(40, 2), cancelled(1), neverReported(1)];

  it('divides by all the weight not cancelled, and gives the mean of what was reported beside it', () => {
    expect(describeCommitmentProgress(example, 'en')).toBe(
      '(1 × 100 + 2 × 40) / 4 = 45.0 %; reported: weight 3 of 4; mean of what was reported: the same sum / 3 = 60.0 %',
    );
  });

  it('says the same in Danish, with a decimal comma', () => {
    expect(describeCommitmentProgress(example, 'da')).toBe(
      '(1 × 100 + 2 × 40) / 4 = 45,0 %; rapporteret: vægt 3 af 4; gennemsnit af det rapporterede: samme sum / 3 = 60,0 %',
    );
  });

  it('shows the figure rounded half up, as the API gives it', () => {
    expect(describeCommitmentProgress([completed(), completed(), notStarted()], 'en')).toBe(
      '(1 × 100 + 1 × 100 + 1 × 0) / 3 = 66.7 %; reported: weight 3 of 3; mean of what was reported: the same sum / 3 = 66.7 %',
    );
  });

  it('leaves an in-progress report without a percent out of the sum but not out of what is reported', () => {
    expect(describeCommitmentProgress([completed(), inProgress(null), neverReported()], 'en')).toBe(
      '(1 × 100) / 3 = 33.3 %; reported: weight 2 of 3; mean of what was reported: the same sum / 1 = 100.0 %',
    );
  });

  it('says there is no data instead of printing a formula without terms', () => {
    expect(describeCommitmentProgress([neverReported(), neverReported(2)], 'en')).toBe(
      'No data: no milestone reported; reported: weight 0 of 3',
    );
    expect(describeCommitmentProgress([neverReported()], 'da')).toBe(
      'Ingen data: ingen milepæle rapporteret; rapporteret: vægt 0 af 1',
    );
    expect(describeCommitmentProgress([inProgress(null), neverReported()], 'en')).toBe(
      'No data: no reported milestone gives a percent; reported: weight 1 of 2',
    );
    expect(describeCommitmentProgress([inProgress(null)], 'da')).toBe(
      'Ingen data: ingen rapporteret milepæl angiver en procent; rapporteret: vægt 1 af 1',
    );
    expect(describeCommitmentProgress([cancelled()], 'en')).toBe(
      'No data: no milestones that are not cancelled',
    );
    expect(describeCommitmentProgress([cancelled()], 'da')).toBe(
      'Ingen data: ingen milepæle, der ikke er annulleret',
    );
  });
});

describe('describeAggregateProgress', () => {
  it('sums the shown percents over every commitment, one with no percent adding nothing', () => {
    expect(describeAggregateProgress([70, null, 33.3], 'en')).toBe(
      '(70 + 33.3) / 3 = 34.4 %; the other 1 shows no percent and adds nothing',
    );
    expect(describeAggregateProgress([70, null, null, 33.3], 'da')).toBe(
      '(70 + 33,3) / 4 = 25,8 %; de øvrige 2 viser ingen procent og lægger intet til',
    );
    expect(describeAggregateProgress([100, 50], 'en')).toBe('(100 + 50) / 2 = 75.0 %');
  });

  it('says there is no data when no commitment has a percent', () => {
    expect(describeAggregateProgress([null, null], 'en')).toBe(
      'No data: none of the 2 commitments shows a percent',
    );
    expect(describeAggregateProgress([], 'da')).toBe('Ingen data: ingen forpligtelser');
  });
});

describe('headlines', () => {
  const plan = aggregateProgress([
    commitmentProgress([completed()]),
    commitmentProgress([completed(), neverReported()]),
    commitmentProgress([neverReported(), neverReported(), completed()]),
    commitmentProgress([neverReported()]),
    commitmentProgress([inProgress(null)]),
  ]);

  it('gives the counts first, then the percent and what it rests on', () => {
    // (100 + 50 + 33.3) / 5 = 36.66 -> 36.7
    expect(progressHeadline(plan, 'en')).toBe(
      '1 of 5 commitments complete, 1 substantial, 2 limited, 1 with no data; progress shown by reports 36.7%, reported for 4 of 5 commitments',
    );
    expect(progressHeadline(plan, 'da')).toBe(
      '1 af 5 forpligtelser fuldført, 1 væsentligt, 2 begrænset, 1 uden data; fremdrift ifølge rapporterne 36,7\u00a0%, rapporteret for 4 af 5 forpligtelser',
    );
  });

  it('names commitments not started only when there are some, and no data instead of a percent', () => {
    const quiet = aggregateProgress([
      commitmentProgress([notStarted()]),
      commitmentProgress([neverReported()]),
    ]);
    expect(progressHeadline(quiet, 'en')).toBe(
      '0 of 2 commitments complete, 0 substantial, 0 limited, 1 not started, 1 with no data; progress shown by reports 0%, reported for 1 of 2 commitments',
    );
    const silent = aggregateProgress([commitmentProgress([neverReported()])]);
    expect(progressHeadline(silent, 'en')).toBe(
      '0 of 1 commitment complete, 0 substantial, 0 limited, 1 with no data; no percent shown by reports, reported for 0 of 1 commitment',
    );
    expect(progressHeadline(silent, 'da')).toBe(
      '0 af 1 forpligtelse fuldført, 0 væsentligt, 0 begrænset, 1 uden data; ingen procent ifølge rapporterne, rapporteret for 0 af 1 forpligtelse',
    );
  });

  it('says there is no data for a plan without commitments', () => {
    expect(progressHeadline(aggregateProgress([]), 'en')).toBe('No commitments: no data');
    expect(progressHeadline(aggregateProgress([]), 'da')).toBe('Ingen forpligtelser: ingen data');
  });

  it("gives a commitment's level, percent and how many of its milestones are reported", () => {
    const dk0052 = commitmentProgress([neverReported(), neverReported(), completed()]);
    expect(commitmentHeadline(dk0052, 'en')).toBe(
      'Limited: progress shown by reports 33.3%, 1 of 3 milestones reported',
    );
    expect(commitmentHeadline(dk0052, 'da')).toBe(
      'Begrænset: fremdrift ifølge rapporterne 33,3\u00a0%, 1 af 3 milepæle rapporteret',
    );
    expect(commitmentHeadline(commitmentProgress([inProgress(null)]), 'en')).toBe(
      'Limited: no percent shown by reports, 1 of 1 milestone reported',
    );
    expect(
      commitmentHeadline(
        {
          percent: null,
          completion: Completion.NO_EVIDENCE,
          milestoneCount: 0,
          reportedMilestoneCount: 0,
        },
        'da',
      ),
    ).toBe('Ingen data: ingen milepæle, der ikke er annulleret');
  });
});

describe('ROLL_UP_RULES', () => {
  it('states the evidence-based formula and the no-data rule in both languages', () => {
    expect(ROLL_UP_RULES.en).toContain(
      'sum(weight × percent) over its reported milestones / sum(weight) over all its milestones that are not cancelled',
    );
    expect(ROLL_UP_RULES.en).toContain('never 0 %');
    expect(ROLL_UP_RULES.en).toContain('rounded half up to one decimal');
    expect(ROLL_UP_RULES.da).toContain(
      'sum(vægt × procent) over de rapporterede milepæle / sum(vægt) over alle milepæle, der ikke er annulleret',
    );
    expect(ROLL_UP_RULES.da).toContain('aldrig 0 %');
    expect(ROLL_UP_RULES.da).toContain('rundes halvt op til én decimal');
  });
});
