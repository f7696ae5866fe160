import { Role } from '@ogp/common';
import {
  ANONYMOUS,
  ConfigError,
  DomainException,
  loadConfig,
  type Actor,
  type PlanActivityEvent,
} from '@ogp/core';
import type { AuthenticationService } from '@ogp/domain';
import { mayReadPlan, SubscriptionRights } from '@ogp/domain/plans/subscription-rights';
import type { DataSource } from 'typeorm';
import { buildPlanActivity } from '../../factories/plan-activity.factory';
import { testActor } from '../../utils/actors';

const LEAD = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const plan = (overrides: Partial<Parameters<typeof mayReadPlan>[1] & object> = {}) => ({
  published: false,
  archived: false,
  leadAgencyIds: new Set([LEAD]),
  ...overrides,
});

describe('mayReadPlan (the plan rule of ReadScope, in memory)', () => {
  const coordinator = testActor([Role.COORDINATOR], { agencyIds: [LEAD] });
  const elsewhere = testActor([Role.COORDINATOR], { agencyIds: [OTHER] });
  const reviewer = testActor([Role.REVIEWER]);
  const admin = testActor([Role.ADMIN]);

  it.each<[string, Actor, boolean, boolean]>([
    // viewer, actor, may read the published plan, may read the unpublished plan
    ['the public', ANONYMOUS, true, false],
    ['a coordinator of its lead agency', coordinator, true, true],
    ['a coordinator of another agency', elsewhere, true, false],
    ['a reviewer', reviewer, true, true],
    ['an administrator', admin, true, true],
  ])('%s', (_who, actor, published, unpublished) => {
    expect(mayReadPlan(actor, plan({ published: true }))).toBe(published);
    expect(mayReadPlan(actor, plan())).toBe(unpublished);
  });

  it('lets no one read an archived plan, or one that no longer has the slug', () => {
    for (const actor of [ANONYMOUS, coordinator, reviewer, admin]) {
      expect(mayReadPlan(actor, plan({ published: true, archived: true }))).toBe(false);
      expect(mayReadPlan(actor, null)).toBe(false);
    }
  });

  it('counts agencies only while the user is a coordinator', () => {
    const former = testActor([Role.REVIEWER], { agencyIds: [LEAD] });
    expect(mayReadPlan(former, plan())).toBe(true); // as a reviewer
    expect(mayReadPlan(coordinator, plan({ leadAgencyIds: new Set() }))).toBe(false);
  });
});

describe('SUBSCRIPTION_RECHECK_MS', () => {
  it('defaults to 500 ms', () => {
    expect(loadConfig({}).subscriptionRecheckMs).toBe(500);
    expect(loadConfig({ SUBSCRIPTION_RECHECK_MS: '2000' }).subscriptionRecheckMs).toBe(2000);
  });

  it.each(['0', '49', '600000', 'soon'])('refuses %s', (value) => {
    expect(() => loadConfig({ SUBSCRIPTION_RECHECK_MS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SUBSCRIPTION_RECHECK_MS: value })).toThrow('SUBSCRIPTION_RECHECK_MS');
  });
});

/** A plan's event stream as the bus gives it: events pushed in are read out in order. */
class FakeStream implements AsyncIterableIterator<PlanActivityEvent> {
  returned = false;
  private readonly queue: PlanActivityEvent[] = [];
  private reader: ((result: IteratorResult<PlanActivityEvent>) => void) | null = null;

  push(event: PlanActivityEvent): void {
    if (this.reader) this.reader({ value: event, done: false });
    else this.queue.push(event);
    this.reader = null;
  }

  next(): Promise<IteratorResult<PlanActivityEvent>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.returned) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.reader = resolve;
    });
  }

  return(): Promise<IteratorResult<PlanActivityEvent>> {
    this.returned = true;
    this.reader?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

describe('SubscriptionRights', () => {
  const slug = 'test-plan';
  const coordinator = testActor([Role.COORDINATOR], { agencyIds: [LEAD] });
  let visibility: { published: boolean; archived: boolean; lead_agency_ids: string[] };
  let actors: Map<string, Actor>;
  let failure: Error | null;
  const reads = { credentials: 0, plans: 0 };
  let db: DataSource;
  let authentication: AuthenticationService;
  let rights: SubscriptionRights;

  beforeEach(() => {
    visibility = { published: false, archived: false, lead_agency_ids: [LEAD] };
    actors = new Map([['00000000-0000-4000-8000-000000000001', coordinator]]);
    failure = null;
    reads.credentials = 0;
    reads.plans = 0;
    db = {
      query: async (_sql: string, [slugs]: [string[]]) => {
        reads.plans += 1;
        if (failure) throw failure;
        return slugs.includes(slug) ? [{ slug, ...visibility }] : [];
      },
    } as unknown as DataSource;
    authentication = {
      actorsOf: async () => {
        reads.credentials += 1;
        return new Map(actors);
      },
    } as unknown as AuthenticationService;
    rights = new SubscriptionRights(db, authentication, loadConfig({}));
  });

  afterEach(() => rights.onModuleDestroy());

  function watch(actor: Actor = coordinator) {
    const inner = new FakeStream();
    const connection = rights.open(actor, rights.now());
    const stream = rights.guard(connection, slug, inner, rights.now());
    return { inner, stream };
  }

  it('hands an event on after reading the rights again, once for all subscribers of the event', async () => {
    const subscribers = [watch(), watch(), watch(ANONYMOUS)];
    visibility.published = true;
    const event = buildPlanActivity(slug);
    const reading = subscribers.map(({ stream }) => stream.next());
    for (const { inner } of subscribers) inner.push(event);

    for (const result of await Promise.all(reading)) {
      expect(result).toEqual({ value: event, done: false });
    }
    expect(reads).toEqual({ credentials: 1, plans: 1 });
  });

  it('withholds an event the viewer may no longer read and ends the subscription with NOT_FOUND', async () => {
    const { inner, stream } = watch();
    const reading = stream.next();
    actors.clear(); // the session was revoked
    inner.push(buildPlanActivity(slug));

    await expect(reading).rejects.toThrow(DomainException.notFound('plan', 'slug', slug));
    expect(inner.returned).toBe(true);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(rights.subscriptionCount).toBe(0);
  });

  it('withholds the event and ends the subscription when the rights cannot be read', async () => {
    const { inner, stream } = watch();
    const reading = stream.next();
    failure = new Error('connection terminated');
    inner.push(buildPlanActivity(slug));

    await expect(reading).rejects.toThrow('connection terminated');
    expect(inner.returned).toBe(true);
  });

  it('reads nothing while nothing is subscribed, and ends what is withdrawn on the next tick', async () => {
    rights = new SubscriptionRights(
      db,
      authentication,
      loadConfig({ SUBSCRIPTION_RECHECK_MS: '50' }),
    );
    rights.onModuleInit();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toEqual({ credentials: 0, plans: 0 });

    const { inner, stream } = watch();
    const reading = stream.next();
    visibility.archived = true;
    await expect(reading).rejects.toThrow(DomainException.notFound('plan', 'slug', slug));
    expect(inner.returned).toBe(true);
    expect(reads.plans).toBeGreaterThanOrEqual(1);
  });

  it('ends a subscription it is asked to return, and lets go of it', async () => {
    const { inner, stream } = watch();
    const reading = stream.next();
    await stream.return!();
    expect(await reading).toEqual({ value: undefined, done: true });
    expect(inner.returned).toBe(true);
    expect(rights.subscriptionCount).toBe(0);
  });
});
