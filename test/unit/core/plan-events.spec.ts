import { ConfigError, loadConfig } from '@ogp/core';
import {
  LocalPlanEvents,
  MAX_QUEUED_EVENTS,
  REMEMBERED_EVENTS,
} from '@ogp/core/events/local-plan-events';
import { RedisPlanEvents } from '@ogp/core/events/redis-plan-events';
import { buildPlanActivity } from '../../factories/plan-activity.factory';

const activity = (planSlug: string, sequence: number) => buildPlanActivity(planSlug, { sequence });

describe('LocalPlanEvents (the in-process event bus)', () => {
  it('gives each subscriber of a plan its events once, in order, queued until asked for', async () => {
    const bus = new LocalPlanEvents();
    const first = bus.subscribe('a');
    const second = bus.subscribe('a');
    const other = bus.subscribe('b');
    const pending = first.next(); // asked before anything was published
    const [one, two] = [activity('a', 1), activity('a', 2)];
    await bus.publish(one);
    await bus.publish(activity('b', 3));
    await bus.publish(two);

    expect(await pending).toEqual({ value: one, done: false });
    expect(await first.next()).toEqual({ value: two, done: false });
    expect(await second.next()).toEqual({ value: one, done: false });
    expect(await second.next()).toEqual({ value: two, done: false });
    expect((await other.next()).value.sequence).toBe(3);
    expect(bus.subscriberCount('a')).toBe(2);
    expect(bus.subscriberCount()).toBe(3);
  });

  it('forgets a subscriber that returns, and ends its waiting reads', async () => {
    const bus = new LocalPlanEvents();
    const stream = bus.subscribe('a');
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount('a')).toBe(0);
    await bus.publish(activity('a', 1));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends every subscription when closed, and later ones at once', async () => {
    const bus = new LocalPlanEvents();
    const stream = bus.subscribe('a');
    const waiting = stream.next();
    await bus.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount()).toBe(0);
    expect(await bus.subscribe('a').next()).toEqual({ value: undefined, done: true });
  });

  it('ends a subscriber that falls too far behind with an error, and no one else', async () => {
    const bus = new LocalPlanEvents();
    const slow = bus.subscribe('a');
    const reading = bus.subscribe('a');
    for (let n = 1; n <= MAX_QUEUED_EVENTS + 1; n += 1) {
      await bus.publish(activity('a', n));
      expect((await reading.next()).value.sequence).toBe(n);
    }
    expect(bus.subscriberCount('a')).toBe(1);
    await expect(slow.next()).rejects.toThrow(`fell ${MAX_QUEUED_EVENTS} events behind`);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });

  it('drops an event handed over again (the outbox relay sends at least once)', async () => {
    const bus = new LocalPlanEvents();
    const stream = bus.subscribe('a');
    const [one, two] = [activity('a', 1), activity('a', 2)];
    await bus.publish(one);
    await bus.publish(one);
    bus.deliver({ ...one });
    await bus.publish(two);
    await bus.publish(one);
    expect(await stream.next()).toEqual({ value: one, done: false });
    expect(await stream.next()).toEqual({ value: two, done: false });
    await bus.publish(activity('a', 3));
    expect((await stream.next()).value.sequence).toBe(3);
  });

  it('remembers a bounded number of events: a very old one is told again', async () => {
    const bus = new LocalPlanEvents();
    const first = activity('a', 0);
    await bus.publish(first);
    for (let n = 1; n <= REMEMBERED_EVENTS; n += 1) await bus.publish(activity('b', n));
    const stream = bus.subscribe('a');
    await bus.publish(first);
    expect(await stream.next()).toEqual({ value: first, done: false });
  });
});

describe('EVENT_RELAY_POLL_MS', () => {
  it('defaults to a second and takes whole milliseconds from 10 up', () => {
    expect(loadConfig({}).eventRelayPollMs).toBe(1000);
    expect(loadConfig({ EVENT_RELAY_POLL_MS: '250' }).eventRelayPollMs).toBe(250);
    expect(() => loadConfig({ EVENT_RELAY_POLL_MS: '5' })).toThrow(
      'Invalid configuration: EVENT_RELAY_POLL_MS must be between 10 and 60000, got 5',
    );
    expect(() => loadConfig({ EVENT_RELAY_POLL_MS: 'soon' })).toThrow(ConfigError);
  });
});

describe('REDIS_URL and REDIS_CHANNEL_PREFIX', () => {
  it('default to in-process events', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeNull();
    expect(config.redisChannelPrefix).toBe('ogp-tracker:');
  });

  it('accept redis:// and rediss:// URLs', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe(
      'redis://127.0.0.1:6379/2',
    );
    expect(loadConfig({ REDIS_URL: 'rediss://:secret@cache.example:6380' }).redisUrl).toBe(
      'rediss://:secret@cache.example:6380',
    );
  });

  it.each([
    ['http://127.0.0.1:6379', 'must start with redis://'],
    ['localhost:6379', 'must start with redis://'],
    ['not a url', 'is not a URL'],
  ])('refuse REDIS_URL=%s, naming the variable', (value, problem) => {
    expect(() => loadConfig({ REDIS_URL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: value })).toThrow(
      new RegExp(`^Invalid configuration: REDIS_URL ${problem}`),
    );
  });

  it('refuse a channel prefix with spaces or wildcards', () => {
    expect(() => loadConfig({ REDIS_CHANNEL_PREFIX: 'a b*' })).toThrow(
      /^Invalid configuration: REDIS_CHANNEL_PREFIX may hold only/,
    );
  });
});

describe('RedisPlanEvents', () => {
  it('fails at once, naming REDIS_URL and hiding the password, when Redis cannot be reached', async () => {
    const connecting = RedisPlanEvents.connect('redis://:hunter2@127.0.0.1:1', 'x:');
    await expect(connecting).rejects.toThrow(
      /^Redis at REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:1\) cannot be reached: connect ECONNREFUSED/,
    );
    await expect(connecting).rejects.not.toThrow(/hunter2/);
  });
});
