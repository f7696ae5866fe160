import { Logger } from '@nestjs/common';
import { addToOutbox, dataSourceOptions, type PlanActivityEvent, type PlanEvents } from '@ogp/core';
import { EventRelay, recentlySentEvents } from '@ogp/core/events/event-relay';
import { DOMAIN_ENTITIES } from '@ogp/domain';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { buildPlanActivity } from '../factories/plan-activity.factory';
import { createTestDatabase, type TestDatabase } from '../utils/database';
import { settle, until } from '../utils/graphql-ws-client';

/*
 * The outbox relay against a real PostgreSQL: events written in a transaction leave after it commits, in order,
 * once each even with two relays on one database; while the bus (Redis) or the database is away they wait, the
 * relay backs off and says so once, and says once when they flow again.
 */

/** A bus that records what it is given, and refuses while `down`. */
class RecordingBus implements PlanEvents {
  readonly published: PlanActivityEvent[] = [];
  down = false;

  constructor(private readonly shared?: PlanActivityEvent[]) {}

  publish(event: PlanActivityEvent): Promise<void> {
    if (this.down) return Promise.reject(new Error('Stream is not writeable'));
    this.published.push(event);
    this.shared?.push(event);
    return Promise.resolve();
  }

  subscribe(): AsyncIterableIterator<PlanActivityEvent> {
    throw new Error('not used');
  }
}

describe('the event outbox relay', () => {
  let db: TestDatabase;
  const relays: EventRelay[] = [];
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;

  function relay(bus: PlanEvents, dataSource: DataSource = db.dataSource): EventRelay {
    const made = new EventRelay(dataSource, bus, { pollMs: 50 });
    relays.push(made);
    made.start();
    return made;
  }

  async function record(...events: PlanActivityEvent[]): Promise<void> {
    await db.dataSource.transaction(async (manager) => {
      for (const event of events) await addToOutbox(manager, event);
    });
  }

  const waiting = async () => {
    const [row] = await db.dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM event_outbox WHERE sent_at IS NULL',
    );
    return Number(row.n);
  };

  const messages = (spy: jest.SpyInstance) => spy.mock.calls.map((call) => String(call[0]));

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    for (const made of relays.splice(0)) await made.stop();
    await db.dataSource.query('DELETE FROM event_outbox');
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('sends nothing of a transaction that rolled back', async () => {
    const bus = new RecordingBus();
    relay(bus);
    const kept = buildPlanActivity('a');
    await expect(
      db.dataSource.transaction(async (manager) => {
        await addToOutbox(manager, buildPlanActivity('a'));
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await record(kept);
    await until(() => bus.published.length > 0, 5000, 'the committed event');
    await settle(200);
    expect(bus.published).toEqual([kept]);
  });

  it('keeps events while the bus refuses, says so once, and sends them in order when it is back', async () => {
    const bus = new RecordingBus();
    bus.down = true;
    relay(bus);
    const events = Array.from({ length: 5 }, () => buildPlanActivity('a'));
    for (const event of events) await record(event);
    await settle(1000);
    expect(bus.published).toEqual([]);
    expect(await waiting()).toBe(5);
    expect(messages(warn)).toEqual([expect.stringContaining('Live events cannot be sent')]);

    bus.down = false;
    await until(() => bus.published.length === 5, 10_000, 'the waiting events');
    await settle(300); // (marked sent when the relay's transaction commits, just after)
    expect(bus.published).toEqual(events);
    expect(await waiting()).toBe(0);
    expect(messages(log)).toEqual(['Live events flow again: sent the 5 that were waiting']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('sends each event once, in order, with two relays (two API processes) on one database', async () => {
    const other = new DataSource(
      dataSourceOptions({
        url: db.url,
        entities: DOMAIN_ENTITIES,
        migrations: ALL_MIGRATIONS,
        poolSize: 3,
      }),
    );
    await other.initialize();
    try {
      const all: PlanActivityEvent[] = [];
      const [busA, busB] = [new RecordingBus(all), new RecordingBus(all)];
      const [relayA, relayB] = [relay(busA), relay(busB, other)];
      const events = Array.from({ length: 250 }, (_, n) => buildPlanActivity(`plan-${n % 3}`));
      // Writers on both sides, each nudging its own relay after its commit.
      for (let n = 0; n < events.length; n += 10) {
        await record(...events.slice(n, n + 5));
        relayA.nudge();
        await record(...events.slice(n + 5, n + 10));
        relayB.nudge();
      }
      await until(() => all.length >= events.length, 15_000, 'every event');
      await settle(300);
      expect(all.map((event) => event.statusUpdateId)).toEqual(
        events.map((event) => event.statusUpdateId),
      );
      expect(busA.published.length + busB.published.length).toBe(events.length);
    } finally {
      for (const made of relays.splice(0)) await made.stop();
      await other.destroy();
    }
  });

  it('backs off quietly while the database is away and resumes when it is back', async () => {
    let down = true;
    let attempts = 0;
    const flaky = {
      createQueryRunner: () => {
        attempts += 1;
        const runner = db.dataSource.createQueryRunner();
        if (down) {
          runner.connect = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
        }
        return runner;
      },
    } as unknown as DataSource;
    const bus = new RecordingBus();
    relay(bus, flaky);
    await settle(1500);
    // 50, 100, 200, 400 and 800 ms apart: no tight loop.
    expect(attempts).toBeLessThanOrEqual(6);
    expect(messages(warn)).toEqual([
      'Live events paused: the outbox cannot be read (connect ECONNREFUSED 127.0.0.1:5432)',
    ]);

    const event = buildPlanActivity('a');
    await record(event);
    down = false;
    await until(() => bus.published.length === 1, 10_000, 'the event');
    await settle(300);
    expect(bus.published).toEqual([event]);
    expect(messages(log)).toEqual(['Live events resumed: the outbox can be read again']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('sends nothing after it stopped', async () => {
    const bus = new RecordingBus();
    const stopped = relay(bus);
    await stopped.stop();
    await record(buildPlanActivity('a'));
    stopped.nudge();
    await settle(300);
    expect(bus.published).toEqual([]);
    expect(await waiting()).toBe(1);
  });

  it('tells a late listener what was sent while it was away, oldest first', async () => {
    const bus = new RecordingBus();
    relay(bus);
    const events = [buildPlanActivity('a'), buildPlanActivity('b')];
    await record(...events);
    await until(() => bus.published.length === 2, 5000, 'the events');
    // The relay publishes, then marks what it published as sent in a statement of its own: a busy machine can ask
    // between the two, so the late listener's view is awaited, not assumed.
    let sent = await recentlySentEvents(db.dataSource, 5);
    for (const deadline = Date.now() + 5000; sent.length < 2 && Date.now() < deadline;) {
      await settle(20);
      sent = await recentlySentEvents(db.dataSource, 5);
    }
    expect(sent).toEqual(events);
  });
});
