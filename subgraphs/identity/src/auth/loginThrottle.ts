import { type KeyValueStore, type Logger, type LoginThrottleConfig, RateLimitedError } from '@perfanalysis/platform';
import { createHash } from 'node:crypto';

/**
 * How long the next attempt waits after `failures` failed logins in the window: nothing
 * before `freeFailures` of them, then base·2^k (k = failures beyond the free ones), capped at
 * the maximum (docs/security.md "Login throttling").
 */
export function backoffDelayMs(
  failures: number,
  policy: Pick<LoginThrottleConfig, 'freeFailures' | 'backoffBaseMs' | 'backoffMaxMs'>,
): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  // 2^31 already exceeds any sensible maximum; capping the exponent keeps the product finite.
  return Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.min(beyond, 31));
}

/** One admitted attempt: counted as a failure until the password proves right. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

const UNCOUNTED: LoginAttempt = { succeeded: async () => undefined };

/**
 * Per-account login back-off kept in the shared key-value store, so every identity replica
 * agrees. Keyed by the normalised e-mail whether or not an account has it, so a throttled
 * answer says nothing about existence. An address that logged in to the account before
 * ("known") has its own counter: strangers' failures never hold the owner back. Like the
 * rate limits, an outage of the store lets logins through, loudly, rather than lock everyone out.
 */
export class LoginThrottle {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly policy: LoginThrottleConfig,
    private readonly logger: Logger,
  ) {}

  /** Refuses with RATE_LIMITED while the back-off runs; otherwise counts this attempt. */
  async admit(email: string, ip: string): Promise<LoginAttempt> {
    try {
      return await this.count(email, ip);
    } catch (error) {
      if (error instanceof RateLimitedError) throw error;
      this.storeFailed(error);
      return UNCOUNTED;
    }
  }

  private storeFailed(error: unknown): void {
    this.logger.error({ err: error }, 'login throttle: the key-value store failed; this login is not throttled');
  }

  private async count(email: string, ip: string): Promise<LoginAttempt> {
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    const knownKey = `login:known:${account}:${ip}`;
    const known = (await this.kv.get(knownKey)) !== undefined;
    const scope = known ? `${account}:${ip}` : account;
    const waitKey = `login:wait:${scope}`;
    const failKey = `login:fail:${scope}`;
    const now = Date.now();
    const until = Number((await this.kv.get(waitKey)) ?? 0);
    if (until > now) throw new RateLimitedError(Math.max(1, Math.ceil((until - now) / 1000)));
    // Counted before the password check, so a burst of parallel guesses pays for every guess.
    const { count } = await this.kv.increment(failKey, this.policy.failureWindowMs);
    const delay = backoffDelayMs(count, this.policy);
    if (delay > 0) await this.kv.set(waitKey, String(now + delay), delay);
    const succeeded = async () => {
      if (known) {
        await this.kv.delete(failKey);
        await this.kv.delete(waitKey);
      } else {
        await this.kv.increment(failKey, this.policy.failureWindowMs, -1);
      }
      await this.kv.set(knownKey, '1', this.policy.knownAddressTtlMs);
    };
    return { succeeded: () => succeeded().catch((error: unknown) => this.storeFailed(error)) };
  }
}
