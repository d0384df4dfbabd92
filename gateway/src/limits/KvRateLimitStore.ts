import type { KeyValueStore } from '@perfanalysis/platform';
import { type Identity, Store } from 'graphql-rate-limit';

/** Thrown when the store did not answer in time: the limiter treats it like an outage. */
export class RateLimitStoreTimeout extends Error {
  constructor(ms: number) {
    super(`rate-limit store did not answer within ${ms} ms`);
    this.name = 'RateLimitStoreTimeout';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RateLimitStoreTimeout(ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * graphql-rate-limit's `Store` over the platform's key-value store (Redis with a deployment
 * prefix, or in-process for the embedded single-process default). Its bundled RedisStore speaks
 * the old callback `redis` client; this one speaks ioredis through `KeyValueStore`. Each call is
 * bounded in time, so an unreachable Redis costs a request at most `timeoutMs`.
 */
export class KvRateLimitStore extends Store {
  /** What the last write put for each identity (read once by the limiter to compute Retry-After). */
  private readonly written = new Map<string, readonly number[]>();

  constructor(
    private readonly kv: KeyValueStore,
    private readonly timeoutMs = 500,
  ) {
    super();
  }

  static keyOf(identity: Identity): string {
    return `rl:${identity.fieldIdentity}:${identity.contextIdentity}`;
  }

  async getForIdentity(identity: Identity): Promise<readonly number[]> {
    const raw = await withTimeout(this.kv.get(KvRateLimitStore.keyOf(identity)), this.timeoutMs);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number') : [];
    } catch {
      return [];
    }
  }

  async setForIdentity(identity: Identity, timestamps: readonly number[], windowMs = 60_000): Promise<void> {
    const key = KvRateLimitStore.keyOf(identity);
    this.written.set(key, timestamps);
    if (timestamps.length === 0) return;
    // Kept until the newest call leaves the window.
    const ttlMs = Math.max(1, Math.max(...timestamps) + windowMs - Date.now());
    await withTimeout(this.kv.set(key, JSON.stringify(timestamps), ttlMs), this.timeoutMs);
  }

  /** The timestamps last written for this identity, forgotten once read. */
  takeWritten(identity: Identity): readonly number[] {
    const key = KvRateLimitStore.keyOf(identity);
    const written = this.written.get(key) ?? [];
    this.written.delete(key);
    return written;
  }
}
