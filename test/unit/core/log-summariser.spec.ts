import { LogSummariser } from '@ogp/core';

describe('LogSummariser', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('logs the first of a kind, counts the repeats, and says how many when the window ends', () => {
    const summaries: string[] = [];
    const summariser = new LogSummariser((message) => summaries.push(message), 10_000);

    expect(summariser.first('Unexpected error at dashboard: boom')).toBe(true);
    for (let i = 0; i < 12; i++) {
      expect(summariser.first('Unexpected error at dashboard: boom')).toBe(false);
    }
    expect(summaries).toEqual([]);

    jest.advanceTimersByTime(10_000);
    expect(summaries).toEqual([
      '12 more like it in the last 10 s: Unexpected error at dashboard: boom',
    ]);
    // A new window opens with the next one, logged in full again.
    expect(summariser.first('Unexpected error at dashboard: boom')).toBe(true);
  });

  it('keeps kinds apart, and says nothing for a kind that did not repeat', () => {
    const summaries: string[] = [];
    const summariser = new LogSummariser((message) => summaries.push(message), 10_000);
    expect(summariser.first('a')).toBe(true);
    expect(summariser.first('b')).toBe(true);
    expect(summariser.first('b')).toBe(false);
    jest.advanceTimersByTime(10_000);
    expect(summaries).toEqual(['1 more like it in the last 10 s: b']);
  });

  it('writes pending summaries on flush', () => {
    const summaries: string[] = [];
    const summariser = new LogSummariser((message) => summaries.push(message), 10_000);
    summariser.first('x');
    summariser.first('x');
    jest.advanceTimersByTime(3000);
    summariser.flush();
    expect(summaries).toEqual(['1 more like it in the last 3 s: x']);
    jest.advanceTimersByTime(10_000);
    expect(summaries).toHaveLength(1);
  });
});
