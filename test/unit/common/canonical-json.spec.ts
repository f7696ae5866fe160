import { canonicalJson } from '@ogp/common';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1,2]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were set in', () => {
    const first = { milestoneId: 'm1', status: 'COMPLETED', progressPercent: 100 };
    const second = { progressPercent: 100, status: 'COMPLETED', milestoneId: 'm1' };
    expect(canonicalJson(first)).toBe(canonicalJson(second));
    expect(canonicalJson(first)).toBe(
      '{"milestoneId":"m1","progressPercent":100,"status":"COMPLETED"}',
    );
  });

  it('sorts keys by code unit, so upper case comes before lower case', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"B":2,"_":4,"a":3,"b":1}',
    );
  });

  it('drops undefined properties but keeps nulls', () => {
    expect(canonicalJson({ note: undefined, actualEnd: null, a: 1 })).toBe(
      '{"a":1,"actualEnd":null}',
    );
  });

  it('keeps arrays in order, including arrays of objects', () => {
    expect(canonicalJson([{ z: 1, y: 2 }, 'b', 'a', null, true])).toBe(
      '[{"y":2,"z":1},"b","a",null,true]',
    );
  });

  it('writes numbers and strings as JSON does', () => {
    expect(canonicalJson({ n: [0, -0, 1.5, 1e21, 100] })).toBe('{"n":[0,0,1.5,1e+21,100]}');
    expect(canonicalJson('Gennemført "i væsentlig grad"\n')).toBe(
      '"Gennemført \\"i væsentlig grad\\"\\n"',
    );
  });

  it.each([NaN, Infinity, -Infinity])('refuses %s', (value) => {
    expect(() => canonicalJson({ percent: value })).toThrow(
      `canonicalJson: $.percent is ${value}, which JSON cannot represent`,
    );
  });

  it('refuses undefined where it cannot be dropped', () => {
    expect(() => canonicalJson(undefined)).toThrow('$ is undefined');
    expect(() => canonicalJson([1, undefined])).toThrow('$[1] is undefined');
  });

  it('refuses a Date, so the caller chooses how to write the time', () => {
    expect(() => canonicalJson({ recordedAt: new Date(0) })).toThrow('$.recordedAt is a Date');
  });

  it('refuses functions, bigints and cycles', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f is a function');
    expect(() => canonicalJson({ big: 1n })).toThrow('$.big is a bigint');
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow('$.self refers back to itself');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { url: 'https://example.org' };
    expect(canonicalJson({ a: shared, b: shared })).toBe(
      '{"a":{"url":"https://example.org"},"b":{"url":"https://example.org"}}',
    );
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 2;
    bare.a = 1;
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});
