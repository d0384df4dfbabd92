import type { KeyValueStore } from '@perfanalysis/platform';
import { type Identity, Store } from 'graphql-rate-limit';

const CALL_SEPARATOR = '\n';

/**
 * graphql-rate-limit's context identity of one call: the caller's key and the call's own number,
 * so concurrent calls of one caller each read their own Retry-After (keyOf drops the number).
 */
export function callIdentity(key: string, call: number): string {
  return `${key}${CALL_SEPARATOR}${call}`;
}

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
 * prefix, or in-process for the embedded single-process default), in one round trip per call:
 * `getForIdentity` spends the call atomically (`KeyValueStore.spendRate`, GCRA — docs/limits.md)
 * and hands the limiter the budget's use as that many calls in the window, so the limiter's own
 * rule (used + 1 > max) reaches the store's verdict; `setForIdentity` has nothing left to write.
 * No read-modify-write, no JSON log per key (the sliding log took a GET and a SET with its JSON).
 * Each call is bounded in time, so an unreachable Redis costs a request at most `timeoutMs`.
 */
export class KvRateLimitStore extends Store {
  /** The wait the last spend reported for each identity (read once by the limiter for Retry-After). */
  private readonly retryIn = new Map<string, number>();

  constructor(
    private readonly kv: KeyValueStore,
    /** Calls per window of each budget (graphql-rate-limit's field identity is the bucket). */
    private readonly maxOf: (bucket: string) => number,
    private readonly windowMs: number,
    private readonly timeoutMs = 500,
  ) {
    super();
  }

  /** The budget's key: the caller's key without the call's number (see `callIdentity`). */
  static keyOf(identity: Identity): string {
    const end = identity.contextIdentity.lastIndexOf(CALL_SEPARATOR);
    const caller = end < 0 ? identity.contextIdentity : identity.contextIdentity.slice(0, end);
    return `rl:${identity.fieldIdentity}:${caller}`;
  }

  async getForIdentity(identity: Identity): Promise<readonly number[]> {
    const key = KvRateLimitStore.keyOf(identity);
    const spend = await withTimeout(this.kv.spendRate(key, this.maxOf(identity.fieldIdentity), this.windowMs), this.timeoutMs);
    this.retryIn.set(identity.contextIdentity, spend.retryInMs);
    const now = Date.now();
    return Array.from({ length: spend.used }, () => now);
  }

  async setForIdentity(): Promise<void> {
    // getForIdentity counted the call already (and a refused one is not counted).
  }

  /** Ms until one more call fits, as the last spend of this identity said (0 when it was allowed), forgotten once read. */
  takeRetryIn(identity: Identity): number {
    const ms = this.retryIn.get(identity.contextIdentity) ?? 0;
    this.retryIn.delete(identity.contextIdentity);
    return ms;
  }
}
