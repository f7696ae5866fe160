import {
  DatePrecision,
  PartialDateError,
  addDays,
  compareIsoDates,
  daysBetween,
  formatPartialDate,
  isIsoDate,
  monthsBetween,
  parsePartialDate,
  partialDateFromStart,
  periodEnd,
  tryParsePartialDate,
} from '@ogp/common';

describe('parsePartialDate', () => {
  it.each([
    ['2018', '2018-01-01', '2018-12-31', DatePrecision.YEAR],
    ['2018-H1', '2018-01-01', '2018-06-30', DatePrecision.HALF_YEAR],
    ['2018-H2', '2018-07-01', '2018-12-31', DatePrecision.HALF_YEAR],
    ['2018-Q1', '2018-01-01', '2018-03-31', DatePrecision.QUARTER],
    ['2018-Q2', '2018-04-01', '2018-06-30', DatePrecision.QUARTER],
    ['2018-Q3', '2018-07-01', '2018-09-30', DatePrecision.QUARTER],
    ['2018-Q4', '2018-10-01', '2018-12-31', DatePrecision.QUARTER],
    ['2018-06', '2018-06-01', '2018-06-30', DatePrecision.MONTH],
    ['2018-02', '2018-02-01', '2018-02-28', DatePrecision.MONTH],
    ['2020-02', '2020-02-01', '2020-02-29', DatePrecision.MONTH],
    ['2000-02', '2000-02-01', '2000-02-29', DatePrecision.MONTH],
    ['1900-02', '1900-02-01', '1900-02-28', DatePrecision.MONTH],
    ['2016-Q1', '2016-01-01', '2016-03-31', DatePrecision.QUARTER],
    ['2018-06-12', '2018-06-12', '2018-06-12', DatePrecision.DAY],
    ['2020-02-29', '2020-02-29', '2020-02-29', DatePrecision.DAY],
    ['2000-02-29', '2000-02-29', '2000-02-29', DatePrecision.DAY],
  ])('reads %s as %s to %s (%s)', (text, start, end, precision) => {
    expect(parsePartialDate(text)).toEqual({ start, end, precision });
  });

  it.each([
    ['2018-13', /month must be 01 to 12/],
    ['2018-00', /month must be 01 to 12/],
    ['2018-13-01', /month must be 01 to 12/],
    ['2018-06-31', /day must be 01 to 30 in 2018-06/],
    ['2018-06-00', /day must be 01 to 30/],
    ['2019-02-29', /day must be 01 to 28 in 2019-02/],
    ['1900-02-29', /day must be 01 to 28 in 1900-02/],
    ['2018-Q5', /quarter must be Q1, Q2, Q3 or Q4/],
    ['2018-Q0', /quarter must be Q1, Q2, Q3 or Q4/],
    ['2018-H3', /half year must be H1 or H2/],
    ['2018-q1', /expected YYYY, YYYY-H1, YYYY-H2/],
    ['18', /expected YYYY/],
    ['2018-6', /expected YYYY/],
    ['2018-06-12T00:00:00Z', /expected YYYY/],
    [' 2018', /expected YYYY/],
    ['', /expected YYYY/],
    ['June 2018', /expected YYYY/],
  ])('refuses %j and says why', (text, reason) => {
    expect(() => parsePartialDate(text)).toThrow(PartialDateError);
    expect(() => parsePartialDate(text)).toThrow(reason);
    expect(() => parsePartialDate(text)).toThrow(JSON.stringify(text));
  });

  it('refuses a value that is not a string (e.g. a number from JSON)', () => {
    expect(() => parsePartialDate(2018 as unknown as string)).toThrow(PartialDateError);
  });

  it('keeps the refused input on the error', () => {
    try {
      parsePartialDate('2018-Q5');
      throw new Error('parsePartialDate accepted 2018-Q5');
    } catch (error) {
      expect(error).toBeInstanceOf(PartialDateError);
      expect((error as PartialDateError).input).toBe('2018-Q5');
      expect((error as PartialDateError).name).toBe('PartialDateError');
    }
  });
});

describe('tryParsePartialDate', () => {
  it('gives the date for good input and null for bad input', () => {
    expect(tryParsePartialDate('2019-H2')).toEqual({
      start: '2019-07-01',
      end: '2019-12-31',
      precision: DatePrecision.HALF_YEAR,
    });
    expect(tryParsePartialDate('2019-H3')).toBeNull();
    expect(tryParsePartialDate('2019-02-29')).toBeNull();
  });
});

describe('formatPartialDate', () => {
  it.each(['2017', '2018-H1', '2018-H2', '2018-Q1', '2018-Q4', '2018-06', '2018-12', '2018-06-12'])(
    'round-trips %s',
    (text) => {
      expect(formatPartialDate(parsePartialDate(text))).toBe(text);
    },
  );

  it('writes a period from its start and precision', () => {
    expect(
      formatPartialDate({
        start: '2018-07-01',
        end: '2018-09-30',
        precision: DatePrecision.QUARTER,
      }),
    ).toBe('2018-Q3');
  });

  it('refuses a period whose end does not match its start and precision', () => {
    expect(() =>
      formatPartialDate({
        start: '2018-07-01',
        end: '2018-12-31',
        precision: DatePrecision.QUARTER,
      }),
    ).toThrow('ends 2018-09-30, not 2018-12-31');
  });
});

describe('partialDateFromStart and periodEnd', () => {
  it.each([
    ['2018-01-01', DatePrecision.YEAR, '2018-12-31'],
    ['2018-07-01', DatePrecision.HALF_YEAR, '2018-12-31'],
    ['2018-10-01', DatePrecision.QUARTER, '2018-12-31'],
    ['2024-02-01', DatePrecision.MONTH, '2024-02-29'],
    ['2018-06-12', DatePrecision.DAY, '2018-06-12'],
  ])('a %s period starting %s ends %s', (start, precision, end) => {
    expect(partialDateFromStart(start, precision)).toEqual({ start, end, precision });
    expect(periodEnd(start, precision)).toBe(end);
  });

  it.each([
    ['2018-02-01', DatePrecision.QUARTER, 'not the first day of a quarter'],
    ['2018-04-01', DatePrecision.HALF_YEAR, 'not the first day of a half year'],
    ['2018-07-01', DatePrecision.YEAR, 'not the first day of a year'],
    ['2018-06-15', DatePrecision.MONTH, 'not the first day of a month'],
    ['2018-06-31', DatePrecision.DAY, 'must be a calendar date'],
    ['2018-06', DatePrecision.MONTH, 'must be a calendar date'],
  ])('refuses %s as the start of a %s', (start, precision, message) => {
    expect(() => partialDateFromStart(start, precision)).toThrow(message);
  });

  it('refuses an unknown precision', () => {
    expect(() => periodEnd('2018-01-01', 'WEEK' as DatePrecision)).toThrow(
      'The precision must be one of DAY, MONTH, QUARTER, HALF_YEAR, YEAR',
    );
  });
});

describe('ISO date helpers', () => {
  it.each([
    ['2018-06-12', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2018-6-12', false],
    ['2018-06', false],
    ['2018-06-12T10:00', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('isIsoDate is false for non-strings', () => {
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(20180612)).toBe(false);
  });

  it.each([
    ['2018-06-30', 1, '2018-07-01'],
    ['2018-12-31', 1, '2019-01-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2019-02-28', 1, '2019-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2018-03-01', -1, '2018-02-28'],
    ['2018-06-01', 30, '2018-07-01'],
    ['2018-01-01', 365, '2019-01-01'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2018-06-12', 0, '2018-06-12'],
    ['0050-01-01', -1, '0049-12-31'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('addDays refuses a bad date, a fractional count and a result outside four-digit years', () => {
    expect(() => addDays('2018-02-30', 1)).toThrow('must be a calendar date');
    expect(() => addDays('2018-02-01', 1.5)).toThrow('must be an integer');
    expect(() => addDays('9999-12-31', 1)).toThrow('outside the years 0000-9999');
  });

  it('daysBetween counts whole days, negative when going back', () => {
    expect(daysBetween('2018-01-01', '2018-12-31')).toBe(364);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2018-07-01', '2018-06-30')).toBe(-1);
  });

  it('compareIsoDates sorts dates', () => {
    const dates = ['2019-01-01', '2018-12-31', '2018-06-12', '2018-12-31'];
    expect([...dates].sort(compareIsoDates)).toEqual([
      '2018-06-12',
      '2018-12-31',
      '2018-12-31',
      '2019-01-01',
    ]);
    expect(compareIsoDates('2018-06-12', '2018-06-12')).toBe(0);
    expect(compareIsoDates('2018-06-12', '2018-06-13')).toBe(-1);
    expect(() => compareIsoDates('2018-06-12', 'tomorrow')).toThrow('must be a calendar date');
  });

  it('monthsBetween lists each month touched, both ends included', () => {
    expect(monthsBetween('2017-11-15', '2018-02-01')).toEqual([
      '2017-11',
      '2017-12',
      '2018-01',
      '2018-02',
    ]);
    expect(monthsBetween('2018-06-01', '2018-06-30')).toEqual(['2018-06']);
    expect(monthsBetween('2018-07-01', '2018-06-30')).toEqual([]);
    expect(monthsBetween('2017-07-01', '2019-06-30')).toHaveLength(24);
  });
});
