import { connectRedis, type RedisConnection, type RedisTarget } from '../redis/connectRedis.js';
import type { KeyValueStore } from './KeyValueStore.js';
import { GCRA_LUA, type RateSpend } from './rateBudget.js';

/** The connection with the GCRA script defined on it (ioredis sends EVALSHA, EVAL once when Redis lacks it). */
type WithGcra = RedisConnection & { paSpendRate(key: string, max: number, windowMs: number): Promise<[number, number]> };

/** Redis-backed store; every key carries the deployment's prefix. */
export class RedisKeyValueStore implements KeyValueStore {
  private readonly redis: WithGcra;

  constructor(
    target: RedisTarget,
    private readonly prefix: string,
  ) {
    if (!prefix) throw new Error('RedisKeyValueStore needs a non-empty key prefix');
    const redis = connectRedis(target, { maxRetriesPerRequest: 2, connectionName: 'pa-kv' });
    redis.defineCommand('paSpendRate', { numberOfKeys: 1, lua: GCRA_LUA });
    this.redis = redis as WithGcra;
    this.redis.on('error', () => {});
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async increment(key: string, windowMs: number, by = 1): Promise<{ count: number; resetInMs: number }> {
    const k = this.prefix + key;
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incrby(k, by)
      .pexpire(k, windowMs, 'NX')
      .pttl(k)
      .exec()
      .then((r) => [r![0]!, r![2]!])) as [[unknown, number], [unknown, number]];
    return { count, resetInMs: ttl };
  }

  async spendRate(key: string, max: number, windowMs: number): Promise<RateSpend> {
    const [used, retryInMs] = await this.redis.paSpendRate(this.prefix + key, max, windowMs);
    return { used, retryInMs };
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
