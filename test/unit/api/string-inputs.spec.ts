import { englishMessage, type ErrorMessage } from '@ogp/common';
import { getOperationAST, parse } from 'graphql';
import {
  STRING_INPUT_MAX,
  stringInputProblems,
  stringProblem,
} from '../../../apps/api/src/graphql/string-inputs';

function problems(document: string, variables: Record<string, unknown> = {}) {
  const parsed = parse(document);
  return stringInputProblems(parsed, getOperationAST(parsed)!, variables);
}

const english = (reason: ErrorMessage | undefined): string | undefined =>
  reason && englishMessage(reason);

describe('stringProblem', () => {
  it('refuses U+0000 and lone surrogates, and takes everything else a text column holds', () => {
    expect(english(stringProblem('a\u0000b'))).toBe(
      'contains a character that cannot be stored (U+0000)',
    );
    expect(english(stringProblem('a\uD800b'))).toMatch(
      /cannot be stored \(U\+D800, half of a surrogate pair\)/,
    );
    expect(english(stringProblem('\uDC00'))).toMatch(/U\+DC00/);
    expect(stringProblem('Ærø 😀 \u0001 \uFFFD')).toBeUndefined();
  });

  it('refuses strings longer than any field takes', () => {
    expect(stringProblem('x'.repeat(STRING_INPUT_MAX))).toBeUndefined();
    expect(english(stringProblem('x'.repeat(STRING_INPUT_MAX + 1)))).toBe(
      `must be at most ${STRING_INPUT_MAX} characters long (it has ${STRING_INPUT_MAX + 1})`,
    );
  });
});

describe('stringInputProblems', () => {
  it('names arguments by their own path, whatever the variables are called', () => {
    expect(
      problems('mutation ($i: In!, $s: String!) { a(slug: $s, input: $i) { b } }', {
        s: 'a\u0000',
        i: { title: { da: 'ok', en: '\u0000' }, evidence: [{ url: 'ok' }, { url: '\uD800' }] },
      }).map((p) => p.field),
    ).toEqual(['slug', 'input.title.en', 'input.evidence[1].url']);
  });

  it('reads literals, variables inside literals, defaults, nested fields and fragments', () => {
    expect(
      problems(
        `query ($t: String = "\\u0000", $n: String) {
           a(slug: "\\u0000") { b(filter: { keys: ["ok", $n] }) }
           ...F
         }
         fragment F on Query { c(key: $t) @include(if: true) }`,
        { n: 'x\u0000' },
      ).map((p) => p.field),
    ).toEqual(['slug', 'filter.keys[1]', 'key']);
  });

  it('finds nothing in ordinary input', () => {
    expect(
      problems('query ($s: String) { a(slug: $s, first: 3) { b } }', { s: 'dk-2017' }),
    ).toEqual([]);
  });
});
