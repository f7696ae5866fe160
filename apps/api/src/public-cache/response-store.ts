import Redis from 'ioredis';

/** Anonymous GraphQL answers by cache key (the key names the data versions they were computed at). */
export interface ResponseStore {
  get(key: string): Promise<Buffer | null>;
  set(key: string, body: Buffer): void;
  close(): Promise<void>;
}

/** How long an answer is kept at most; a new data version makes it unreachable long before. */
const TTL_MS = 10 * 60_000;
/** Redis is asked for a cached answer for at most this long; then the query runs. */
const REDIS_TIMEOUT_MS = 50;

/** One process's answers, least recently used first out, within a byte budget. */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries = new Map<string, { body: Buffer; until: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string): Promise<Buffer | null> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve(null);
    this.entries.delete(key);
    if (entry.until < Date.now()) {
      this.bytes -= entry.body.length;
      return Promise.resolve(null);
    }
    this.entries.set(key, entry);
    return Promise.resolve(entry.body);
  }

  set(key: string, body: Buffer): void {
    if (body.length > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, { body, until: Date.now() + TTL_MS });
    this.bytes += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
    return Promise.resolve();
  }
}

/**
 * Answers shared by every replica through Redis. A Redis that is away or slow costs a miss (the query runs), never
 * an error; nothing queues while it is away.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = lazyRedis(url, 'ogp-tracker-answers');
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      await connected(this.redis);
      return await this.redis.getBuffer(this.prefix + key);
    } catch {
      return null;
    }
  }

  set(key: string, body: Buffer): void {
    this.redis.set(this.prefix + key, body, 'PX', TTL_MS).catch(() => undefined);
  }

  close(): Promise<void> {
    return closeRedis(this.redis);
  }
}

/**
 * A Redis connection made on first use (a process that never needs it, or fails to start, holds none), that never
 * queues while Redis is away and gives up on a command after REDIS_TIMEOUT_MS: callers take errors as misses.
 */
export function lazyRedis(url: string, connectionName: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_TIMEOUT_MS,
    connectTimeout: 1000,
    connectionName,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  });
  // Errors are misses; ioredis reconnects by itself.
  redis.on('error', () => undefined);
  return redis;
}

/** Connects a lazy connection on its first use. */
export async function connected(redis: Redis): Promise<void> {
  if (redis.status === 'wait') await redis.connect();
}

export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'wait') redis.disconnect();
  else await redis.quit().catch(() => redis.disconnect());
}
