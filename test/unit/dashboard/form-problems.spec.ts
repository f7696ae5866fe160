import { problemKey, problemPath } from '../../../apps/dashboard/src/forms/problems';

describe('problemKey (which field of a form an API problem belongs to)', () => {
  const keys = ['note.da', 'note.en', 'source.url', 'evidence', 'note', 'source'];

  it('takes the key equal to the path', () => {
    expect(problemKey('note.en', keys)).toBe('note.en');
    expect(problemKey('source.url', keys)).toBe('source.url');
  });

  it('takes a key that is a whole-segment prefix of the path', () => {
    expect(problemKey(problemPath('input.evidence[2].url'), keys)).toBe('evidence');
    expect(problemKey('note', keys)).toBe('note');
    expect(problemKey('source', keys)).toBe('source');
  });

  it('prefers the narrower key listed first over a broader one after it', () => {
    expect(problemKey('note.da', keys)).toBe('note.da');
    expect(problemKey('note.da', ['note', 'note.da'])).toBe('note');
  });

  it('gives null for a path no key covers, or one that only shares letters', () => {
    expect(problemKey('commitmentOgpId', keys)).toBeNull();
    expect(problemKey('notes', keys)).toBeNull();
    expect(problemKey('anything', [])).toBeNull();
  });
});
