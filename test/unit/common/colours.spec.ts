import {
  COMPLETION_COLOURS,
  Completion,
  MilestoneStatus,
  NO_DATA_COLOUR,
  STATUS_COLOURS,
  TIMELINE_COLOURS,
  contrastRatio,
  relativeLuminance,
  statusColour,
} from '@ogp/common';

describe('contrastRatio', () => {
  it('gives the WCAG extremes: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0072b2', '#0072b2')).toBe(1);
  });

  it('matches published values: #767676 on white is 4.54, #777777 is 4.48', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('reads #rgb shorthand and either case', () => {
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 10);
    expect(relativeLuminance('#FF0000')).toBeCloseTo(0.2126, 4);
  });

  it('refuses something that is not a hex colour', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow(
      'Expected a colour written #rgb or #rrggbb',
    );
  });
});

describe('palette', () => {
  const everyColour = [
    ...Object.entries(COMPLETION_COLOURS).map(([key, hex]) => [`completion ${key}`, hex]),
    ...Object.entries(STATUS_COLOURS).map(([key, hex]) => [`status ${key}`, hex]),
    ...Object.entries(TIMELINE_COLOURS).map(([key, hex]) => [`timeline ${key}`, hex]),
  ];

  it.each(everyColour)('%s (%s) has at least 3:1 contrast against white', (_name, hex) => {
    expect(contrastRatio(hex, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('has a colour for every completion level and status, plus no data', () => {
    expect(Object.keys(COMPLETION_COLOURS).sort()).toEqual(Object.values(Completion).sort());
    expect(Object.keys(STATUS_COLOURS).sort()).toEqual(
      [...Object.values(MilestoneStatus), 'NO_DATA'].sort(),
    );
  });

  it('gives each completion level and each status its own colour', () => {
    expect(new Set(Object.values(COMPLETION_COLOURS)).size).toBe(5);
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(5);
  });

  it('paints a never-reported milestone like "no evidence"', () => {
    expect(statusColour(null)).toBe(NO_DATA_COLOUR);
    expect(COMPLETION_COLOURS.NO_EVIDENCE).toBe(NO_DATA_COLOUR);
    expect(statusColour(MilestoneStatus.COMPLETED)).toBe(STATUS_COLOURS.COMPLETED);
  });
});
