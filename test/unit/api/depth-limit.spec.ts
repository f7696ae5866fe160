import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type GraphQLError,
} from 'graphql';
import { depthLimit } from '../../../apps/api/src/graphql/depth-limit';

const schema = buildSchema(`
  type Query {
    name: String
    node: Query
    nodes: [Query]
  }
`);

const MAX = 12;
const FRAGMENTS_TOO_DEEP = `Fragments are nested deeper than the limit of ${MAX} levels (a fragment within a fragment is one level)`;

function check(document: string, max = MAX): readonly GraphQLError[] {
  return validate(schema, parse(document), [depthLimit(max)]);
}

/** `node { node { ... name } }`, `levels` selection sets deep below the root field. */
function nestedFields(levels: number): string {
  let selection = 'name';
  for (let i = 0; i < levels; i++) selection = `node { ${selection} }`;
  return `{ ${selection} }`;
}

/** The document that took the old check 2^levels paths: each fragment spreads the next one twice. */
function doubledFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Query { __typename }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = process.hrtime.bigint();
  const result = run();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

describe('depthLimit', () => {
  it('accepts fields nested up to the limit and refuses one level more, naming the limit', () => {
    expect(check(nestedFields(MAX))).toEqual([]);
    const errors = check(nestedFields(MAX + 1));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(`Query is nested deeper than the limit of ${MAX} levels`);
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('counts the fields inside a fragment at the depth where it is spread', () => {
    const fragment = `fragment Deep on Query { ${nestedFields(MAX - 2).slice(2, -2)} }`;
    // Spread two levels down the fragment stays within the limit; three levels down it does not.
    expect(check(`{ node { nodes { ...Deep } } } ${fragment}`)).toEqual([]);
    expect(check(`{ node { nodes { node { ...Deep } } } } ${fragment}`)[0]?.message).toBe(
      `Query is nested deeper than the limit of ${MAX} levels`,
    );
  });

  it('refuses fragments each spreading the next one twice, 21 levels deep, in milliseconds', () => {
    const document = doubledFragments(21);
    const { result: errors } = timed(() => check(document));
    expect(errors.map((e) => e.message)).toEqual([FRAGMENTS_TOO_DEEP]);
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    // The bound the issue sets is 10 ms of server time; the old check took 4.5 s here. The fastest of five
    // runs is the check's own time: a slower one waited for other work on a busy machine.
    const fastest = Math.min(...Array.from({ length: 5 }, () => timed(() => check(document)).ms));
    expect(fastest).toBeLessThan(10);
  });

  it('finishes on 200 and 5,000 levels of fragments (no stack overflow, no exponential walk)', () => {
    for (const levels of [200, 5000]) {
      const { result: errors, ms } = timed(() => check(doubledFragments(levels)));
      expect(errors[0]?.message).toBe(FRAGMENTS_TOO_DEEP);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('accepts fragments nested up to the limit', () => {
    expect(check(doubledFragments(MAX))).toEqual([]);
    expect(check(doubledFragments(MAX + 1))).toHaveLength(1);
  });

  it('does not loop on fragment cycles (graphql reports those itself)', () => {
    const document =
      'query { ...A } fragment A on Query { node { ...B } } fragment B on Query { ...A }';
    const errors = validate(schema, parse(document), [...specifiedRules, depthLimit(MAX)]);
    expect(errors.map((e) => e.message)).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
  });

  it('refuses inline fragments nested without end', () => {
    let selection = 'name';
    for (let i = 0; i < 1000; i++) selection = `... on Query { ${selection} }`;
    const errors = check(`{ ${selection} }`);
    expect(errors[0]?.message).toBe(FRAGMENTS_TOO_DEEP);
  });

  describe('introspection', () => {
    const introspection = (document: string): readonly GraphQLError[] =>
      validate(schema, parse(document), [
        ...specifiedRules,
        depthLimit(MAX, { introspection: true }),
      ]);
    const TOO_DEEP = `Query is nested deeper than the limit of ${MAX} levels`;
    const fullOptions = {
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    };

    it("graphql-js's getIntrospectionQuery() goes past the limit when introspection is off", () => {
      expect(check(getIntrospectionQuery())[0]?.message).toBe(TOO_DEEP);
    });

    it('getIntrospectionQuery(), with and without options, passes while introspection is on', () => {
      expect(introspection(getIntrospectionQuery())).toEqual([]);
      expect(introspection(getIntrospectionQuery(fullOptions))).toEqual([]);
    });

    it('exempts deep selections under __type as well as __schema', () => {
      let ofType = 'name';
      for (let i = 0; i < MAX + 5; i++) ofType = `ofType { ${ofType} }`;
      expect(introspection(`{ __type(name: "Query") { fields { type { ${ofType} } } } }`)).toEqual(
        [],
      );
    });

    it('still measures the normal fields of an operation that also introspects', () => {
      const deep = nestedFields(MAX + 1).slice(2, -2);
      const errors = introspection(`{ __schema { queryType { name } } ${deep} }`);
      expect(errors.map((e) => e.message)).toEqual([TOO_DEEP]);
      // A fragment of normal fields is counted where it is spread, introspection or not.
      const fragment = `fragment Deep on Query { ${nestedFields(MAX - 2).slice(2, -2)} }`;
      expect(
        introspection(`{ __typename node { nodes { node { ...Deep } } } } ${fragment}`)[0]?.message,
      ).toBe(TOO_DEEP);
    });

    it("leaves the costly introspection shape to graphql's own MaxIntrospectionDepthRule", () => {
      const errors = introspection(
        '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
      );
      expect(errors.map((e) => e.message)).toEqual(['Maximum introspection depth exceeded']);
    });
  });
});
