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
import {
  apiRefusal,
  expectFieldError,
  expectNoEnglish,
  problemKeys,
  type ApiRefusal,
} from './support/refusals';

// The progress report form's refusals on a Danish page: each said in Danish by its field (or, for a report on a
// version someone else has moved on, in the conflict panel), and none of the English the API gives a script for
// the same input.

const COMMITMENT = 'DK0051';
const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { milestone { version } }
}`;
const MILESTONES = `query ($ogpId: String!) {
  commitment(ogpId: $ogpId) { leadAgency { slug } milestones { id version status progressPercent } }
}`;

interface ApiMilestone {
  id: string;
  version: number;
  status: string | null;
  progressPercent: number | null;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('dashboard in a browser: the report form’s refusals in Danish', () => {
  let server: DashboardServer;
  let coordinator: TestUser;
  let other: TestUser;
  let milestoneId: string;
  let reportPath: string;
  const contexts: BrowserContext[] = [];

  async function milestone(): Promise<ApiMilestone> {
    const answer = await graphql<{ commitment: { milestones: ApiMilestone[] } }>(
      server.api.baseUrl,
      MILESTONES,
      { ogpId: COMMITMENT },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.commitment.milestones.find((m) => m.id === milestoneId)!;
  }

  /** The API's refusal of a report with `fields` on the milestone's version `expectedVersion`, over HTTP. */
  async function refusal(
    expectedVersion: number,
    fields: Record<string, unknown>,
  ): Promise<ApiRefusal> {
    const input = { milestoneId, expectedVersion, evidence: [], ...fields };
    return apiRefusal(
      server.api.baseUrl,
      RECORD,
      { input },
      await signIn(server.api.baseUrl, coordinator),
    );
  }

  async function openForm(): Promise<Page> {
    const { context, page } = await newPage(server);
    contexts.push(context);
    await signInContext(context, server.api.baseUrl, coordinator);
    await page.goto(`${server.api.baseUrl}${reportPath}?lang=da`);
    await waitForRendered(page, reportPath);
    return page;
  }

  beforeAll(async () => {
    server = await startDashboard();
    const answer = await graphql<{
      commitment: { leadAgency: { slug: string }; milestones: ApiMilestone[] };
    }>(server.api.baseUrl, MILESTONES, { ogpId: COMMITMENT });
    const { leadAgency, milestones } = answer.data!.commitment;
    milestoneId = milestones[0].id;
    reportPath = `/commitments/${COMMITMENT}/milestones/${milestoneId}/report`;
    [coordinator, other] = await Promise.all([
      server.createUser([Role.COORDINATOR], {
        agencySlugs: [leadAgency.slug],
        displayName: 'Karen Koordinator',
      }),
      server.createUser([Role.COORDINATOR], {
        agencySlugs: [leadAgency.slug],
        displayName: 'Ole Anden',
      }),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
  });

  it('a percent against the status, a future date and a completed report without links', async () => {
    const page = await openForm();
    const { version } = await milestone();

    // A percent in words: the form asks for a number itself (GraphQL would refuse the request as a whole).
    const words = await refusal(version, { status: 'IN_PROGRESS', progressPercent: 'halvtreds' });
    expect(words.extensions?.code).toBe('BAD_USER_INPUT');
    await page.check('#status-IN_PROGRESS');
    await page.fill('#percent', 'halvtreds');
    await page.click('#report-form button[type=submit]');
    await expectFieldError(page, 'percent', 'Skriv procenten som et helt tal.');
    await expectNoEnglish(page, words);

    // 100 while in progress.
    const percent = await refusal(version, { status: 'IN_PROGRESS', progressPercent: 100 });
    expect(problemKeys(percent)).toEqual(['progress.percentInProgress']);
    await page.fill('#percent', '100');
    await page.click('#report-form button[type=submit]');
    await expectFieldError(
      page,
      'percent',
      'Skal være et helt tal fra 0 til 99, mens milepælen er i gang (vælg Gennemført for 100); der står 100',
    );
    await expectNoEnglish(page, percent);
    await screenshot(page, 'errors-report-percent-da');

    // A day next year as the date the report speaks of.
    const future = `${new Date().getUTCFullYear() + 1}-03-10`;
    const date = await refusal(version, {
      status: 'IN_PROGRESS',
      progressPercent: 40,
      effectiveDate: future,
    });
    expect(problemKeys(date)).toEqual(['field.futureEnds']);
    await page.fill('#percent', '40');
    await page.fill('#effective-date', future);
    await page.click('#report-form button[type=submit]');
    await expectFieldError(
      page,
      'effective-date',
      `Ligger i fremtiden: ${future} slutter ${future}, efter i dag (${today()})`,
    );
    expect(await page.getAttribute('#percent', 'aria-invalid')).toBeNull();
    await expectNoEnglish(page, date);

    // Completed, with no link to show it.
    const completed = await refusal(version, {
      status: 'COMPLETED',
      note: { da: 'Alle registre er udstillet.' },
    });
    expect(problemKeys(completed)).toEqual(['evidence.requiredForCompleted']);
    await page.fill('#effective-date', today());
    await page.check('#status-COMPLETED');
    await page.fill('#note-da', 'Alle registre er udstillet.');
    await page.click('#report-form button[type=submit]');
    await expectFieldError(
      page,
      'evidence',
      'En gennemført milepæl kræver mindst ét link til det, der viser, at den er nået: tilføj et link.',
      false,
    );
    await expectNoEnglish(page, completed);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-report-evidence-da');
    expect((await milestone()).version).toBe(version);
  });

  it('a report on a version someone else has moved on, then a lowered percent and a move the rules forbid', async () => {
    const page = await openForm();
    const read = await milestone();

    // Someone else reports while the form is open.
    const theirs = await graphql(
      server.api.baseUrl,
      RECORD,
      {
        input: {
          milestoneId,
          expectedVersion: read.version,
          status: 'IN_PROGRESS',
          progressPercent: 60,
          note: { da: 'Seks af ti registre er udstillet.' },
          evidence: [],
        },
      },
      await signIn(server.api.baseUrl, other),
    );
    expect(theirs.errors).toBeUndefined();

    const stale = await refusal(read.version, { status: 'IN_PROGRESS', progressPercent: 70 });
    expect(stale.extensions?.code).toBe('CONFLICT');
    expect(stale.extensions?.messageKey).toBe('progress.conflict');
    await page.check('#status-IN_PROGRESS');
    await page.fill('#percent', '70');
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report-outcome.conflict');
    expect(await page.textContent('#report-outcome h2')).toBe(
      'En anden har rapporteret, siden du åbnede formularen',
    );
    expect(await page.textContent('#report-outcome')).toContain('Ole Anden');
    await expectNoEnglish(page, stale);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-report-conflict-da');

    // Mine discarded: the form now builds on their 60 %.
    await page.click('#discard-mine');
    await page.waitForSelector('#report-outcome:empty', { state: 'attached' });
    const current = await milestone();
    expect(current).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 60 });

    const lower = await refusal(current.version, { status: 'IN_PROGRESS', progressPercent: 30 });
    expect(problemKeys(lower)).toEqual(['progress.noteLower']);
    await page.fill('#percent', '30');
    await page.click('#report-form button[type=submit]');
    await expectFieldError(page, 'note-da', 'Skriv i en note, hvorfor procenten sænkes');
    await expectNoEnglish(page, lower);

    // In progress cannot go back to not started.
    const back = await refusal(current.version, { status: 'NOT_STARTED' });
    expect(back.extensions?.code).toBe('INVALID_TRANSITION');
    await page.check('#status-NOT_STARTED');
    await page.click('#report-form button[type=submit]');
    await expectFieldError(
      page,
      'status-NOT_STARTED',
      'En milepæl, der er I gang, kan ikke blive Ikke påbegyndt',
    );
    await expectNoEnglish(page, back);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'errors-report-transition-da');
    expect((await milestone()).version).toBe(current.version);
  });
});
