import { ERROR_MESSAGES, Role, englishMessage, type ErrorMessageKey } from '@ogp/common';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql, type GraphqlResponse } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

// Every refusal carries a stable message key and its parameters in `extensions` beside the English message, so
// a client can say it in its reader's language; the English is made from the same key and parameters.

type GraphqlError = NonNullable<GraphqlResponse['errors']>[number];

const MILESTONES = `query ($ogpId: String!) { commitment(ogpId: $ogpId) { milestones { id version status } } }`;
const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { milestone { version } }
}`;
const ASSESS = `mutation ($input: AssessCommitmentInput!) { assessCommitment(input: $input) { stage } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { email } }`;

/** The key and parameters of an error, checked against the catalogue: known key, English made from them. */
function keyed(error: { message: string; extensions?: Record<string, unknown> } | undefined) {
  const key = error?.extensions?.messageKey as ErrorMessageKey;
  const params = error?.extensions?.messageParams as Record<string, string | number>;
  expect(Object.keys(ERROR_MESSAGES)).toContain(key);
  expect(typeof params).toBe('object');
  return { key, params, english: englishMessage({ key, params }) };
}

describe('every refusal carries a message key and its parameters', () => {
  let db: TestDatabase;
  let api: TestApp;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  let reviewer: Record<string, string>;

  const send = (query: string, variables: Record<string, unknown>, headers = {}) =>
    graphql(api.baseUrl, query, variables, headers);
  const firstError = async (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphqlError> => {
    const result = await send(query, variables, headers);
    expect(result.errors?.length).toBeGreaterThan(0);
    return result.errors![0];
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url });
    admin = await signIn(api.baseUrl, await createTestUser(db.dataSource, { roles: [Role.ADMIN] }));
    coordinator = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
    );
    reviewer = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.REVIEWER] }),
    );
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('BAD_USER_INPUT: a short password names the field, the limits and the length', async () => {
    const error = await firstError(
      CREATE_USER,
      {
        input: {
          email: 'short.password@example.org',
          displayName: 'Short Password',
          password: 'short',
          roles: ['REVIEWER'],
        },
      },
      admin,
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.password',
      messageKey: 'password.length',
      messageParams: { min: 12, max: 128, length: 5 },
    });
    expect(error.message).toBe(`input.password: ${keyed(error).english}`);
  });

  it('BAD_USER_INPUT with several problems: each problem has its own key, the first is the whole one', async () => {
    const error = await firstError(
      ASSESS,
      {
        input: {
          commitmentOgpId: 'DK0051',
          stage: 'MIDTERM',
          assessor: 'IRM',
          assessedOn: '2999-05',
          source: { url: 'not a link', title: 'IRM' },
          completion: 'LIMITED',
        },
      },
      reviewer,
    );
    const problems = error.extensions?.problems as Record<string, unknown>[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'input.assessedOn',
          messageKey: 'field.futureBegins',
          messageParams: expect.objectContaining({ value: '2999-05', start: '2999-05-01' }),
        }),
        expect.objectContaining({ field: 'input.source.url', messageKey: 'field.urlAbsolute' }),
      ]),
    );
    for (const problem of problems) {
      expect(problem.message).toBe(keyed({ message: '', extensions: problem }).english);
    }
    expect(error.extensions).toMatchObject({
      field: problems[0].field,
      messageKey: problems[0].messageKey,
    });
  });

  it('BAD_USER_INPUT: an invalid partial date says which part is wrong', async () => {
    const error = await firstError(
      ASSESS,
      {
        input: {
          commitmentOgpId: 'DK0051',
          stage: 'MIDTERM',
          assessor: 'IRM',
          assessedOn: '2018-13',
          source: { url: 'https://www.opengovpartnership.org/documents/test-data', title: 'IRM' },
          completion: 'LIMITED',
        },
      },
      reviewer,
    );
    expect(error.extensions).toMatchObject({
      field: 'input.assessedOn',
      messageKey: 'partialDate.month',
      messageParams: { value: '2018-13' },
    });
  });

  it('NOT_FOUND names what was asked for', async () => {
    const error = await firstError(MILESTONES, { ogpId: 'DK9999' });
    expect(error.extensions).toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'notFound.commitment',
      messageParams: { field: 'ogpId', value: 'DK9999' },
    });
    expect(error.message).toBe(keyed(error).english);
  });

  it('UNAUTHENTICATED and FORBIDDEN: sign in first, and which roles may', async () => {
    const input = {
      email: 'x@example.org',
      displayName: 'X',
      password: 'long enough password',
      roles: ['REVIEWER'],
    };
    const anonymous = await firstError(CREATE_USER, { input });
    expect(anonymous.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageKey: 'auth.signInFirst',
      messageParams: {},
    });
    const forbidden = await firstError(CREATE_USER, { input }, coordinator);
    expect(forbidden.extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'auth.roleRequired',
      messageParams: { roles: ['ADMIN'] },
    });
    expect(forbidden.message).toBe(keyed(forbidden).english);
  });

  it('INVALID_TRANSITION and CONFLICT carry the statuses and the current version', async () => {
    const { data } = await send(MILESTONES, { ogpId: 'DK0052' });
    const completed = (
      data as { commitment: { milestones: { id: string; version: number; status: string }[] } }
    ).commitment.milestones.find((milestone) => milestone.status === 'COMPLETED')!;
    const transition = await firstError(
      RECORD,
      {
        input: {
          milestoneId: completed.id,
          expectedVersion: completed.version,
          status: 'NOT_STARTED',
          note: { en: 'test' },
        },
      },
      admin,
    );
    expect(transition.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      messageKey: 'progress.transition',
      messageParams: { from: 'COMPLETED', to: 'NOT_STARTED' },
    });
    expect(transition.message).toBe(`input.status: ${keyed(transition).english}`);
    const conflict = await firstError(
      RECORD,
      {
        input: {
          milestoneId: completed.id,
          expectedVersion: completed.version + 1,
          status: 'IN_PROGRESS',
          progressPercent: 50,
          note: { en: 'test' },
        },
      },
      admin,
    );
    expect(conflict.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: completed.version,
      messageKey: 'progress.conflict',
      messageParams: { version: completed.version },
    });
  });

  it("GraphQL's own refusals: the depth limit, an unknown field, a value of the wrong type, a U+0000", async () => {
    const fragments = Array.from({ length: 14 }, (_, i) =>
      i === 13
        ? `fragment F${i} on Query { __typename }`
        : `fragment F${i} on Query { ...F${i + 1} }`,
    );
    const tooDeep = await firstError(`query { ...F0 } ${fragments.join(' ')}`);
    expect(tooDeep.extensions).toMatchObject({
      messageKey: 'query.fragmentsTooDeep',
      messageParams: { max: 12 },
    });
    expect(tooDeep.message).toBe(keyed(tooDeep).english);
    const unknownField = await firstError('{ noSuchField }');
    expect(unknownField.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      messageKey: 'request.invalid',
    });
    const wrongType = await firstError(MILESTONES, { ogpId: 52 });
    expect(wrongType.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'request.badValue',
    });
    const nul = await firstError(MILESTONES, { ogpId: 'DK\u00000052' });
    expect(nul.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ogpId',
      messageKey: 'field.unstorableCharacter',
      messageParams: { code: '0000' },
    });
  });

  it('a future asOf names the day the server takes as today', async () => {
    const error = await firstError(
      `query ($asOf: String) { actionPlan(slug: "dk-2017-2019", asOf: $asOf) { slug } }`,
      { asOf: '2999-01-01' },
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(error.extensions).toMatchObject({
      field: 'asOf',
      messageKey: 'asOf.future',
      messageParams: { today },
    });
  });

  it('the HTTP side: a body that is not JSON is refused with a key', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{ "query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors?: GraphqlError[] } & Record<string, unknown>;
    const error = body.errors?.[0] ?? { message: String(body.message), extensions: body };
    expect(error.extensions).toMatchObject({ messageKey: 'request.unreadable' });
  });

  it('the HTTP side: a request with no query is refused with a key', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors?: GraphqlError[] };
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'request.bad',
      messageParams: {},
    });
  });

  it('the HTTP side: an address nothing serves answers with a key too', async () => {
    const response = await fetch(`${api.baseUrl}/healthz/nothing-here`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ messageKey: 'http.notFound', messageParams: {} });
  });
});
