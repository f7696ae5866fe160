import { Completion, COMPLETION_COLOURS, DatePrecision } from '@ogp/common';
import {
  commitmentProgressChart,
  dateRange,
  halfYearTicks,
  milestoneTimelineChart,
  planComparisonChart,
  wrapLabel,
} from '../../../apps/dashboard/src/charts/public-configs';
import {
  formatPartialDate,
  type PartialDateLike,
} from '../../../apps/dashboard/src/components/partial-date';

const date = (label: string, precision: DatePrecision, start: string, end: string) =>
  ({ label, precision, start, end }) satisfies PartialDateLike;

const H1_2018 = date('2018-H1', DatePrecision.HALF_YEAR, '2018-01-01', '2018-06-30');
const Q3_2018 = date('2018-Q3', DatePrecision.QUARTER, '2018-07-01', '2018-09-30');
const OCT_2017 = date('2017-10', DatePrecision.MONTH, '2017-10-01', '2017-10-31');
const DAY = date('2018-04-03', DatePrecision.DAY, '2018-04-03', '2018-04-03');
const YEAR = date('2019', DatePrecision.YEAR, '2019-01-01', '2019-12-31');

describe('public page chart configurations', () => {
  describe('formatPartialDate', () => {
    it('names each precision as the period it is, in both languages', () => {
      expect(formatPartialDate(H1_2018, 'da')).toBe('1. halvår 2018');
      expect(formatPartialDate(H1_2018, 'en')).toBe('first half of 2018');
      expect(formatPartialDate(Q3_2018, 'da')).toBe('3. kvartal 2018');
      expect(formatPartialDate(Q3_2018, 'en')).toBe('Q3 2018');
      expect(formatPartialDate(OCT_2017, 'da')).toBe('oktober 2017');
      expect(formatPartialDate(OCT_2017, 'en')).toBe('October 2017');
      expect(formatPartialDate(YEAR, 'en')).toBe('2019');
      expect(formatPartialDate(DAY, 'da')).toBe('3. april 2018');
      expect(formatPartialDate(DAY, 'en')).toBe('3 April 2018');
    });
  });

  describe('dateRange', () => {
    it("spans from the first day of the start's period to the end of the end's last day", () => {
      expect(dateRange(H1_2018, Q3_2018)).toEqual([
        Date.UTC(2018, 0, 1),
        Date.UTC(2018, 9, 1), // 30 September included: the bar ends at 1 October 00:00
      ]);
    });

    it('invents nothing when either end is unknown', () => {
      expect(dateRange(null, Q3_2018)).toBeNull();
      expect(dateRange(H1_2018, null)).toBeNull();
    });

    it('gives a one-day milestone one day', () => {
      expect(dateRange(DAY, DAY)).toEqual([Date.UTC(2018, 3, 3), Date.UTC(2018, 3, 4)]);
    });
  });

  it('puts ticks on 1 January and 1 July within the range, and only 1 January over long spans', () => {
    expect(halfYearTicks(Date.UTC(2017, 6, 1), Date.UTC(2018, 6, 1))).toEqual([
      Date.UTC(2017, 6, 1),
      Date.UTC(2018, 0, 1),
      Date.UTC(2018, 6, 1),
    ]);
    expect(halfYearTicks(Date.UTC(2010, 0, 1), Date.UTC(2020, 0, 1))).toHaveLength(11);
  });

  describe('milestoneTimelineChart', () => {
    const describe = (start: PartialDateLike, end: PartialDateLike) =>
      `${start.label}..${end.label}`;
    const config = milestoneTimelineChart(
      [
        {
          label: '1. Study',
          plannedStart: OCT_2017,
          plannedEnd: H1_2018,
          actualStart: OCT_2017,
          actualEnd: DAY,
        },
        {
          label: '2. Never dated',
          plannedStart: null,
          plannedEnd: null,
          actualStart: null,
          actualEnd: null,
        },
      ],
      'en',
      { planned: 'Planned', actual: 'Actual', describe },
    );

    it('draws planned and actual as floating bars, none for unknown dates', () => {
      expect(config.type).toBe('bar');
      expect(config.options?.indexAxis).toBe('y');
      const [planned, actual] = config.data.datasets;
      expect(planned.label).toBe('Planned');
      expect(planned.data).toEqual([[Date.UTC(2017, 9, 1), Date.UTC(2018, 6, 1)], null]);
      expect(actual.label).toBe('Actual');
      expect(actual.data).toEqual([[Date.UTC(2017, 9, 1), Date.UTC(2018, 3, 4)], null]);
    });

    it('frames the bars with whole half years and labels ticks as months', () => {
      const x = config.options?.scales?.x as {
        min: number;
        max: number;
        ticks: { callback: (value: number) => string };
      };
      expect(x.min).toBe(Date.UTC(2017, 6, 1));
      expect(x.max).toBe(Date.UTC(2018, 6, 1));
      expect(x.ticks.callback(Date.UTC(2018, 0, 1))).toBe('Jan 2018');
    });

    it('says the dates in words in the tooltip, as the table does', () => {
      const label = config.options?.plugins?.tooltip?.callbacks?.label as unknown as (item: {
        dataset: { label: string };
        datasetIndex: number;
        dataIndex: number;
      }) => string;
      expect(label({ dataset: { label: 'Planned' }, datasetIndex: 0, dataIndex: 0 })).toBe(
        'Planned: 2017-10..2018-H1',
      );
    });

    it('has no axis bounds when no milestone has dates', () => {
      const empty = milestoneTimelineChart(
        [{ label: 'x', plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null }],
        'da',
        { planned: 'Planlagt', actual: 'Faktisk', describe },
      );
      const x = empty.options?.scales?.x as { min?: number; max?: number };
      expect(x.min).toBeUndefined();
      expect(x.max).toBeUndefined();
    });
  });

  it('compares plans by commitments per completion level, a stack per plan', () => {
    const config = planComparisonChart(
      [
        {
          label: 'Plan A',
          progress: {
            completionCounts: [
              { completion: Completion.COMPLETE, count: 7 },
              { completion: Completion.NO_EVIDENCE, count: 6 },
            ],
          },
        },
        { label: 'Plan B', progress: { completionCounts: null } },
      ],
      'da',
      'Forpligtelser',
    );
    expect(config.data.labels).toEqual([['Plan A'], ['Plan B']]);
    const byLabel = Object.fromEntries(
      config.data.datasets.map((dataset) => [dataset.label, dataset.data]),
    );
    expect(byLabel['Fuldført']).toEqual([7, 0]);
    expect(byLabel['Ingen data']).toEqual([6, 0]);
    expect(byLabel['Begrænset']).toEqual([0, 0]);
  });

  it('draws no bar (not 0) for a commitment with no data, coloured by completion', () => {
    const config = commitmentProgressChart(
      [
        { label: '1.1 DK0050', percent: null, completion: Completion.NO_EVIDENCE },
        { label: '1.2 DK0051', percent: 70, completion: Completion.SUBSTANTIAL },
      ],
      'Percent',
    );
    expect(config.data.datasets[0].data).toEqual([null, 70]);
    expect(config.data.datasets[0].backgroundColor).toEqual([
      COMPLETION_COLOURS[Completion.NO_EVIDENCE],
      COMPLETION_COLOURS[Completion.SUBSTANTIAL],
    ]);
  });

  it('wraps long labels into lines, keeping every word', () => {
    const lines = wrapLabel('Open Government Partnership National Action Plan 2017-2019', 20);
    expect(lines.every((line) => line.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe('Open Government Partnership National Action Plan 2017-2019');
    expect(wrapLabel('')).toEqual(['']);
  });
});
