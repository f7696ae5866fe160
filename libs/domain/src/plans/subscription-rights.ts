import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import {
  ANONYMOUS,
  APP_CONFIG,
  DomainException,
  type Actor,
  type AppConfig,
  type PlanActivityEvent,
  type UserActor,
} from '@ogp/core';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ReadScope } from '../shared/read-scope';
import { AuthenticationService } from '../users';

type Credential = UserActor['via'];

/** What decides who may read a plan, as of one read. */
interface PlanVisibility {
  published: boolean;
  archived: boolean;
  /** Agencies leading an unarchived commitment of the plan. */
  leadAgencyIds: ReadonlySet<string>;
}

/** The same rule as ReadScope.visiblePlanIdsSql(), for one plan in memory. null: no plan with that slug. */
export function mayReadPlan(actor: Actor, plan: PlanVisibility | null): boolean {
  if (!plan || plan.archived) return false;
  if (plan.published) return true;
  const scope = ReadScope.of(actor);
  return scope.seesEverything || scope.leadAgencyIds.some((id) => plan.leadAgencyIds.has(id));
}

const credentialId = (credential: Credential): string =>
  credential.kind === 'session' ? credential.sessionId : credential.tokenId;

/**
 * One open websocket and the viewer it speaks for NOW: SubscriptionRights keeps `actor` current. A credential
 * that is revoked, expires or belongs to a deactivated user counts for nothing from then on, as over HTTP: the
 * connection continues as the anonymous public.
 */
export class LiveConnection {
  /** The session or API token it signed in with; null once anonymous. */
  private credentialHeld: Credential | null;
  private actorValue: Actor;
  /** When `actor` was read (performance.now()): an older read never overwrites a newer one. */
  private actorAsOf: number;
  /** @internal */
  readonly streams = new Set<GuardedPlanStream>();

  constructor(actor: Actor, asOf: number) {
    this.actorValue = actor;
    this.actorAsOf = asOf;
    this.credentialHeld = actor.kind === 'user' ? actor.via : null;
  }

  get actor(): Actor {
    return this.actorValue;
  }

  get credential(): Credential | null {
    return this.credentialHeld;
  }

  /** @internal Takes the actor read at `asOf`, unless a newer read is already in. */
  update(actors: ReadonlyMap<string, Actor>, asOf: number): void {
    if (!this.credentialHeld || asOf < this.actorAsOf) return;
    const actor = actors.get(credentialId(this.credentialHeld)) ?? ANONYMOUS;
    this.actorValue = actor;
    this.actorAsOf = asOf;
    // A revoked, expired or deactivated credential never comes back: nothing more to re-read.
    if (actor.kind === 'anonymous') this.credentialHeld = null;
  }
}

/** What a read in GuardedPlanStream.next() resolves to when the subscription is ended from outside. */
const ENDED = Symbol('ended');

/**
 * A plan's event stream as one subscriber sees it: each event is handed on only after the viewer's rights and
 * the plan's visibility have been read again since the event arrived; the stream fails with NOT_FOUND (the answer
 * a new subscription would get) as soon as the viewer may no longer read the plan.
 */
class GuardedPlanStream implements AsyncIterableIterator<PlanActivityEvent> {
  private ended = false;
  private failure: Error | null = null;
  /** Wakes the read in progress when the stream is ended from outside. */
  private interruptRead: (() => void) | null = null;

  constructor(
    readonly connection: LiveConnection,
    readonly planSlug: string,
    /** When the start check began: plan states read before it do not judge this stream. */
    readonly checkedAt: number,
    /** When it joined the registry: re-reads started before it do not include it. */
    readonly registeredAt: number,
    private readonly inner: AsyncIterableIterator<PlanActivityEvent>,
    private readonly rights: SubscriptionRights,
  ) {}

  async next(): Promise<IteratorResult<PlanActivityEvent>> {
    for (;;) {
      if (this.failure) {
        const failure = this.failure;
        this.failure = null;
        throw failure;
      }
      if (this.ended) return { value: undefined, done: true };
      let result: IteratorResult<PlanActivityEvent> | typeof ENDED;
      try {
        result = await new Promise<IteratorResult<PlanActivityEvent> | typeof ENDED>(
          (resolve, reject) => {
            this.interruptRead = () => resolve(ENDED);
            this.inner.next().then(resolve, reject);
          },
        );
      } catch (error) {
        // The bus ended the stream (a subscriber that fell too far behind): it leaves the registry too.
        this.finish();
        throw error;
      } finally {
        this.interruptRead = null;
      }
      if (result === ENDED) continue;
      if (result.done) {
        this.finish();
        return result;
      }
      try {
        await this.rights.recheckFor(result.value, this);
      } catch (error) {
        // Rights that cannot be read are not rights: the event is withheld and the subscriber told.
        this.fail(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (this.ended) continue;
      return result;
    }
  }

  return(): Promise<IteratorResult<PlanActivityEvent>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<PlanActivityEvent>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<PlanActivityEvent> {
    return this;
  }

  /** Ends the stream with `error`: the subscriber's pending or next read fails with it. */
  fail(error: Error): void {
    if (this.ended) return;
    this.failure = error;
    this.finish();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.rights.forget(this);
    this.interruptRead?.();
    void this.inner.return?.();
  }
}

interface PlanRow {
  slug: string;
  published: boolean;
  archived: boolean;
  lead_agency_ids: string[] | null;
}

/** Event checks remembered (by status update id), so the subscribers of one event share one re-read. */
const REMEMBERED_EVENT_CHECKS = 1000;

/**
 * Keeps live subscriptions within their viewers' CURRENT rights. A subscription is checked when it starts (with
 * the connection's credential read again) and again before each event is handed on; and every
 * SUBSCRIPTION_RECHECK_MS the credentials of the connections that subscribe and the visibility of their plans are
 * read again, in one query each, so sign-out, deactivation, a role or agency change, session expiry and a plan
 * unpublished or archived end the subscriptions they no longer allow. Nothing is read while nothing is subscribed.
 */
@Injectable()
export class SubscriptionRights implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SubscriptionRights.name);
  private readonly streams = new Set<GuardedPlanStream>();
  private readonly subscribersOfPlan = new Map<string, number>();
  private readonly plans = new Map<string, { visibility: PlanVisibility | null; asOf: number }>();
  private readonly eventChecks = new Map<string, { startedAt: number; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;
  private readsInFlight = 0;
  private stopped = false;
  private lastFailure: string | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly authentication: AuthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.tick(), this.config.subscriptionRecheckMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A monotonic clock reading: what `asOf` and `checkedAt` are measured in. */
  now(): number {
    return performance.now();
  }

  /** The record of a websocket that authenticated as `actor`, read at `asOf` (taken before the read). */
  open(actor: Actor, asOf: number): LiveConnection {
    return new LiveConnection(actor, asOf);
  }

  /** The socket closed: its subscriptions end (graphql-ws returns them too; this makes sure). */
  close(connection: LiveConnection): void {
    for (const stream of [...connection.streams]) void stream.return();
  }

  /** The connection's viewer as of now: its credential is read again (one row) before a subscription starts. */
  async currentActor(connection: LiveConnection): Promise<Actor> {
    const credential = connection.credential;
    if (!credential) return connection.actor;
    const asOf = this.now();
    connection.update(await this.authentication.actorsOf([credential]), asOf);
    return connection.actor;
  }

  /**
   * Wraps a plan's event stream for a subscriber whose start check (may `connection` read the plan?) began at
   * `checkedAt` and passed.
   */
  guard(
    connection: LiveConnection,
    planSlug: string,
    inner: AsyncIterableIterator<PlanActivityEvent>,
    checkedAt: number,
  ): AsyncIterableIterator<PlanActivityEvent> {
    const stream = new GuardedPlanStream(connection, planSlug, checkedAt, this.now(), inner, this);
    this.streams.add(stream);
    connection.streams.add(stream);
    this.subscribersOfPlan.set(planSlug, (this.subscribersOfPlan.get(planSlug) ?? 0) + 1);
    return stream;
  }

  /** @internal A stream ended. */
  forget(stream: GuardedPlanStream): void {
    if (!this.streams.delete(stream)) return;
    stream.connection.streams.delete(stream);
    const left = (this.subscribersOfPlan.get(stream.planSlug) ?? 1) - 1;
    if (left > 0) {
      this.subscribersOfPlan.set(stream.planSlug, left);
    } else {
      this.subscribersOfPlan.delete(stream.planSlug);
      this.plans.delete(stream.planSlug);
    }
  }

  /** @internal Live subscriptions in this process (for tests and diagnostics). */
  get subscriptionCount(): number {
    return this.streams.size;
  }

  /**
   * Resolves once rights have been read again after `event` arrived, with `stream` among the subscriptions read,
   * and the subscriptions they no longer allow are ended. The subscribers of one event share the read started by
   * the first of them to receive it (which is after the event arrived in this process, so it holds for them all).
   */
  recheckFor(event: PlanActivityEvent, stream: GuardedPlanStream): Promise<void> {
    const key = `${event.planSlug}\u0000${event.statusUpdateId}`;
    const shared = this.eventChecks.get(key);
    if (shared && shared.startedAt >= stream.registeredAt) return shared.done;
    const startedAt = this.now();
    const done = this.recheck(startedAt);
    this.eventChecks.set(key, { startedAt, done });
    // A read stays good for its event; only the oldest are let go.
    for (const old of this.eventChecks.keys()) {
      if (this.eventChecks.size <= REMEMBERED_EVENT_CHECKS) break;
      this.eventChecks.delete(old);
    }
    done.catch(() => {
      if (this.eventChecks.get(key)?.done === done) this.eventChecks.delete(key);
    });
    return done;
  }

  private tick(): void {
    // Cheap when nothing is subscribed, and never a second read while one is still running.
    if (this.stopped || this.streams.size === 0 || this.readsInFlight > 0) return;
    this.recheck(this.now()).then(
      () => {
        if (this.lastFailure) this.logger.log('Subscription rights are read again');
        this.lastFailure = null;
      },
      (error: unknown) => {
        if (this.stopped) return;
        const message = error instanceof Error ? error.message : String(error);
        // Said once per kind of failure, not every tick; subscriptions are judged again once reads succeed.
        if (message !== this.lastFailure) {
          this.logger.warn(`Cannot read subscription rights again: ${message}`);
        }
        this.lastFailure = message;
      },
    );
  }

  /** Reads the subscribers' credentials and their plans' visibility again, and ends what they no longer allow. */
  private async recheck(asOf: number): Promise<void> {
    // The subscriptions as of `asOf`, taken before the first await.
    const streams = [...this.streams];
    if (streams.length === 0) return;
    const connections = [...new Set(streams.map((stream) => stream.connection))];
    const credentials = connections
      .map((connection) => connection.credential)
      .filter((credential): credential is Credential => credential !== null);
    const slugs = [...this.subscribersOfPlan.keys()];
    this.readsInFlight += 1;
    try {
      const actors = await this.authentication.actorsOf(credentials);
      const plans = await this.planVisibility(slugs);
      for (const connection of connections) connection.update(actors, asOf);
      for (const slug of slugs) {
        if (!this.subscribersOfPlan.has(slug)) continue; // its last subscriber left meanwhile
        const known = this.plans.get(slug);
        if (!known || known.asOf <= asOf) {
          this.plans.set(slug, { visibility: plans.get(slug) ?? null, asOf });
        }
      }
    } finally {
      this.readsInFlight -= 1;
    }
    this.enforce();
  }

  /** Ends each subscription whose viewer may no longer read its plan. */
  private enforce(): void {
    for (const stream of [...this.streams]) {
      const plan = this.plans.get(stream.planSlug);
      // Not read since the stream's own start check: that check is newer.
      if (!plan || plan.asOf < stream.checkedAt) continue;
      if (!mayReadPlan(stream.connection.actor, plan.visibility)) {
        stream.fail(DomainException.notFound('plan', 'slug', stream.planSlug));
      }
    }
  }

  private async planVisibility(slugs: string[]): Promise<Map<string, PlanVisibility>> {
    const rows: PlanRow[] = await this.db.query(
      `SELECT p.slug, p.is_published AS published, p.archived_at IS NOT NULL AS archived,
              ARRAY(SELECT DISTINCT lead.agency_id
                    FROM commitment c JOIN commitment_agency lead ON lead.commitment_id = c.id
                    WHERE c.action_plan_id = p.id AND c.archived_at IS NULL AND lead.role = 'LEAD'
              ) AS lead_agency_ids
       FROM action_plan p WHERE p.slug = ANY($1::text[])`,
      [slugs],
    );
    return new Map(
      rows.map((row) => [
        row.slug,
        {
          published: row.published,
          archived: row.archived,
          leadAgencyIds: new Set(row.lead_agency_ids ?? []),
        },
      ]),
    );
  }
}
