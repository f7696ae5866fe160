import { Role } from '@ogp/common';
import type { BrowserContext, Page } from 'playwright-core';
import { graphql } from '../utils/graphql-client';
import { signIn, type TestUser } from '../utils/users';
import {
  axeViolations,
  newPage,
  screenshot,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';

// The API's refusals on Danish pages: said in Danish from their message keys, never as the English the API
// writes for scripts. What the API wrote is asked for over HTTP with the same input, so the check that it is
// absent from the page does not depend on a copy of it here.

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { email } }`;
const ASSESS = `mutation ($input: AssessCommitmentInput!) { assessCommitment(input: $input) { stage } }`;
const SOURCE = {
  url: 'https://www.opengovpartnership.org/documents/denmark-implementation-report-2017-2019/',
  title: 'Denmark Implementation Report 2017-2019',
};

interface ApiRefusal {
  message: string;
  extensions?: { problems?: { field: string; message: string }[] };
}

/** The English texts of a refusal: its message and each problem's, without the field named in front. */
function englishTexts(error: ApiRefusal): string[] {
  const problems = error.extensions?.problems ?? [];
  return [error.message, ...problems.map((problem) => problem.message)].map((text) =>
    text.replace(/^[\w.[\]]+: /, ''),
  );
}

describe('dashboard in a browser: refusals in the reader’s language', () => {
  let server: DashboardServer;
  let admin: TestUser;
  let reviewer: TestUser;
  const contexts: BrowserContext[] = [];

  async function pageAs(user: TestUser): Promise<Page> {
    const { context, page } = await newPage(server);
    contexts.push(context);
    await signInContext(context, server.api.baseUrl, user);
    return page;
  }

  /** The refusal the API gives `user` for `query`, over HTTP. */
  async function refusal(
    user: TestUser,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<ApiRefusal> {
    const answer = await graphql(
      server.api.baseUrl,
      query,
      variables,
      await signIn(server.api.baseUrl, user),
    );
    expect(answer.errors?.length).toBe(1);
    return answer.errors![0];
  }

  /** The field's error (it is marked invalid and described by it) once the summary has taken focus. */
  async function fieldError(page: Page, controlId: string): Promise<string> {
    await page.waitForSelector(`#${controlId}[aria-invalid="true"]`);
    const described = (await page.getAttribute(`#${controlId}`, 'aria-describedby')) ?? '';
    const errorId = described.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeDefined();
    // Said in the page's language: not marked as English text.
    expect(await page.getAttribute(`#${errorId}`, 'lang')).toBeNull();
    return (await page.textContent(`#${errorId}`))!.trim();
  }

  /** No English text of the refusal anywhere on the page, and none of the summary marked as English. */
  async function expectNoEnglish(page: Page, error: ApiRefusal): Promise<void> {
    const shown = await page.innerText('main');
    for (const english of englishTexts(error)) expect(shown).not.toContain(english);
    expect(await page.$$eval('.error-summary [lang="en"]', (nodes) => nodes.length)).toBe(0);
  }

  beforeAll(async () => {
    server = await startDashboard();
    [admin, reviewer] = await Promise.all([
      server.createUser([Role.ADMIN], { displayName: 'Ada Admin' }),
      server.createUser([Role.REVIEWER], { displayName: 'Rita Reviewer' }),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
  });

  it('the user form: a short password is refused in Danish, by the password field', async () => {
    const input = {
      email: 'kort.kodeord@example.org',
      displayName: 'Kort Kodeord',
      password: 'kort1',
      roles: ['REVIEWER'],
    };
    const api = await refusal(admin, CREATE_USER, { input });
    expect(api.message).toMatch(/characters long/);

    const page = await pageAs(admin);
    await page.goto(`${server.api.baseUrl}/admin/users?lang=da`);
    await waitForRendered(page);
    await page.fill('#user-name', input.displayName);
    await page.fill('#user-email', input.email);
    await page.fill('#user-password', input.password);
    await page.check('#user-create-role-REVIEWER');
    await page.click('#user-create button[type=submit]');

    expect(await fieldError(page, 'user-password')).toBe(
      'Skal være 12 til 128 tegn lang (den har 5)',
    );
    expect(await page.innerText('.error-summary:not([hidden])')).toContain(
      'Skal være 12 til 128 tegn lang (den har 5)',
    );
    await expectNoEnglish(page, api);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-user-password-da');
  });

  it('the assessment form: a future date and an invalid partial date are refused in Danish', async () => {
    const future = `${new Date().getUTCFullYear() + 1}-05`;
    const fill = async (page: Page, date: string) => {
      await page.check('#assess-stage-MIDTERM');
      await page.check('#assess-assessor-IRM');
      await page.fill('#assess-date', date);
      await page.fill('#assess-source-url', SOURCE.url);
      await page.fill('#assess-source-title', SOURCE.title);
      await page.selectOption('#assess-completion', 'LIMITED');
      await page.click('#assess-form button[type=submit]');
    };
    const input = (assessedOn: string) => ({
      input: {
        commitmentOgpId: 'DK0052',
        stage: 'MIDTERM',
        assessor: 'IRM',
        assessedOn,
        source: SOURCE,
        completion: 'LIMITED',
      },
    });

    const page = await pageAs(reviewer);
    await page.goto(`${server.api.baseUrl}/commitments/DK0052/assess?lang=da`);
    await waitForRendered(page);

    const futureRefusal = await refusal(reviewer, ASSESS, input(future));
    expect(futureRefusal.message).toMatch(/is in the future/);
    await fill(page, future);
    expect(await fieldError(page, 'assess-date')).toBe(
      `Ligger i fremtiden: ${future} begynder ${future}-01, efter i dag (${new Date().toISOString().slice(0, 10)})`,
    );
    await expectNoEnglish(page, futureRefusal);
    await screenshot(page, 'errors-assess-future-da');

    const invalidRefusal = await refusal(reviewer, ASSESS, input('2018-13'));
    expect(invalidRefusal.message).toMatch(/Invalid partial date/);
    await page.fill('#assess-date', '');
    await fill(page, '2018-13');
    await page.waitForFunction(
      () => !document.getElementById('assess-form')?.innerText.includes('Ligger i fremtiden'),
    );
    expect(await fieldError(page, 'assess-date')).toBe(
      '„2018-13“ er ikke en gyldig dato: måneden skal være 01 til 12',
    );
    await expectNoEnglish(page, invalidRefusal);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-assess-partial-date-da');
  });
});
