import {
  DatePrecision,
  MilestoneFlag,
  MilestoneStatus,
  milestoneFlags,
  type MilestoneFlagInput,
} from '@ogp/common';

const { OVERDUE, DUE_SOON, STALE } = MilestoneFlag;

function milestone(overrides: Partial<MilestoneFlagInput>): MilestoneFlagInput {
  return {
    status: MilestoneStatus.IN_PROGRESS,
    plannedEnd: null,
    lastUpdateOn: null,
    ...overrides,
  };
}

// "2018-H1" as stored: the first day of the half year and its precision.
const firstHalf2018 = { start: '2018-01-01', precision: DatePrecision.HALF_YEAR };

describe('milestoneFlags: OVERDUE and DUE_SOON', () => {
  it('counts a half-year end as its last day: "2018-H1" is overdue on 2018-07-01', () => {
    expect(milestoneFlags(milestone({ plannedEnd: firstHalf2018 }), '2018-07-01')).toEqual([
      OVERDUE,
    ]);
  });

  it('is not overdue yet on the last day of the period, only due soon', () => {
    expect(milestoneFlags(milestone({ plannedEnd: firstHalf2018 }), '2018-06-30')).toEqual([
      DUE_SOON,
    ]);
  });

  it('can flag a never-reported milestone as overdue', () => {
    expect(
      milestoneFlags(milestone({ status: null, plannedEnd: firstHalf2018 }), '2018-07-01'),
    ).toEqual([OVERDUE]);
  });

  it.each([MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED])(
    'never flags a %s milestone as overdue or due soon',
    (status) => {
      expect(
        milestoneFlags(milestone({ status, plannedEnd: firstHalf2018 }), '2019-01-01'),
      ).toEqual([]);
      expect(
        milestoneFlags(milestone({ status, plannedEnd: firstHalf2018 }), '2018-06-20'),
      ).toEqual([]);
    },
  );

  it('flags a NOT_STARTED milestone past its end as overdue', () => {
    expect(
      milestoneFlags(
        milestone({ status: MilestoneStatus.NOT_STARTED, plannedEnd: firstHalf2018 }),
        '2018-08-15',
      ),
    ).toEqual([OVERDUE]);
  });

  it('is due soon exactly 30 days ahead, not 31', () => {
    const plannedEnd = { start: '2018-07-31', precision: DatePrecision.DAY };
    expect(milestoneFlags(milestone({ plannedEnd }), '2018-07-01')).toEqual([DUE_SOON]);
    expect(milestoneFlags(milestone({ plannedEnd }), '2018-06-30')).toEqual([]);
  });

  it.each([
    // [planned end as stored, the date, expected flags]
    [{ start: '2018-04-01', precision: DatePrecision.QUARTER }, '2018-07-01', [OVERDUE]],
    [{ start: '2018-04-01', precision: DatePrecision.QUARTER }, '2018-06-30', [DUE_SOON]],
    [{ start: '2018-02-01', precision: DatePrecision.MONTH }, '2018-03-01', [OVERDUE]],
    [{ start: '2018-02-01', precision: DatePrecision.MONTH }, '2018-02-28', [DUE_SOON]],
    [{ start: '2018-01-01', precision: DatePrecision.YEAR }, '2018-12-01', [DUE_SOON]],
    [{ start: '2018-01-01', precision: DatePrecision.YEAR }, '2018-11-30', []],
    [{ start: '2018-01-01', precision: DatePrecision.YEAR }, '2019-01-01', [OVERDUE]],
  ])('a planned end of %j on %s gives %j', (plannedEnd, on, expected) => {
    expect(milestoneFlags(milestone({ plannedEnd }), on)).toEqual(expected);
  });

  it('has no date flags without a planned end', () => {
    expect(milestoneFlags(milestone({ plannedEnd: null }), '2030-01-01')).toEqual([]);
  });

  it('refuses a stored planned end that does not start its period', () => {
    expect(() =>
      milestoneFlags(
        milestone({ plannedEnd: { start: '2018-03-01', precision: DatePrecision.HALF_YEAR } }),
        '2018-07-01',
      ),
    ).toThrow('not the first day of a half year');
  });
});

describe('milestoneFlags: STALE', () => {
  // 2018-01-01 + 90 days = 2018-04-01 (31 + 28 + 31).
  it('is not stale 90 days after the last update', () => {
    expect(milestoneFlags(milestone({ lastUpdateOn: '2018-01-01' }), '2018-04-01')).toEqual([]);
  });

  it('is stale 91 days after the last update', () => {
    expect(milestoneFlags(milestone({ lastUpdateOn: '2018-01-01' }), '2018-04-02')).toEqual([
      STALE,
    ]);
  });

  it.each([MilestoneStatus.NOT_STARTED, MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED])(
    'only IN_PROGRESS goes stale, not %s',
    (status) => {
      expect(
        milestoneFlags(milestone({ status, lastUpdateOn: '2017-01-01' }), '2018-04-02'),
      ).toEqual([]);
    },
  );

  it('lists OVERDUE before STALE when both apply', () => {
    expect(
      milestoneFlags(
        milestone({ plannedEnd: firstHalf2018, lastUpdateOn: '2018-03-01' }),
        '2018-09-01',
      ),
    ).toEqual([OVERDUE, STALE]);
  });

  it('lists DUE_SOON before STALE when both apply', () => {
    expect(
      milestoneFlags(
        milestone({ plannedEnd: firstHalf2018, lastUpdateOn: '2018-01-15' }),
        '2018-06-15',
      ),
    ).toEqual([DUE_SOON, STALE]);
  });
});
