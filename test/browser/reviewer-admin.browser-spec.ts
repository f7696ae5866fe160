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

interface ApiMilestone {
  id: string;
  verification: string;
  commitment: { ogpId: string };
  history: { id: string }[];
}
interface ApiUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  isActive: boolean;
  agencies: { slug: string }[];
}

const MILESTONES = `query ($planSlug: String!) {
  milestones(planSlug: $planSlug, filter: { noData: false }, first: 100) {
    nodes { id verification commitment { ogpId } history { id } }
  }
}`;
const MILESTONE_VERIFICATION = `query ($ogpId: String!) {
  commitment(ogpId: $ogpId) { milestones { id verification } }
}`;
const ASSESSMENTS = `query ($ogpId: String!) {
  commitment(ogpId: $ogpId) {
    assessments { stage assessor completion assessedOn { label } source { url } potentialImpact }
  }
}`;
const COMMITMENTS = `query ($planSlug: String!) {
  commitments(planSlug: $planSlug, first: 100) { nodes { ogpId progress { percent } } }
}`;
const USERS = '{ users { id email displayName roles isActive agencies { slug } } }';
const ALL_AGENCIES = '{ agencies(first: 100) { nodes { slug name { da en } abbreviation } } }';

describe('dashboard in a browser: the reviewer and administrator screens', () => {
  let server: DashboardServer;
  let reviewer: TestUser;
  let admin: TestUser;
  let coordinator: TestUser;
  let reviewerHeaders: Record<string, string>;
  let adminHeaders: Record<string, string>;
  const contexts: BrowserContext[] = [];

  /** A page signed in as `user`. */
  async function pageAs(user: TestUser): Promise<Page> {
    const { context, page } = await newPage(server);
    contexts.push(context);
    await signInContext(context, server.api.baseUrl, user);
    return page;
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${server.api.baseUrl}${path}`);
    await waitForRendered(page);
  }

  async function api<T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<T> {
    const answer = await graphql<T>(server.api.baseUrl, query, variables, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  const reportedMilestones = async () =>
    (
      await api<{ milestones: { nodes: ApiMilestone[] } }>(
        MILESTONES,
        { planSlug: PLAN },
        reviewerHeaders,
      )
    ).milestones.nodes;

  async function verificationOf(milestone: ApiMilestone): Promise<string> {
    const data = await api<{ commitment: { milestones: { id: string; verification: string }[] } }>(
      MILESTONE_VERIFICATION,
      { ogpId: milestone.commitment.ogpId },
      reviewerHeaders,
    );
    return data.commitment.milestones.find((m) => m.id === milestone.id)!.verification;
  }

  const users = async () => (await api<{ users: ApiUser[] }>(USERS, {}, adminHeaders)).users;

  /** Every field marked invalid is described by its visible error, and the summary has focus. */
  async function expectFieldError(page: Page, controlId: string): Promise<string> {
    await page.waitForSelector(`#${controlId}[aria-invalid="true"]`);
    const described = (await page.getAttribute(`#${controlId}`, 'aria-describedby')) ?? '';
    const errorId = described.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeDefined();
    const error = (await page.textContent(`#${errorId}`))!.trim();
    expect(error).not.toBe('');
    expect(await page.isVisible(`#${errorId}`)).toBe(true);
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true);
    return error;
  }

  beforeAll(async () => {
    server = await startDashboard();
    [reviewer, admin, coordinator] = await Promise.all([
      server.createUser([Role.REVIEWER], { displayName: 'Rita Reviewer' }),
      server.createUser([Role.ADMIN], { displayName: 'Ada Admin' }),
      server.createUser([Role.COORDINATOR], {
        agencySlugs: ['digitaliseringsstyrelsen'],
        displayName: 'Carl Coordinator',
      }),
    ]);
    [reviewerHeaders, adminHeaders] = await Promise.all([
      signIn(server.api.baseUrl, reviewer),
      signIn(server.api.baseUrl, admin),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
  });

  it("lists the plan's reported milestones with the API's verification, and filters them in the URL", async () => {
    const page = await pageAs(reviewer);
    await open(page, '/review?lang=en');
    const expected = await reportedMilestones();
    expect(expected.length).toBeGreaterThan(2);
    const rows = await page.$$eval('#review-milestones tbody tr', (trs) =>
      trs.map((tr) => ({
        id: (tr as HTMLElement).dataset.key,
        verification: tr.querySelector<HTMLElement>('[data-verification]')?.dataset.verification,
        verify: tr.querySelector('a.ra-verify-link')?.getAttribute('href'),
      })),
    );
    expect(rows.map((row) => [row.id, row.verification]).sort()).toEqual(
      expected.map((m) => [m.id, m.verification]).sort(),
    );
    const first = expected[0];
    expect(rows.find((row) => row.id === first.id)?.verify).toBe(
      `/commitments/${first.commitment.ogpId}/milestones/${first.id}/verify?lang=en`,
    );
    // Every commitment of the plan, with the API's computed percent and a link to assess it.
    const commitments = (
      await api<{
        commitments: { nodes: { ogpId: string; progress: { percent: number | null } }[] };
      }>(COMMITMENTS, { planSlug: PLAN }, reviewerHeaders)
    ).commitments.nodes;
    expect(commitments).toHaveLength(14);
    const shown = await page.$$eval('#review-commitments tbody tr', (trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.key,
        tr.querySelector('td')?.dataset.value,
        !!tr.querySelector('a.ra-assess-link'),
      ]),
    );
    expect(shown).toEqual(
      commitments.map((c) => [
        c.ogpId,
        c.progress.percent === null ? '' : String(c.progress.percent),
        true,
      ]),
    );

    await page.selectOption('#review-verification', 'VERIFIED');
    await page.click('#review-filters button[type=submit]');
    await waitForRendered(page, `/review?lang=en&plan=${PLAN}&verification=VERIFIED`);
    const verifiedRows = await page.$$eval('#review-milestones tbody tr', (trs) => trs.length);
    expect(verifiedRows).toBe(expected.filter((m) => m.verification === 'VERIFIED').length);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-en');

    await open(page, `/review?lang=da&plan=${PLAN}`);
    expect(await page.textContent('h1')).toBe('Gennemgang af fremdrift');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-da');
  });

  it('verifies one milestone and disputes another: the API reads VERIFIED and DISPUTED, and the review list shows it', async () => {
    const page = await pageAs(reviewer);
    const [toVerify, toDispute] = (await reportedMilestones()).filter(
      (m) => m.verification === 'UNVERIFIED',
    );
    expect(toDispute).toBeDefined();

    // Verify, reached from the review list.
    await open(page, `/review?lang=en&plan=${PLAN}`);
    await page.click(`#review-milestones tr[data-key="${toVerify.id}"] a.ra-verify-link`);
    await waitForRendered(
      page,
      `/commitments/${toVerify.commitment.ogpId}/milestones/${toVerify.id}/verify?lang=en`,
    );
    expect(await page.textContent('#verify-current')).toBe('Unverified');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verify-en');
    await page.check('#verify-verdict-VERIFIED');
    await page.fill('#verify-note-en', 'The evidence links show the delivered work.');
    await page.click('#verify-form button[type=submit]');
    await page.waitForFunction(
      () =>
        document.getElementById('verify-success')?.textContent === 'Verdict recorded: Verified.',
    );
    expect(await page.textContent('#verify-current')).toBe('Verified');
    expect(await verificationOf(toVerify)).toBe('VERIFIED');

    // Dispute in Danish: first without the note the API requires, then with it.
    const path = `/commitments/${toDispute.commitment.ogpId}/milestones/${toDispute.id}/verify`;
    await open(page, `${path}?lang=da`);
    await page.check('#verify-verdict-DISPUTED');
    await page.click('#verify-form button[type=submit]');
    const error = await expectFieldError(page, 'verify-note-da');
    expect(error).toBe('En bestridelse kræver en note om, hvad der er galt');
    expect(await page.isChecked('#verify-verdict-DISPUTED')).toBe(true);
    expect(await verificationOf(toDispute)).toBe('UNVERIFIED');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verify-error-da');

    await page.fill('#verify-note-da', 'Dokumentationen viser ikke, at milepælen er nået.');
    await page.click('#verify-form button[type=submit]');
    await page.waitForFunction(() =>
      document.getElementById('verify-success')?.textContent?.includes('Bestridt'),
    );
    await page.waitForFunction(
      () => document.getElementById('verify-current')?.dataset.verification === 'DISPUTED',
    );
    expect(await page.getAttribute('#verify-note-da', 'aria-invalid')).toBeNull();
    expect(await verificationOf(toDispute)).toBe('DISPUTED');
    // The verdict is listed with its note.
    expect(await page.textContent('#verify-verdicts')).toContain(
      'Dokumentationen viser ikke, at milepælen er nået.',
    );

    await open(page, `/review?lang=da&plan=${PLAN}&verification=DISPUTED`);
    const disputed = await page.$$eval('#review-milestones tbody tr', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.key),
    );
    expect(disputed).toEqual([toDispute.id]);
    await open(page, `/review?lang=da&plan=${PLAN}&verification=VERIFIED`);
    expect(
      await page.$$eval('#review-milestones tbody tr', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.key),
      ),
    ).toContain(toVerify.id);
  });

  it('does not record a verdict on a report the reviewer has not seen: a newer report is shown and explained', async () => {
    const page = await pageAs(reviewer);
    const unverified = (await reportedMilestones()).filter((m) => m.verification === 'UNVERIFIED');
    const target = unverified.at(-1)!;
    await open(
      page,
      `/commitments/${target.commitment.ogpId}/milestones/${target.id}/verify?lang=en`,
    );
    await page.check('#verify-verdict-VERIFIED');
    await page.fill('#verify-note-en', 'Checked against the evidence.');

    // Meanwhile the agency reports again.
    const { milestones } = await api<{
      milestones: { nodes: { id: string; version: number }[] };
    }>(
      'query ($planSlug: String!) { milestones(planSlug: $planSlug, first: 100) { nodes { id version } } }',
      { planSlug: PLAN },
      adminHeaders,
    );
    const version = milestones.nodes.find((m) => m.id === target.id)!.version;
    await api(
      `mutation ($input: RecordMilestoneUpdateInput!) {
        recordMilestoneUpdate(input: $input) { statusUpdate { id } }
      }`,
      {
        input: {
          milestoneId: target.id,
          expectedVersion: version,
          status: 'IN_PROGRESS',
          progressPercent: 42,
          note: { en: 'Reopened: more work found.' },
        },
      },
      adminHeaders,
    );

    await page.click('#verify-form button[type=submit]');
    await page.waitForSelector('#verify-notice:not([hidden])');
    expect(await page.textContent('#verify-notice')).toContain('reported again');
    // The newer report is on screen, what was typed is kept, and nothing was recorded.
    expect(await page.getAttribute('#verify-report [data-field="percent"]', 'data-value')).toBe(
      '42',
    );
    expect(await page.inputValue('#verify-note-en')).toBe('Checked against the evidence.');
    expect(await page.isChecked('#verify-verdict-VERIFIED')).toBe(true);
    expect(await verificationOf(target)).toBe('UNVERIFIED');
    expect(await axeViolations(page)).toEqual([]);

    // Submitted again, the verdict is about the report now shown.
    await page.click('#verify-form button[type=submit]');
    await page.waitForFunction(
      () => document.getElementById('verify-current')?.dataset.verification === 'VERIFIED',
    );
    expect(await verificationOf(target)).toBe('VERIFIED');
  });

  it('records an assessment after a refused date, and the commitment from the API holds it', async () => {
    const page = await pageAs(reviewer);
    const ogpId = 'DK0052';
    const before = (
      await api<{ commitment: { assessments: unknown[] } }>(ASSESSMENTS, { ogpId }, reviewerHeaders)
    ).commitment.assessments.length;

    await open(page, `/commitments/${ogpId}/assess?lang=en`);
    expect(await page.textContent('h1')).toBe(`Assess commitment ${ogpId}`);
    const existingRows = await page.$$eval(
      '#assess-existing li.ra-assessment',
      (items) => items.length,
    );
    expect(existingRows).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess-en');

    await page.check('#assess-stage-END_OF_TERM');
    await page.check('#assess-assessor-IRM');
    await page.fill('#assess-date', '2099');
    await page.fill(
      '#assess-source-url',
      'https://www.opengovpartnership.org/documents/denmark-implementation-report-2017-2019/',
    );
    await page.fill('#assess-source-title', 'Denmark Implementation Report 2017-2019');
    await page.selectOption('#assess-completion', 'SUBSTANTIAL');
    await page.selectOption('#assess-impact', 'MODERATE');
    await page.check('#assess-value-ACCESS_TO_INFORMATION');
    await page.click('#assess-form button[type=submit]');
    // The API's own check of the date, next to the date field; nothing typed is lost.
    const error = await expectFieldError(page, 'assess-date');
    expect(error).toContain('future');
    expect(await page.inputValue('#assess-source-title')).toBe(
      'Denmark Implementation Report 2017-2019',
    );
    expect(await page.inputValue('#assess-completion')).toBe('SUBSTANTIAL');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess-error-en');

    await page.fill('#assess-date', '2020-05');
    await page.click('#assess-form button[type=submit]');
    await page.waitForFunction(() =>
      document.getElementById('assess-success')?.textContent?.includes('End of term'),
    );
    const after = (
      await api<{
        commitment: {
          assessments: {
            stage: string;
            assessor: string;
            completion: string | null;
            assessedOn: { label: string };
            source: { url: string };
            potentialImpact: string | null;
          }[];
        };
      }>(ASSESSMENTS, { ogpId }, reviewerHeaders)
    ).commitment.assessments;
    expect(after).toHaveLength(before + 1);
    expect(after.filter((a) => a.assessedOn.label === '2020-05')).toEqual([
      {
        stage: 'END_OF_TERM',
        assessor: 'IRM',
        completion: 'SUBSTANTIAL',
        assessedOn: { label: '2020-05' },
        source: {
          url: 'https://www.opengovpartnership.org/documents/denmark-implementation-report-2017-2019/',
        },
        potentialImpact: 'MODERATE',
      },
    ]);
    // Shown beside the form.
    await page.waitForFunction(
      (count) => document.querySelectorAll('#assess-existing li.ra-assessment').length === count,
      before + 1,
    );
    expect(await page.textContent('#assess-existing')).toContain('2020-05');

    await open(page, `/commitments/${ogpId}/assess?lang=da`);
    expect(await page.textContent('h1')).toBe(`Vurdér forpligtelse ${ogpId}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess-da');
  });

  it('lets the administrator create an agency and a coordinator for it, change roles and deactivate a user', async () => {
    const page = await pageAs(admin);

    await open(page, '/admin/agencies?lang=en');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-agencies-en');
    // A key the API refuses: its problem is shown next to the key field.
    await page.fill('#agency-new-name-da', 'Styrelsen for Åben Forvaltning');
    await page.fill('#agency-new-name-en', 'Agency for Open Government');
    await page.fill('#agency-new-slug', 'Not A Slug');
    await page.fill('#agency-new-abbreviation', 'SÅF');
    await page.click('#agency-create button[type=submit]');
    await expectFieldError(page, 'agency-new-slug');
    expect(await page.inputValue('#agency-new-name-en')).toBe('Agency for Open Government');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-agencies-error-en');

    await page.fill('#agency-new-slug', 'aaben-forvaltning');
    await page.click('#agency-create button[type=submit]');
    await page.waitForSelector('#agencies tr[data-key="aaben-forvaltning"]');
    expect(await page.textContent('#agencies-success')).toBe(
      'The agency Agency for Open Government is created.',
    );
    const agencies = (
      await api<{ agencies: { nodes: { slug: string; name: object; abbreviation: string }[] } }>(
        ALL_AGENCIES,
        {},
        adminHeaders,
      )
    ).agencies.nodes;
    expect(agencies.find((a) => a.slug === 'aaben-forvaltning')).toEqual({
      slug: 'aaben-forvaltning',
      name: { da: 'Styrelsen for Åben Forvaltning', en: 'Agency for Open Government' },
      abbreviation: 'SÅF',
    });

    // Edit it: a new abbreviation.
    await page.click('#agencies tr[data-key="aaben-forvaltning"] a.ra-edit-link');
    await waitForRendered(page, '/admin/agencies?lang=en&edit=aaben-forvaltning');
    expect(await page.inputValue('#agency-edit-abbreviation')).toBe('SÅF');
    await page.fill('#agency-edit-abbreviation', 'SAAF');
    await page.click('#agency-edit-form button[type=submit]');
    await waitForRendered(page, '/admin/agencies?lang=en');
    expect(
      (
        await api<{ agencies: { nodes: { slug: string; abbreviation: string }[] } }>(
          ALL_AGENCIES,
          {},
          adminHeaders,
        )
      ).agencies.nodes.find((a) => a.slug === 'aaben-forvaltning')?.abbreviation,
    ).toBe('SAAF');
    expect(await page.textContent('#agencies tr[data-key="aaben-forvaltning"]')).toContain('SAAF');

    // Archiving a lead agency is refused, and the API's reason is shown.
    await page.click('#agencies tr[data-key="digitaliseringsstyrelsen"] button.ra-archive');
    await page.click('#agency-confirm-yes');
    await page.waitForSelector('#agencies-errors:not([hidden])');
    expect(await page.textContent('#agencies-errors')).toContain(
      'still leads commitments that are not archived',
    );
    expect(await axeViolations(page)).toEqual([]);

    // A coordinator for the new agency.
    await open(page, '/admin/users?lang=en');
    await page.fill('#user-name', 'Olga Open');
    await page.fill('#user-email', 'olga@example.org');
    await page.fill('#user-password', 'a long enough first password');
    await page.check('#user-create-role-COORDINATOR');
    await page.check('#user-create-agency-aaben-forvaltning');
    await page.click('#user-create button[type=submit]');
    await page.waitForSelector('#users tr[data-key="olga@example.org"]');
    let olga = (await users()).find((u) => u.email === 'olga@example.org')!;
    expect(olga).toMatchObject({
      displayName: 'Olga Open',
      roles: ['COORDINATOR'],
      isActive: true,
      agencies: [{ slug: 'aaben-forvaltning' }],
    });

    // Roles: a reviewer as well; the agency stays.
    await page.click(`#users tr[data-key="olga@example.org"] a.ra-edit-link`);
    await waitForRendered(page, `/admin/users?lang=en&edit=${olga.id}`);
    expect(await page.isChecked('#user-edit-role-COORDINATOR')).toBe(true);
    expect(await page.isChecked('#user-edit-agency-aaben-forvaltning')).toBe(true);
    await page.check('#user-edit-role-REVIEWER');
    await page.click('#user-edit-form button[type=submit]');
    await waitForRendered(page, '/admin/users?lang=en');
    olga = (await users()).find((u) => u.email === 'olga@example.org')!;
    expect(olga.roles).toEqual(['COORDINATOR', 'REVIEWER']);
    expect(await page.textContent('#users tr[data-key="olga@example.org"]')).toContain(
      'Coordinator, Reviewer',
    );

    // A reviewer without the coordinator role cannot keep agencies: the API says so by the agencies.
    await open(page, `/admin/users?lang=en&edit=${olga.id}`);
    await page.uncheck('#user-edit-role-COORDINATOR');
    await page.click('#user-edit-form button[type=submit]');
    await page.waitForSelector('#user-edit-agencies.has-error');
    expect(await page.textContent('#user-edit-agencies-error')).toContain(
      'Only coordinators report for agencies',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-error-en');

    // Deactivate the coordinator, after confirming.
    await open(page, '/admin/users?lang=en');
    await page.click(`#users tr[data-key="olga@example.org"] button.ra-deactivate`);
    expect(await page.isVisible('#user-confirm')).toBe(true);
    expect(await page.textContent('#user-confirm')).toContain('olga@example.org');
    expect((await users()).find((u) => u.email === 'olga@example.org')!.isActive).toBe(true);
    await page.click('#user-confirm-yes');
    await page.waitForSelector('#users tr[data-key="olga@example.org"] [data-active="false"]');
    expect((await users()).find((u) => u.email === 'olga@example.org')!.isActive).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-en');

    await open(page, '/admin/users?lang=da');
    expect(await page.textContent('h1')).toBe('Brugere');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-da');
    await open(page, '/admin/agencies?lang=da');
    expect(await page.textContent('h1')).toBe('Myndigheder');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-agencies-da');
  });

  it('refuses the administrator screens to a coordinator, and the review screens too', async () => {
    const page = await pageAs(coordinator);
    await open(page, '/admin/users?lang=en');
    expect(await page.textContent('h1')).toBe('You do not have access to this page.');
    expect(await page.$('#users')).toBeNull();
    await open(page, '/review?lang=en');
    expect(await page.textContent('h1')).toBe('You do not have access to this page.');
  });
});
