import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@ogp/common';
import { validatePlanFile } from '@ogp/domain';
import { apiData, download, validateAgainstPublishedSchema } from '../utils/exports';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { startTestApp, type TestApp } from '../utils/test-app';
import { createTestUser, signIn } from '../utils/users';

const PLAN = 'dk-2017-2019';
const INTERNAL_NOTE = 'Internal: figures not yet confirmed (test data)';

/** A running tracker on a database of its own, with an administrator signed in. */
interface Tracker {
  db: TestDatabase;
  api: TestApp;
  admin: Record<string, string>;
}

async function startTracker(env: Record<string, string> = {}): Promise<Tracker> {
  const db = await createTestDatabase({ migrate: false });
  const api = await startTestApp({ databaseUrl: db.url, env });
  const admin = await signIn(
    api.baseUrl,
    await createTestUser(db.dataSource, { roles: [Role.ADMIN] }),
  );
  return { db, api, admin };
}

/** export.json of the plan as the tracker's administrator downloads it (INTERNAL updates included): its text. */
async function exportOf({ api, admin }: Tracker): Promise<string> {
  const response = await download(api.baseUrl, `/api/plans/${PLAN}/export.json`, admin);
  expect(response.status).toBe(200);
  return response.body.toString('utf8');
}

/** The text with the values of generatedAt and auditHeadHash blanked (see withoutProvenance). */
const blanked = (text: string) =>
  text.replace(/("(?:generatedAt|auditHeadHash)": )"[^"]*"/g, '$1"..."');

/**
 * The file without what says when and from which database it was made: the generation time, and the audit chain
 * head hash (a hash over the history rows' ids and recording times, which each database gives its rows anew).
 */
function withoutProvenance(file: Record<string, any>) {
  const { generatedAt, auditHeadHash, ...rest } = file.export as Record<string, unknown>;
  expect(typeof generatedAt).toBe('string');
  expect(auditHeadHash).toMatch(/^[0-9a-f]{64}$/);
  return { ...file, export: rest };
}

/**
 * A plan file as the tracker keeps it: what is absent, null or empty is left out, and the lists whose order the
 * tracker does not store (sources, supporting agencies: sets of links, shown in a fixed order) are put in order.
 * The order of everything else (commitments, milestones, history, assessments, stakeholders) is kept.
 */
function asKept(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => asKept(item));
    if (key === 'sources') {
      return items.sort((a: any, b: any) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    }
    if (key === 'supportingAgencies' || key === 'agencies') {
      const by = (item: any) => (typeof item === 'string' ? item : item.key);
      return items.sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0));
    }
    return items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => [k, asKept(v, k)]),
    );
  }
  return value;
}

describe("round trip: Denmark's plan exported, imported into an empty tracker, exported again", () => {
  let first: Tracker;
  let second: Tracker;
  /** export.json of the first tracker as it started, with Denmark's plan file loaded and nothing else. */
  let seeded: Record<string, any>;

  beforeAll(async () => {
    // The first tracker loads Denmark's plan (the seed); a coordinator of the lead agency then records what the
    // plan file alone would not hold: an INTERNAL update, and one with neither note nor evidence.
    first = await startTracker();
    seeded = JSON.parse(await exportOf(first));
    const coordinator = await signIn(
      first.api.baseUrl,
      await createTestUser(first.db.dataSource, {
        roles: [Role.COORDINATOR],
        agencySlugs: ['digitaliseringsstyrelsen'],
      }),
    );
    const data = await apiData(
      first.api.baseUrl,
      `{ commitment(ogpId: "DK0056") { milestones { id version status } } }`,
    );
    const open = (data.commitment.milestones as { id: string; version: number; status: string }[])
      .filter((m) => m.status !== 'COMPLETED' && m.status !== 'CANCELLED')
      .slice(0, 2);
    expect(open).toHaveLength(2);
    const record = `mutation ($input: RecordMilestoneUpdateInput!) {
      recordMilestoneUpdate(input: $input) { milestone { id } } }`;
    await apiData(
      first.api.baseUrl,
      record,
      {
        input: {
          milestoneId: open[0].id,
          expectedVersion: open[0].version,
          status: 'COMPLETED',
          note: { da: INTERNAL_NOTE, en: INTERNAL_NOTE },
          evidence: [{ url: 'https://example.org/status', title: 'Status (test data)' }],
          visibility: 'INTERNAL',
        },
      },
      coordinator,
    );
    await apiData(
      first.api.baseUrl,
      record,
      {
        input: {
          milestoneId: open[1].id,
          expectedVersion: open[1].version,
          status: 'IN_PROGRESS',
          progressPercent: 99,
        },
      },
      coordinator,
    );
    second = await startTracker({ SEED_PLAN_FILE: 'none' });
  }, 180_000);

  afterAll(async () => {
    for (const tracker of [first, second]) {
      await tracker?.api.close();
      await tracker?.db.drop();
    }
  });

  it("exports everything of Denmark's plan file it loaded (sources and supporting agencies in a set order)", () => {
    const original = JSON.parse(
      readFileSync(join(__dirname, '../../plans/dk-2017-2019.plan.json'), 'utf8'),
    );
    const { export: provenance, ...exported } = seeded;
    expect(provenance).toMatchObject({ asOf: new Date().toISOString().slice(0, 10) });
    expect(asKept(exported)).toEqual(asKept(original));
  });

  it('gives the same file back, apart from when it was made and the audit head hash', async () => {
    const text = await exportOf(first);
    const exported = JSON.parse(text) as Record<string, any>;
    expect(await validateAgainstPublishedSchema(first.api.baseUrl, exported)).toEqual([]);
    expect(validatePlanFile(exported)).toEqual([]);
    const history = exported.commitments.flatMap((c: any) =>
      c.milestones.flatMap((m: any) => m.history),
    );
    expect(history).toContainEqual(expect.objectContaining({ visibility: 'INTERNAL' }));
    expect(history).toContainEqual(expect.objectContaining({ note: null, evidence: [] }));

    const empty = await apiData(
      second.api.baseUrl,
      '{ actionPlans(first: 10) { nodes { slug } } }',
      {},
      second.admin,
    );
    expect(empty.actionPlans.nodes).toEqual([]);
    const imported = await fetch(`${second.api.baseUrl}/api/plans/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...second.admin },
      body: JSON.stringify(exported),
    });
    const answer = (await imported.json()) as { ok: boolean; problems: unknown[] };
    expect({ status: imported.status, ok: answer.ok, problems: answer.problems }).toEqual({
      status: 201,
      ok: true,
      problems: [],
    });

    const againText = await exportOf(second);
    expect(withoutProvenance(JSON.parse(againText))).toEqual(withoutProvenance(exported));
    // The very same text, key order and layout included.
    expect(blanked(againText)).toBe(blanked(text));
    expect(blanked(text)).not.toBe(text);
    const chain = await apiData(
      second.api.baseUrl,
      `{ verifyAuditChain(planSlug: "${PLAN}") { ok } }`,
      {},
      second.admin,
    );
    expect(chain.verifyAuditChain.ok).toBe(true);
  });
});
