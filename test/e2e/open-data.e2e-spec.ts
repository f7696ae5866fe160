import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@ogp/common';
import { PlanLoader, type PlanFileStatusUpdate } from '@ogp/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildPlanFile, historyEntry } from '../factories/plan-file.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { graphql } from '../utils/graphql-client';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';
import { atomEntries, type AtomEntry, type AtomFeed } from './support/atom';

/*
 * The Atom feed of a plan's status updates, read back as a feed reader would: an XML parser, the entries' links
 * followed. The DCAT catalogue is in open-data-catalog.e2e-spec.ts.
 */

const PLAN = 'open-data-feed';
const HIDDEN = 'open-data-hidden';
const BIG = 'open-data-many';
const DENMARK = 'dk-2017-2019';

const internal = (status: PlanFileStatusUpdate['status'], date: string, note: string) =>
  historyEntry(status, date, { visibility: 'INTERNAL', note: { en: note }, progressPercent: 60 });

const feedPlan = buildPlanFile({
  plan: { slug: PLAN, title: { da: 'Plan med feed', en: 'Plan with a feed' } },
  commitments: [
    {
      ogpId: 'OD0001',
      title: { da: 'Åbne data', en: 'Open data' },
      milestones: [
        {
          title: { da: 'Første delmål', en: 'First milestone' },
          history: [
            historyEntry('IN_PROGRESS', '2019-01-15', {
              progressPercent: 40,
              note: { da: 'Halvvejs (testdata)', en: 'Halfway (test data)' },
              evidence: [{ url: 'https://example.org/halfway', title: 'Halfway report' }],
            }),
            internal('IN_PROGRESS', '2019-02-15', 'Internal: behind schedule'),
          ],
        },
        { title: { en: 'Second milestone' }, history: [historyEntry('NOT_STARTED', '2018-11')] },
      ],
    },
    {
      ogpId: 'OD0002',
      title: { en: 'Only in English' },
      milestones: [
        { title: { en: 'Done early' }, history: [historyEntry('COMPLETED', '2018-09')] },
      ],
    },
  ],
});

const hiddenPlan = buildPlanFile({
  plan: { slug: HIDDEN, title: { en: 'Not yet published' }, published: false },
  commitments: [
    {
      ogpId: 'OD0009',
      milestones: [{ title: { en: 'Hidden' }, history: [historyEntry('COMPLETED', '2019-01')] }],
    },
  ],
});

// More public updates than one feed document holds.
const bigPlan = buildPlanFile({
  plan: { slug: BIG, title: { en: 'Plan with a long history' } },
  commitments: [
    {
      ogpId: 'OD0100',
      milestones: Array.from({ length: 21 }, (_, m) => ({
        title: { en: `Milestone ${m + 1}` },
        history: [1, 2, 3, 4, 5].map((step) =>
          historyEntry('IN_PROGRESS', `2019-0${step}-${String(m + 1).padStart(2, '0')}`, {
            progressPercent: step * 10,
          }),
        ),
      })),
    },
  ],
});

const RECORD = `mutation ($input: RecordMilestoneUpdateInput!) {
  recordMilestoneUpdate(input: $input) { statusUpdate { id } }
}`;

describe('GET /api/plans/:slug/feed.atom', () => {
  let db: TestDatabase;
  let api: TestApp;
  let dashboardDir: string;
  let newestId: string;

  async function feed(slug: string, query = ''): Promise<{ feed: AtomFeed; text: string }> {
    const response = await fetch(`${api.baseUrl}/api/plans/${slug}/feed.atom${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
      textNodeName: '#text',
    }).parse(text) as { feed: AtomFeed };
    return { feed: parsed.feed, text };
  }

  beforeAll(async () => {
    dashboardDir = mkdtempSync(join(tmpdir(), 'ogp-dashboard-'));
    writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Dashboard</title>');
    db = await createTestDatabase({ migrate: false });
    api = await startTestApp({ databaseUrl: db.url, dashboardDir });
    const loader = new PlanLoader(db.dataSource);
    for (const file of [feedPlan, hiddenPlan, bigPlan]) await loader.load(file);
    // A coordinator's report made today, PUBLIC, then an INTERNAL one after it: the feed's newest is the public.
    const admin = await signIn(
      api.baseUrl,
      await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
    );
    const { data } = await graphql(
      api.baseUrl,
      'query { commitment(ogpId: "OD0002") { milestones { id version } } }',
    );
    const second = (
      await graphql(
        api.baseUrl,
        'query { commitment(ogpId: "OD0001") { milestones { id version } } }',
      )
    ).data!.commitment.milestones[1];
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await graphql(
      api.baseUrl,
      RECORD,
      {
        input: {
          milestoneId: second.id,
          expectedVersion: second.version,
          status: 'IN_PROGRESS',
          progressPercent: 25,
          effectiveDate: today,
          note: { da: 'Arbejdet er begyndt', en: 'Work has begun' },
          evidence: [{ url: 'https://example.org/begun', title: 'Work begun' }],
        },
      },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    newestId = recorded.data!.recordMilestoneUpdate.statusUpdate.id;
    const done = data!.commitment.milestones[0];
    const hidden = await graphql(
      api.baseUrl,
      RECORD,
      {
        input: {
          milestoneId: done.id,
          expectedVersion: done.version,
          status: 'IN_PROGRESS',
          progressPercent: 90,
          effectiveDate: today,
          note: { en: 'Internal: reopened for a fix' },
          evidence: [{ url: 'https://example.org/internal', title: 'Internal memo' }],
          visibility: 'INTERNAL',
        },
      },
      admin,
    );
    expect(hidden.errors).toBeUndefined();
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('is an Atom 1.0 document with an id, title, updated time, author, self and alternate links', async () => {
    const { feed: doc } = await feed(PLAN);
    expect(doc.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(doc['xml:lang']).toBe('da');
    expect(doc.id).toBe(`${api.baseUrl}/api/plans/${PLAN}/feed.atom?lang=da`);
    expect(doc.title).toBe('Statusopdateringer: Plan med feed');
    expect(new Date(doc.updated).toISOString()).toBe(doc.updated);
    expect(doc.author[0].name).toBeTruthy();
    const links = Object.fromEntries(doc.link.map((l) => [l.rel, l.href]));
    expect(links.self).toBe(doc.id);
    expect(links.alternate).toBe(`${api.baseUrl}/plans/${PLAN}?lang=da`);
    expect(links.license).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('holds every PUBLIC update and no INTERNAL one, newest first, each once with a stable id', async () => {
    const { feed: doc, text } = await feed(PLAN);
    const entries = atomEntries(doc);
    // 3 public updates in the file and the one recorded over the API; 2 INTERNAL ones nowhere.
    expect(entries).toHaveLength(4);
    expect(text).not.toMatch(/Internal:/);
    expect(entries[0].id).toBe(`urn:uuid:${newestId}`);
    const times = entries.map((e) => Date.parse(e.updated));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Among the updates loaded at once, the later effective date comes first.
    expect(entries.slice(1).map((e) => e.category[0].term)).toEqual([
      'IN_PROGRESS', // 2019-01-15
      'NOT_STARTED', // 2018-11
      'COMPLETED', // 2018-09
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const again = atomEntries((await feed(PLAN)).feed);
    expect(again.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(doc.updated).toBe(entries[0].updated);
  });

  it('names the commitment, the milestone and the new status, and links the commitment page', async () => {
    const entries = atomEntries((await feed(PLAN)).feed);
    const halfway = entries.find(
      (e) => e.category[0].term === 'IN_PROGRESS' && e.title.includes('Første'),
    )!;
    expect(halfway.title).toBe('OD0001 Åbne data · delmål 1: Første delmål · I gang (40 %)');
    expect(halfway.summary['#text']).toContain('Halvvejs (testdata)');
    expect(halfway.summary['#text']).toContain(
      '<a href="https://example.org/halfway">Halfway report</a>',
    );
    expect(halfway.summary['#text']).toContain('Virkningsdato: 2019-01-15');
    const related = halfway.link.filter((l) => l.rel === 'related').map((l) => l.href);
    expect(related).toEqual(['https://example.org/halfway']);
    for (const entry of entries) {
      const page = entry.link.find((l) => l.rel === 'alternate')!.href;
      const url = new URL(page);
      expect(url.origin).toBe(api.baseUrl);
      const ogpId = /^\/commitments\/([A-Z]{2}\d{4})$/.exec(url.pathname)![1];
      expect(entry.title.startsWith(`${ogpId} `)).toBe(true);
      // The page is the dashboard's, and the commitment it names is there.
      const response = await fetch(page, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Dashboard</title>');
      const { data } = await graphql(
        api.baseUrl,
        `query { commitment(ogpId: "${ogpId}") { ogpId } }`,
      );
      expect(data!.commitment.ogpId).toBe(ogpId);
    }
  });

  it('speaks Danish by default and English when asked, marking a note in the other language', async () => {
    const done = atomEntries((await feed(PLAN)).feed).find((e) => e.title.startsWith('OD0002 '))!;
    expect(done.title).toBe('OD0002 Only in English · delmål 1: Done early · Gennemført (100 %)');
    expect(done.summary['#text']).toContain('<p lang="en">Note: Test data: completed</p>');
    const { feed: doc } = await feed(PLAN, '?lang=en');
    expect(doc['xml:lang']).toBe('en');
    expect(doc.title).toBe('Status updates: Plan with a feed');
    const titles = atomEntries(doc).map((e) => e.title);
    expect(titles).toContain(
      'OD0002 Only in English · milestone 1: Done early · Completed (100 %)',
    );
    expect(titles).toContain(
      'OD0001 Open data · milestone 1: First milestone · In progress (40 %)',
    );
  });

  it('builds its links from the address the request came to, not from proxy headers it was not told to trust', async () => {
    const response = await fetch(`${api.baseUrl}/api/plans/${PLAN}/feed.atom`, {
      headers: { 'x-forwarded-host': 'elsewhere.example', 'x-forwarded-proto': 'https' },
    });
    const text = await response.text();
    expect(text).toContain(`<id>${api.baseUrl}/api/plans/${PLAN}/feed.atom?lang=da</id>`);
    expect(text).not.toContain('elsewhere.example');
  });

  it("answers 404 for an unknown or unpublished plan and 400 for a language it doesn't speak", async () => {
    for (const slug of ['no-such-plan', HIDDEN]) {
      const response = await fetch(`${api.baseUrl}/api/plans/${slug}/feed.atom`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', field: 'slug' });
    }
    const response = await fetch(`${api.baseUrl}/api/plans/${PLAN}/feed.atom?lang=fr`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
  });

  it('holds the latest 100 updates of a longer history and says so', async () => {
    const { feed: doc } = await feed(BIG, '?lang=en');
    const entries = atomEntries(doc);
    expect(entries).toHaveLength(100);
    expect(doc.subtitle).toContain('latest 100 of 105');
    // Left out: the five oldest, 2019-01-01 to 2019-01-05 (milestones 1 to 5 at 10 %).
    const firstSteps = entries.filter((e) => e.title.endsWith('(10 %)')).map((e) => e.title);
    expect(firstSteps).toHaveLength(16);
    expect(firstSteps.some((t) => / milestone [1-5]: /.test(t))).toBe(false);
  });

  it("carries Denmark's public history with each commitment's page", async () => {
    const entries: AtomEntry[] = atomEntries((await feed(DENMARK)).feed);
    const { data } = await graphql(
      api.baseUrl,
      `query { auditTrail(planSlug: "${DENMARK}", first: 100) { nodes { kind statusUpdate { id } } } }`,
    );
    const updates = data!.auditTrail.nodes.filter((n: any) => n.kind === 'STATUS_UPDATE');
    expect(entries.map((e) => e.id).sort()).toEqual(
      updates.map((n: any) => `urn:uuid:${n.statusUpdate.id}`).sort(),
    );
    expect(entries.some((e) => e.title.startsWith('DK0052 '))).toBe(true);
  });
});
