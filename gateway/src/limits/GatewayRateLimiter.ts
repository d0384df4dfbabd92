import type { Config, KeyValueStore, Logger } from '@perfanalysis/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { getGraphQLRateLimiter } from 'graphql-rate-limit';
import { Counter, type Registry } from 'prom-client';
import { callIdentity, KvRateLimitStore } from './KvRateLimitStore.js';
import type { RateLimitBucket } from './rateLimitRules.js';

const WINDOW_MS = 60_000;
/** At most one "store unavailable" log line per this many ms (the counter counts every one). */
const OUTAGE_LOG_EVERY_MS = 10_000;

export interface GatewayRateLimiterOptions {
  readonly kv: KeyValueStore;
  readonly limits: Config['limits'];
  readonly logger: Logger;
  readonly registry: Registry;
  /** How long one store call may take before the request is let through. @default 500 */
  readonly storeTimeoutMs?: number;
}

/** Calls per minute of each bucket. */
export function perMinute(limits: Config['limits']): Record<RateLimitBucket, number> {
  return {
    auth: limits.authPerMinute,
    api: limits.apiPerMinute,
    upload: limits.uploadPerMinute,
    trickle: limits.tricklePerMinute,
    wsConnect: limits.wsConnectPerMinute,
  };
}

/**
 * Rate limits (graphql-rate-limit's limiter on a `KvRateLimitStore`: GCRA, one atomic store
 * round trip per call — docs/limits.md), one budget per bucket and caller key: a burst of the
 * per-minute budget, refilled evenly over the minute. Rejected calls are not counted, so a client
 * hammering while limited is let in again as the budget refills. A store that fails or
 * does not answer lets the call through, logs (at most every 10 s) and counts
 * `rate_limit_store_errors_total`: limits degrade, the API does not.
 */
export class GatewayRateLimiter {
  private readonly store: KvRateLimitStore;
  private readonly limiter: ReturnType<typeof getGraphQLRateLimiter>;
  private readonly max: Record<RateLimitBucket, number>;
  private readonly storeErrors: Counter;
  private readonly limited: Counter<'bucket'>;
  private lastOutageLog = 0;
  private calls = 0;
  private suppressedOutageLogs = 0;

  constructor(private readonly options: GatewayRateLimiterOptions) {
    this.max = perMinute(options.limits);
    this.store = new KvRateLimitStore(
      options.kv,
      (bucket) => this.max[bucket as RateLimitBucket],
      WINDOW_MS,
      options.storeTimeoutMs ?? 500,
    );
    this.limiter = getGraphQLRateLimiter({ store: this.store, identifyContext: (context: { identity: string }) => context.identity });
    this.storeErrors = new Counter({
      name: 'rate_limit_store_errors_total',
      help: 'Rate-limit checks let through because the store (Redis) failed or was too slow',
      registers: [options.registry],
    });
    this.limited = new Counter({
      name: 'rate_limited_total',
      help: 'Calls refused with RATE_LIMITED, by bucket',
      labelNames: ['bucket'],
      registers: [options.registry],
    });
  }

  /** Counts one call; resolves to the seconds to wait when the budget is spent, else undefined. */
  check(bucket: RateLimitBucket, key: string): Promise<number | undefined> {
    // The store spends atomically (one script per call): concurrent calls of a key need no queue.
    return this.checkNow(bucket, key);
  }

  private async checkNow(bucket: RateLimitBucket, key: string): Promise<number | undefined> {
    const max = this.max[bucket];
    // 0 turns the limit off: no store round trip, no sliding log growing with traffic.
    if (max === 0) return undefined;
    const info = { fieldName: bucket } as GraphQLResolveInfo;
    const identity = callIdentity(key, (this.calls = (this.calls + 1) % Number.MAX_SAFE_INTEGER));
    try {
      const refused = await this.limiter(
        { parent: undefined, args: {}, context: { identity }, info },
        { max, window: String(WINDOW_MS), uncountRejected: true },
      );
      const retryInMs = this.store.takeRetryIn({ contextIdentity: identity, fieldIdentity: bucket });
      if (refused === undefined) return undefined;
      this.limited.inc({ bucket });
      return Math.max(1, Math.ceil(retryInMs / 1000));
    } catch (error) {
      this.store.takeRetryIn({ contextIdentity: identity, fieldIdentity: bucket });
      this.storeErrors.inc();
      this.logOutage(error);
      return undefined;
    }
  }

  private logOutage(error: unknown): void {
    const now = Date.now();
    if (now - this.lastOutageLog < OUTAGE_LOG_EVERY_MS) {
      this.suppressedOutageLogs++;
      return;
    }
    this.options.logger.error(
      { err: error instanceof Error ? error.message : String(error), suppressed: this.suppressedOutageLogs },
      'RATE LIMITS NOT ENFORCED: the rate-limit store is unavailable; calls are let through',
    );
    this.lastOutageLog = now;
    this.suppressedOutageLogs = 0;
  }
}
