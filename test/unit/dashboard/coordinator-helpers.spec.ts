import { MilestoneFlag, MilestoneStatus, Role, Visibility } from '@ogp/common';
import { GraphqlError } from '../../../apps/dashboard/src/api/client';
import { conflictDetails } from '../../../apps/dashboard/src/api/coordinator/milestone-report';
import { flagCounts, parseFlag } from '../../../apps/dashboard/src/api/coordinator/my-milestones';
import {
  buildUpdateInput,
  knownProblem,
  reportFieldOf,
  type ReportDraft,
} from '../../../apps/dashboard/src/api/coordinator/report-input';
import {
  landingPath,
  safeNextPath,
  signInWait,
} from '../../../apps/dashboard/src/api/coordinator/sign-in';
import { groupProblems, problemPath } from '../../../apps/dashboard/src/forms/problems';
import da from '../../../apps/dashboard/src/i18n/coordinator/da.json';
import en from '../../../apps/dashboard/src/i18n/coordinator/en.json';

const draft = (changes: Partial<ReportDraft> = {}): ReportDraft => ({
  status: MilestoneStatus.IN_PROGRESS,
  percent: '40',
  effectiveDate: '2019-06-30',
  actualStart: '',
  actualEnd: '',
  noteDa: '',
  noteEn: '',
  evidence: [],
  visibility: Visibility.PUBLIC,
  ...changes,
});

describe('coordinator screens: pure helpers', () => {
  describe('safeNextPath (where sign-in may send the user)', () => {
    it.each([
      ['/my-milestones', '/my-milestones'],
      ['/my-milestones?flag=OVERDUE&lang=en', '/my-milestones?flag=OVERDUE&lang=en'],
      ['/commitments/DK0051/milestones/x/report', '/commitments/DK0051/milestones/x/report'],
    ])('keeps the app path %s', (next, expected) => {
      expect(safeNextPath(next)).toBe(expected);
    });

    it.each([
      null,
      '',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      'javascript:alert(1)',
      'my-milestones',
      '/\tevil',
      '/sign-in?next=/x',
    ])('refuses %p', (next) => {
      expect(safeNextPath(next)).toBeNull();
    });
  });

  it('lands coordinators and admins on their milestones, reviewers on review, others on the plans', () => {
    expect(landingPath([Role.COORDINATOR])).toBe('/my-milestones');
    expect(landingPath([Role.ADMIN])).toBe('/my-milestones');
    expect(landingPath([Role.REVIEWER, Role.COORDINATOR])).toBe('/my-milestones');
    expect(landingPath([Role.REVIEWER])).toBe('/review');
    expect(landingPath([])).toBe('/plans');
  });

  it('tells the sign-in back-off (with its wait) from a wrong password', () => {
    expect(signInWait(new GraphqlError('Wrong email or password', 'UNAUTHENTICATED'))).toBeNull();
    const waitOf = (retryAfterSeconds: number) =>
      signInWait(new GraphqlError('Too many', 'UNAUTHENTICATED', { retryAfterSeconds }));
    expect(waitOf(4)).toEqual({ seconds: 4 });
    expect(waitOf(59)).toEqual({ seconds: 59 });
    expect(waitOf(61)).toEqual({ minutes: 2 });
    expect(waitOf(900)).toEqual({ minutes: 15 });
  });

  it('reads only known flags from the URL and counts flags', () => {
    expect(parseFlag('OVERDUE')).toBe(MilestoneFlag.OVERDUE);
    expect(parseFlag('overdue')).toBeNull();
    expect(parseFlag(null)).toBeNull();
    expect(
      flagCounts([
        { flags: [MilestoneFlag.OVERDUE] },
        { flags: [MilestoneFlag.OVERDUE, MilestoneFlag.STALE] },
        { flags: [MilestoneFlag.DUE_SOON] },
        { flags: [] },
      ]),
    ).toEqual({ overdue: 2, dueSoon: 1, stale: 1 });
  });

  describe('problem fields', () => {
    it('normalises bracket and dotted indexes and strips the argument name', () => {
      expect(problemPath('input.evidence[2].url')).toBe('evidence.2.url');
      expect(problemPath('input.evidence.2.url')).toBe('evidence.2.url');
      expect(problemPath('email')).toBe('email');
    });

    it('maps API fields to the report form fields', () => {
      expect(reportFieldOf('input.progressPercent')).toBe('percent');
      expect(reportFieldOf('input.evidence[0].url')).toBe('evidence.0.url');
      expect(reportFieldOf('input.evidence.1.title')).toBe('evidence.1.title');
      expect(reportFieldOf('input.note')).toBe('noteDa');
      expect(reportFieldOf('input.note.en')).toBe('noteEn');
      expect(reportFieldOf('input.effectiveDate')).toBe('effectiveDate');
      expect(reportFieldOf('input.expectedVersion')).toBeNull();
    });

    it('groups problems by field', () => {
      const grouped = groupProblems(
        [
          { field: 'input.a', message: '1' },
          { field: 'input.b', message: '2' },
          { field: 'input.a', message: '3' },
        ],
        (field) => (field === 'input.b' ? null : field),
      );
      expect(grouped.get('input.a')?.map((p) => p.message)).toEqual(['1', '3']);
      expect(grouped.get(null)?.map((p) => p.message)).toEqual(['2']);
    });
  });

  describe('buildUpdateInput', () => {
    it('builds the mutation input from what was typed', () => {
      const { input, problems } = buildUpdateInput(
        draft({
          noteDa: '  Halvvejs ',
          actualStart: '2018-H1',
          evidence: [{ url: ' https://example.org/a ', title: 'Report' }],
        }),
        'm1',
        3,
      );
      expect(problems).toEqual([]);
      expect(input).toEqual({
        milestoneId: 'm1',
        expectedVersion: 3,
        status: MilestoneStatus.IN_PROGRESS,
        progressPercent: 40,
        effectiveDate: '2019-06-30',
        actualStart: '2018-H1',
        actualEnd: null,
        note: { da: 'Halvvejs', en: null },
        evidence: [{ url: 'https://example.org/a', title: 'Report' }],
        visibility: Visibility.PUBLIC,
      });
    });

    it('sends an empty percent as null (the API says whether one is needed)', () => {
      expect(buildUpdateInput(draft({ percent: ' ' }), 'm1', 0).input?.progressPercent).toBeNull();
    });

    it('sends every evidence row as typed, an empty or half-filled one too, so none is lost', () => {
      const rows = [
        { url: 'https://example.org/a', title: 'A' },
        { url: '', title: '' },
        { url: ' https://example.org/c ', title: ' ' },
        { url: '', title: 'Only a title' },
      ];
      const { input } = buildUpdateInput(draft({ evidence: rows }), 'm1', 0);
      expect(input?.evidence).toEqual([
        { url: 'https://example.org/a', title: 'A' },
        { url: '', title: '' },
        { url: 'https://example.org/c', title: '' },
        { url: '', title: 'Only a title' },
      ]);
    });

    it('stops at what GraphQL itself would refuse: no status, a percent that is no whole number', () => {
      const result = buildUpdateInput(draft({ status: null, percent: '4.5' }), 'm1', 0);
      expect(result.input).toBeNull();
      expect(result.problems.map((p) => p.field)).toEqual([
        'input.status',
        'input.progressPercent',
      ]);
      for (const problem of result.problems) expect(knownProblem(problem.message)).not.toBeNull();
    });
  });

  describe("the form's own problems are translated", () => {
    it.each([
      ['choose a status', 'reportProblemChooseStatus'],
      ['must be a whole number, got "4.5"', 'reportProblemPercentWhole'],
    ])('%s', (message, key) => {
      expect(knownProblem(message)?.key).toBe(key);
      expect((da as Record<string, string>)[key]).toBeTruthy();
      expect((en as Record<string, string>)[key]).toBeTruthy();
    });

    it("leaves the API's problems to their message keys", () => {
      expect(knownProblem('cancelling a milestone needs a note saying why')).toBeNull();
    });
  });

  it('reads a CONFLICT answer: the current version and the update recorded since', () => {
    const latestUpdate = { id: 'u2', status: 'COMPLETED', progressPercent: 100 };
    expect(
      conflictDetails(new GraphqlError('stale', 'CONFLICT', { currentVersion: 4, latestUpdate })),
    ).toEqual({ currentVersion: 4, latestUpdate });
    expect(conflictDetails(new GraphqlError('bad', 'BAD_USER_INPUT'))).toBeNull();
  });
});
