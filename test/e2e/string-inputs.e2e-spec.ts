import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '@ogp/common';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { LiveResults, graphqlWsClient } from '../utils/graphql-ws-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';

type Key = string | number;

/** Where a string goes in an operation's arguments: the keys from the argument down, and the name the API uses. */
interface StringSpot {
  keys: Key[];
  field: string;
}

const fieldName = (keys: Key[]): string =>
  keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');

/** Every String or ID position below `type`: in input objects (to `depth` levels) and lists (their first item). */
function stringSpots(
  type: GraphQLInputType,
  keys: Key[],
  depth: number,
  seen: string[],
): StringSpot[] {
  const inner = getNullableType(type);
  if (isListType(inner)) return stringSpots(inner.ofType, [...keys, 0], depth, seen);
  if (isScalarType(inner)) {
    return inner.name === 'String' || inner.name === 'ID' ? [{ keys, field: fieldName(keys) }] : [];
  }
  if (isInputObjectType(inner) && depth > 0 && !seen.includes(inner.name)) {
    return Object.values(inner.getFields()).flatMap((field) =>
      stringSpots(field.type, [...keys, field.name], depth - 1, [...seen, inner.name]),
    );
  }
  return [];
}

/** A minimal value that passes the type (not the rules): required fields only, one item in a required list. */
function minimalValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [minimalValue(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = minimalValue(field.type);
      }
    }
    return value;
  }
  switch (inner.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'x';
  }
}

/** `value` with `text` at `keys` below it, filling what is on the way as `type` requires. */
function withText(type: GraphQLInputType, value: unknown, keys: Key[], text: string): unknown {
  if (keys.length === 0) return text;
  const inner = getNullableType(type);
  const [key, ...rest] = keys;
  if (isListType(inner)) {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[key as number] = withText(inner.ofType, list[key as number], rest, text);
    return list;
  }
  if (isInputObjectType(inner)) {
    const object = {
      ...((value ?? minimalValue(inner)) as Record<string, unknown>),
    };
    const field = inner.getFields()[key as string];
    object[key as string] = withText(field.type, object[key as string], rest, text);
    return object;
  }
  throw new Error(`cannot place a string at ${fieldName(keys)}`);
}

interface Case {
  operation: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  argument: GraphQLArgument;
  spot: StringSpot;
}

/** Every string position of every argument of every root field of `root`. */
function casesOf(operation: Case['operation'], root: GraphQLObjectType | null | undefined): Case[] {
  if (!root) return [];
  return Object.values(root.getFields()).flatMap((field) =>
    field.args.flatMap((argument) =>
      stringSpots(argument.type, [argument.name], 3, []).map((spot) => ({
        operation,
        field,
        argument,
        spot,
      })),
    ),
  );
}

/** The case's operation, with `text` at its spot and minimal values in every other required argument. */
function request(
  { operation, field, argument, spot }: Case,
  text: string,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
      variables[arg.name] = minimalValue(arg.type);
    }
  }
  variables[argument.name] = withText(
    argument.type,
    variables[argument.name],
    spot.keys.slice(1),
    text,
  );
  const names = Object.keys(variables);
  const definitions = names
    .map((name) => `$${name}: ${String(field.args.find((a) => a.name === name)?.type)}`)
    .join(', ');
  const args = names.map((name) => `${name}: $${name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${operation} (${definitions}) { ${field.name}(${args})${selection} }`,
    variables,
  };
}

const describeCase = (c: Case) => `${c.operation} ${c.field.name}(${c.spot.field})`;

describe('string inputs: characters PostgreSQL cannot store are refused before any SQL', () => {
  let db: TestDatabase;
  let api: TestApp;
  let dataSource: DataSource;
  let schema: GraphQLSchema;
  let admin: Record<string, string>;
  let before: Record<string, string>;
  const clients: Client[] = [];

  /** A fingerprint of every table's rows, to show that nothing was written. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await dataSource.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await dataSource.query<{ count: string; digest: string | null }[]>(
        `SELECT count(*) AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      result[name] = `${row.count} ${row.digest}`;
    }
    return result;
  }

  /** Sends the case with `text` in its spot, over HTTP (queries, mutations) or a websocket (subscriptions). */
  async function send(c: Case, text: string): Promise<GraphqlResponse['errors']> {
    const { query, variables } = request(c, text);
    if (c.operation !== 'subscription') {
      const answer = await graphql(api.baseUrl, query, variables, admin);
      return answer.errors;
    }
    const client = graphqlWsClient(api.baseUrl, { headers: admin });
    clients.push(client);
    const live = new LiveResults(client, query, variables);
    await live.waitFor(1);
    live.stop();
    if (live.error) return live.error as GraphqlResponse['errors'];
    return live.received[0]?.errors as GraphqlResponse['errors'];
  }

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    dataSource = api.app.get(DataSource);
    schema = api.app.get(GraphQLSchemaHost).schema;
    const user = await createTestUser(dataSource, { roles: [Role.ADMIN] });
    admin = await signIn(api.baseUrl, user);
    before = await snapshot();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await api?.close();
    await db?.drop();
  }, 60_000);

  it('U+0000 in each string argument of each query, mutation and subscription: BAD_USER_INPUT naming it', async () => {
    const cases = [
      ...casesOf('query', schema.getQueryType()),
      ...casesOf('mutation', schema.getMutationType()),
      ...casesOf('subscription', schema.getSubscriptionType()),
    ];
    // The schema has these; a generator that found none would prove nothing.
    const named = cases.map(describeCase);
    expect(cases.length).toBeGreaterThan(100);
    expect(named).toEqual(
      expect.arrayContaining([
        'query actionPlan(slug)',
        'query commitment(ogpId)',
        'mutation login(email)',
        'mutation createApiToken(name)',
        'subscription planActivity(planSlug)',
      ]),
    );
    expect(named.some((name) => /\(input\.\w+\.(da|en)\)$/.test(name))).toBe(true);
    expect(named.some((name) => /\[0\]/.test(name))).toBe(true);

    const wrong: string[] = [];
    for (const c of cases) {
      const errors = await send(c, NUL);
      const first = errors?.[0];
      const codes = (errors ?? []).map((e) => e.extensions?.code);
      if (
        codes.includes('INTERNAL_SERVER_ERROR') ||
        first?.extensions?.code !== 'BAD_USER_INPUT' ||
        first.extensions.field !== c.spot.field ||
        !/contains a character that cannot be stored \(U\+0000\)/.test(first.message)
      ) {
        wrong.push(`${describeCase(c)}: ${JSON.stringify(errors ?? 'no error')}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 300_000);

  it('a lone surrogate is refused the same way', async () => {
    const query = schema.getQueryType()!;
    const mutation = schema.getMutationType()!;
    const spots: Case[] = [
      ...casesOf('query', query).filter((c) => describeCase(c) === 'query actionPlan(slug)'),
      ...casesOf('mutation', mutation).filter((c) =>
        ['mutation login(email)', 'mutation createApiToken(name)'].includes(describeCase(c)),
      ),
      ...casesOf('mutation', mutation)
        .filter((c) => c.field.name === 'createTheme' && /\.title\.da$/.test(c.spot.field))
        .slice(0, 1),
    ];
    expect(spots).toHaveLength(4);
    for (const c of spots) {
      const { query: text, variables } = request(c, LONE_SURROGATE);
      const answer = await graphql(api.baseUrl, text, variables, admin);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: c.spot.field,
      });
      expect(answer.errors?.[0].message).toMatch(/cannot be stored \(U\+D800/);
    }
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('refuses U+0000 written into the document itself, and strings longer than any field takes', async () => {
    const literal = await graphql(
      api.baseUrl,
      '{ actionPlan(slug: "a\\u0000b") { slug } }',
      {},
      admin,
    );
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0].extensions).not.toHaveProperty('http');
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });

    const long = await graphql(
      api.baseUrl,
      'mutation ($name: String!) { createApiToken(name: $name) { __typename } }',
      { name: 'x'.repeat(100_001) },
      admin,
    );
    expect(long.status).toBe(400);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(long.errors?.[0].message).toMatch(/at most 100000 characters/);
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
