import { Role } from '@ogp/common';
import type { BrowserContext, Page } from 'playwright-core';
import { graphql } from '../utils/graphql-client';
import { signIn, type TestUser } from '../utils/users';
import {
  axeViolations,
  newPage,
  PLAN,
  screenshot,
  signInContext,
  startDashboard,
  waitForRendered,
  type DashboardServer,
} from './support/browser';
import {
  apiRefusal,
  expectFieldError,
  expectNoEnglish,
  fieldError,
  problemKeys,
  type ApiRefusal,
} from './support/refusals';

// The API's refusals on Danish pages: said in Danish from their message keys, never as the English the API
// writes for scripts. What the API wrote is asked for over HTTP with the same input, so the check that it is
// absent from the page does not depend on a copy of it here.

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { email } }`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { id }
}`;
const ARCHIVE_AGENCY = `mutation ($slug: String!) { archiveAgency(slug: $slug) { slug } }`;
const SET_ROLES = `mutation ($userId: ID!, $roles: [Role!]!, $agencySlugs: [String!]) {
  setUserRoles(userId: $userId, roles: $roles, agencySlugs: $agencySlugs) { id }
}`;
const UPDATE_AGENCY = `mutation ($slug: String!, $input: UpdateAgencyInput!) {
  updateAgency(slug: $slug, input: $input) { slug }
}`;
const LEAD_AGENCY = 'digitaliseringsstyrelsen';
const CREATE_AGENCY = `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { slug } }`;
const VERIFY = `mutation ($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { milestone { id } } }`;
const REPORTED = `query ($planSlug: String!) {
  milestones(planSlug: $planSlug, filter: { noData: false }, first: 100) {
    nodes { id verification commitment { ogpId } history { id } }
  }
}`;
const ASSESS = `mutation ($input: AssessCommitmentInput!) { assessCommitment(input: $input) { stage } }`;
const SOURCE = {
  url: 'https://www.opengovpartnership.org/documents/denmark-implementation-report-2017-2019/',
  title: 'Denmark Implementation Report 2017-2019',
};

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

  /** The refusal the API gives `user` (or anyone signed out) for `query`, over HTTP. */
  async function refusal(
    user: TestUser | null,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<ApiRefusal> {
    const headers = user ? await signIn(server.api.baseUrl, user) : {};
    return apiRefusal(server.api.baseUrl, query, variables, headers);
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

  it('sign-in: a wrong password, an unknown email and a malformed address are refused in Danish', async () => {
    const signer = await server.createUser([Role.REVIEWER], { displayName: 'Sigrid Signer' });
    const attempts: { email: string; password: string; field: string; danish: string }[] = [
      { email: signer.email, password: 'not the password at all', field: 'password', danish: '' },
      {
        email: 'nobody-here@example.org',
        password: signer.password,
        field: 'password',
        danish: '',
      },
      { email: 'ikke-en-adresse', password: signer.password, field: 'email', danish: '' },
    ];
    const { context, page } = await newPage(server);
    contexts.push(context);
    await page.goto(`${server.api.baseUrl}/sign-in?lang=da`);
    await waitForRendered(page, '/sign-in');

    for (const attempt of attempts) {
      const api = await refusal(null, LOGIN, { email: attempt.email, password: attempt.password });
      attempt.danish =
        attempt.field === 'email'
          ? `Er ikke en e-mailadresse på højst ${String(api.extensions?.messageParams?.max)} tegn`
          : 'Forkert e-mail eller adgangskode. Efter 5 mislykkede forsøg herfra skal hvert nyt forsøg vente lidt længere (op til 15 minutter).';
      expect(api.extensions?.messageKey).toBe(
        attempt.field === 'email' ? 'signIn.email' : 'signIn.wrong',
      );

      await page.fill('#email', attempt.email);
      await page.fill('#password', attempt.password);
      await page.click('form.form button[type=submit]');
      // The password is emptied when the answer has come.
      await page.waitForFunction(
        () => (document.getElementById('password') as HTMLInputElement).value === '',
      );
      await expectFieldError(page, attempt.field, attempt.danish);
      await expectNoEnglish(page, api);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-sign-in-da');
  });

  it('the user forms: a short password, a taken or malformed email and agencies for a reviewer are refused in Danish', async () => {
    const page = await pageAs(admin);
    await page.goto(`${server.api.baseUrl}/admin/users?lang=da`);
    await waitForRendered(page);
    const cases = [
      {
        input: { email: 'kort.kodeord@example.org', password: 'kort1' },
        key: 'password.length',
        field: 'user-password',
        danish: 'Skal være 12 til 128 tegn lang (den har 5)',
      },
      {
        input: { email: admin.email, password: 'a long enough first password' },
        key: 'user.emailTaken',
        field: 'user-email',
        danish: 'Tilhører allerede en anden bruger',
      },
      {
        input: { email: 'ikke-en-adresse', password: 'a long enough first password' },
        key: 'user.email',
        field: 'user-email',
        danish: 'Er ikke en e-mailadresse',
      },
    ];
    for (const { input, key, field, danish } of cases) {
      const full = { ...input, displayName: 'Dorte Dansk', roles: ['REVIEWER'] };
      const api = await refusal(admin, CREATE_USER, { input: full });
      expect(problemKeys(api)).toEqual([key]);

      await page.fill('#user-name', full.displayName);
      await page.fill('#user-email', full.email);
      await page.fill('#user-password', full.password);
      await page.check('#user-create-role-REVIEWER');
      await page.click('#user-create button[type=submit]');
      await expectFieldError(page, field, danish);
      await expectNoEnglish(page, api);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-user-da');

    // The roles of a coordinator changed to reviewer, the agency still ticked.
    const coordinator = await server.createUser([Role.COORDINATOR], {
      agencySlugs: [LEAD_AGENCY],
      displayName: 'Carl Coordinator',
    });
    const roles = await refusal(admin, SET_ROLES, {
      userId: coordinator.id,
      roles: ['REVIEWER'],
      agencySlugs: [LEAD_AGENCY],
    });
    expect(problemKeys(roles)).toEqual(['user.agenciesOnlyForCoordinators']);
    await page.goto(`${server.api.baseUrl}/admin/users?lang=da&edit=${coordinator.id}`);
    await waitForRendered(page);
    await page.check('#user-edit-role-REVIEWER');
    await page.uncheck('#user-edit-role-COORDINATOR');
    await page.click('#user-edit-form button[type=submit]');
    await expectFieldError(
      page,
      'user-edit-agencies',
      'Kun koordinatorer rapporterer for myndigheder',
      false,
    );
    await expectNoEnglish(page, roles);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the agency forms: a taken key, a malformed country code and an archive refused are said in Danish', async () => {
    const input = {
      slug: LEAD_AGENCY,
      countryCode: 'dk',
      name: { da: 'Styrelsen for Dobbelte Nøgler', en: 'Agency for Double Keys' },
      abbreviation: 'SDN',
    };
    const api = await refusal(admin, CREATE_AGENCY, { input });
    expect(problemKeys(api).sort()).toEqual(['agency.slugTaken', 'plan.countryCodeShape']);

    const page = await pageAs(admin);
    await page.goto(`${server.api.baseUrl}/admin/agencies?lang=da`);
    await waitForRendered(page);
    await page.fill('#agency-new-name-da', input.name.da);
    await page.fill('#agency-new-name-en', input.name.en);
    await page.fill('#agency-new-slug', input.slug);
    await page.fill('#agency-new-abbreviation', input.abbreviation);
    await page.fill('#agency-new-country', input.countryCode);
    await page.click('#agency-create button[type=submit]');
    await expectFieldError(page, 'agency-new-slug', 'Bruges allerede af en anden myndighed');
    await expectFieldError(
      page,
      'agency-new-country',
      'Skal være en landekode på to store bogstaver (ISO 3166-1 alpha-2), fx „DK“',
    );
    await expectNoEnglish(page, api);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-agency-da');

    // Archiving an agency that still leads commitments: said in the list's summary.
    const archive = await refusal(admin, ARCHIVE_AGENCY, { slug: LEAD_AGENCY });
    expect(archive.extensions?.messageKey).toBe('agency.leadsCommitments');
    const ogpIds = archive.extensions?.messageParams?.ogpIds;
    expect(Array.isArray(ogpIds) && ogpIds.length > 0).toBe(true);
    await page.click(`#agencies tr[data-key="${LEAD_AGENCY}"] button.ra-archive`);
    await page.click('#agency-confirm-yes');
    await page.waitForSelector('#agencies-errors:not([hidden])');
    expect(await page.innerText('#agencies-errors')).toContain(
      `Myndigheden „${LEAD_AGENCY}“ er stadig ansvarlig for forpligtelser, der ikke er arkiveret: ${(ogpIds as string[]).join(', ')}; giv dem en anden ansvarlig, eller arkivér dem først`,
    );
    await expectNoEnglish(page, archive);
    // One summary at a time: the new agency's problems stay by its fields.
    expect(await page.isHidden('#agency-new-errors')).toBe(true);
    expect(await page.getAttribute('#agency-new-slug', 'aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // Another agency's key given to one being edited.
    const agencies = await graphql<{ agencies: { nodes: { slug: string }[] } }>(
      server.api.baseUrl,
      '{ agencies(first: 100) { nodes { slug } } }',
      {},
      await signIn(server.api.baseUrl, admin),
    );
    const edited = agencies.data!.agencies.nodes.find((a) => a.slug !== LEAD_AGENCY)!.slug;
    const rename = await refusal(admin, UPDATE_AGENCY, {
      slug: edited,
      input: { slug: LEAD_AGENCY },
    });
    expect(problemKeys(rename)).toEqual(['agency.slugTaken']);
    await page.goto(`${server.api.baseUrl}/admin/agencies?lang=da&edit=${edited}`);
    await waitForRendered(page);
    await page.fill('#agency-edit-slug', LEAD_AGENCY);
    await page.click('#agency-edit-form button[type=submit]');
    await expectFieldError(page, 'agency-edit-slug', 'Bruges allerede af en anden myndighed');
    await expectNoEnglish(page, rename);
  });

  it('the verify form: a dispute without a note is refused in Danish, by the note', async () => {
    const reviewerHeaders = await signIn(server.api.baseUrl, reviewer);
    const answer = await graphql<{
      milestones: {
        nodes: {
          id: string;
          verification: string;
          commitment: { ogpId: string };
          history: { id: string }[];
        }[];
      };
    }>(server.api.baseUrl, REPORTED, { planSlug: PLAN }, reviewerHeaders);
    const milestone = answer.data!.milestones.nodes.find((m) => m.verification === 'UNVERIFIED')!;
    expect(milestone).toBeDefined();
    const input = {
      milestoneId: milestone.id,
      statusUpdateId: milestone.history[0].id,
      verdict: 'DISPUTED',
      note: null,
    };
    const api = await refusal(reviewer, VERIFY, { input });
    expect(problemKeys(api)).toEqual(['verification.disputeNeedsNote']);

    const page = await pageAs(reviewer);
    await page.goto(
      `${server.api.baseUrl}/commitments/${milestone.commitment.ogpId}/milestones/${milestone.id}/verify?lang=da`,
    );
    await waitForRendered(page);
    await page.check('#verify-verdict-DISPUTED');
    await page.click('#verify-form button[type=submit]');
    await expectFieldError(
      page,
      'verify-note-da',
      'En bestridelse kræver en note om, hvad der er galt',
    );
    await expectNoEnglish(page, api);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-verify-da');
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

    // A source address without its scheme, the date now right: said at the address.
    const bareUrl = SOURCE.url.replace('https://', '');
    const urlRefusal = await refusal(reviewer, ASSESS, {
      input: { ...input('2019-06').input, source: { ...SOURCE, url: bareUrl } },
    });
    expect(problemKeys(urlRefusal)).toEqual(['field.urlAbsolute']);
    await page.fill('#assess-date', '2019-06');
    await page.fill('#assess-source-url', bareUrl);
    await page.click('#assess-form button[type=submit]');
    await expectFieldError(
      page,
      'assess-source-url',
      'Skal være en hel adresse, der begynder med https:// eller http://',
    );
    expect(await page.getAttribute('#assess-date', 'aria-invalid')).toBeNull();
    await expectNoEnglish(page, urlRefusal);
  });
});
