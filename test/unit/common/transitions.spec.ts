import {
  ALLOWED_TRANSITIONS,
  MilestoneStatus,
  checkStatusChange,
  isTransitionAllowed,
  type StatusAndPercent,
} from '@ogp/common';

const { NOT_STARTED, IN_PROGRESS, COMPLETED, CANCELLED } = MilestoneStatus;

// A valid percent for each status, so that only the move itself is judged.
const at: Record<MilestoneStatus, StatusAndPercent> = {
  NOT_STARTED: { status: NOT_STARTED, progressPercent: 0 },
  IN_PROGRESS: { status: IN_PROGRESS, progressPercent: 50 },
  COMPLETED: { status: COMPLETED, progressPercent: 100 },
  CANCELLED: { status: CANCELLED, progressPercent: null },
};

// The table of product.md, written out in full: [from, to, allowed].
const TABLE: [MilestoneStatus, MilestoneStatus, boolean][] = [
  [NOT_STARTED, NOT_STARTED, false],
  [NOT_STARTED, IN_PROGRESS, true],
  [NOT_STARTED, COMPLETED, true],
  [NOT_STARTED, CANCELLED, true],
  [IN_PROGRESS, NOT_STARTED, false],
  [IN_PROGRESS, IN_PROGRESS, true],
  [IN_PROGRESS, COMPLETED, true],
  [IN_PROGRESS, CANCELLED, true],
  [COMPLETED, NOT_STARTED, false],
  [COMPLETED, IN_PROGRESS, true],
  [COMPLETED, COMPLETED, false],
  [COMPLETED, CANCELLED, false],
  [CANCELLED, NOT_STARTED, true],
  [CANCELLED, IN_PROGRESS, true],
  [CANCELLED, COMPLETED, false],
  [CANCELLED, CANCELLED, false],
];

describe('the transition table', () => {
  it.each(TABLE)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(isTransitionAllowed(from, to)).toBe(allowed);
    expect(ALLOWED_TRANSITIONS[from].includes(to)).toBe(allowed);
    const problems = checkStatusChange({ from: at[from], to: at[to], hasNote: true });
    expect(problems).toEqual(allowed ? [] : [{ code: 'INVALID_TRANSITION', from, to }]);
  });

  it.each([NOT_STARTED, IN_PROGRESS, COMPLETED, CANCELLED])(
    'a first report may set %s',
    (status) => {
      expect(isTransitionAllowed(null, status)).toBe(true);
      expect(checkStatusChange({ from: null, to: at[status], hasNote: true })).toEqual([]);
    },
  );
});

describe('notes', () => {
  it('a reopen needs a note (one problem, though the percent also drops)', () => {
    const change = {
      from: at.COMPLETED,
      to: { status: IN_PROGRESS, progressPercent: 80 },
    };
    expect(checkStatusChange({ ...change, hasNote: false })).toEqual([
      { code: 'NOTE_REQUIRED', reason: 'REOPEN' },
    ]);
    expect(checkStatusChange({ ...change, hasNote: true })).toEqual([]);
  });

  it.each([[at.NOT_STARTED], [at.IN_PROGRESS], [null]])(
    'a cancellation from %j needs a note',
    (from) => {
      expect(checkStatusChange({ from, to: at.CANCELLED, hasNote: false })).toEqual([
        { code: 'NOTE_REQUIRED', reason: 'CANCELLATION' },
      ]);
      expect(checkStatusChange({ from, to: at.CANCELLED, hasNote: true })).toEqual([]);
    },
  );

  it('moving the percent backwards needs a note', () => {
    const change = {
      from: { status: IN_PROGRESS, progressPercent: 60 },
      to: { status: IN_PROGRESS, progressPercent: 40 },
    };
    expect(checkStatusChange({ ...change, hasNote: false })).toEqual([
      { code: 'NOTE_REQUIRED', reason: 'PERCENT_BACKWARDS' },
    ]);
    expect(checkStatusChange({ ...change, hasNote: true })).toEqual([]);
  });

  it.each([
    [
      'forward progress',
      { status: IN_PROGRESS, progressPercent: 40 },
      { status: IN_PROGRESS, progressPercent: 60 },
    ],
    [
      'the same percent again',
      { status: IN_PROGRESS, progressPercent: 40 },
      { status: IN_PROGRESS, progressPercent: 40 },
    ],
    [
      'a first figure after an unknown one',
      { status: IN_PROGRESS, progressPercent: null },
      { status: IN_PROGRESS, progressPercent: 30 },
    ],
    [
      'an unknown figure after a known one',
      { status: IN_PROGRESS, progressPercent: 30 },
      { status: IN_PROGRESS, progressPercent: null },
    ],
    ['starting', at.NOT_STARTED, { status: IN_PROGRESS, progressPercent: 10 }],
    ['completing', { status: IN_PROGRESS, progressPercent: 90 }, at.COMPLETED],
    ['reviving a cancelled milestone', at.CANCELLED, { status: IN_PROGRESS, progressPercent: 20 }],
    ['resetting a cancelled milestone', at.CANCELLED, at.NOT_STARTED],
  ] as [string, StatusAndPercent, StatusAndPercent][])(
    'needs no note for %s',
    (_case, from, to) => {
      expect(checkStatusChange({ from, to, hasNote: false })).toEqual([]);
    },
  );

  it('does not ask for a note on a refused move', () => {
    expect(checkStatusChange({ from: at.COMPLETED, to: at.CANCELLED, hasNote: false })).toEqual([
      { code: 'INVALID_TRANSITION', from: COMPLETED, to: CANCELLED },
    ]);
  });
});

describe('percent rules', () => {
  it.each([
    [IN_PROGRESS, 0],
    [IN_PROGRESS, 99],
    [IN_PROGRESS, null],
    [COMPLETED, 100],
    [NOT_STARTED, 0],
    [CANCELLED, null],
  ])('accepts %s at %s', (status, progressPercent) => {
    expect(
      checkStatusChange({ from: null, to: { status, progressPercent }, hasNote: true }),
    ).toEqual([]);
  });

  it.each([
    [
      IN_PROGRESS,
      100,
      'progressPercent must be a whole number from 0 to 99 while the status is IN_PROGRESS',
    ],
    [IN_PROGRESS, -1, 'progressPercent must be a whole number from 0 to 99'],
    [IN_PROGRESS, 12.5, 'progressPercent must be a whole number from 0 to 99'],
    [IN_PROGRESS, NaN, 'progressPercent must be a whole number from 0 to 99'],
    [COMPLETED, 99, 'progressPercent must be 100 when the status is COMPLETED, got 99'],
    [COMPLETED, null, 'progressPercent must be 100 when the status is COMPLETED, got null'],
    [NOT_STARTED, 10, 'progressPercent must be 0 when the status is NOT_STARTED, got 10'],
    [NOT_STARTED, null, 'progressPercent must be 0 when the status is NOT_STARTED, got null'],
    [CANCELLED, 0, 'progressPercent must be empty (null) when the status is CANCELLED, got 0'],
    [CANCELLED, 50, 'progressPercent must be empty (null) when the status is CANCELLED, got 50'],
  ])('refuses %s at %s', (status, progressPercent, message) => {
    const problems = checkStatusChange({
      from: null,
      to: { status, progressPercent },
      hasNote: true,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'PERCENT_OUT_OF_RANGE', field: 'progressPercent' });
    expect(problems[0]).toHaveProperty('message', expect.stringContaining(message));
  });

  it('reports a refused move and a bad percent together', () => {
    expect(
      checkStatusChange({
        from: at.COMPLETED,
        to: { status: NOT_STARTED, progressPercent: 5 },
        hasNote: true,
      }),
    ).toEqual([
      { code: 'INVALID_TRANSITION', from: COMPLETED, to: NOT_STARTED },
      {
        code: 'PERCENT_OUT_OF_RANGE',
        field: 'progressPercent',
        reason: {
          key: 'progress.percentImplied',
          params: { expected: 0, status: NOT_STARTED, got: 5 },
        },
        message: 'progressPercent must be 0 when the status is NOT_STARTED, got 5',
      },
    ]);
  });

  it('does not call an out-of-range percent a backwards move', () => {
    expect(
      checkStatusChange({
        from: { status: IN_PROGRESS, progressPercent: 40 },
        to: { status: IN_PROGRESS, progressPercent: -5 },
        hasNote: false,
      }).map((problem) => problem.code),
    ).toEqual(['PERCENT_OUT_OF_RANGE']);
  });
});
