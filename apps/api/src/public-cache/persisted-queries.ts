import type { ApolloServerPlugin } from '@apollo/server';
import type Redis from 'ioredis';
import { closeRedis, connected, lazyRedis } from './response-store';

/**
 * The query texts of persisted queries (by hash) in Redis, as Apollo's key-value cache: registered with one API
 * process, known to all.
 */
export class RedisPersistedQueries {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = lazyRedis(url, 'ogp-tracker-persisted-queries');
  }

  async get(key: string): Promise<string | undefined> {
    try {
      await connected(this.redis);
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    try {
      await connected(this.redis);
      if (options?.ttl) await this.redis.set(this.prefix + key, value, 'EX', options.ttl);
      else await this.redis.set(this.prefix + key, value);
    } catch {
      // Not registered everywhere: another process asks for the query once more.
    }
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key).catch(() => undefined);
  }

  /** Closes the connection when the server stops. */
  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: () => Promise.resolve({ serverWillStop: () => closeRedis(this.redis) }),
    };
  }
}
