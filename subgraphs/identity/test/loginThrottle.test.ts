import fc from 'fast-check';
import { backoffDelayMs } from '../src/auth/loginThrottle.js';

const policy = { freeFailures: 3, backoffBaseMs: 1_000, backoffMaxMs: 60_000 };

describe('backoffDelayMs (the per-account login back-off schedule)', () => {
  it('lets the free failures through without waiting', () => {
    expect([0, 1, 2].map((failures) => backoffDelayMs(failures, policy))).toEqual([0, 0, 0]);
  });

  it('doubles the wait with each failure beyond the free ones', () => {
    expect([3, 4, 5, 6, 7].map((failures) => backoffDelayMs(failures, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits longer than the maximum, however many failures (a back-off, not a lock)', () => {
    expect(backoffDelayMs(9, policy)).toBe(60_000);
    expect(backoffDelayMs(1_000_000, policy)).toBe(60_000);
  });

  it('never shrinks as failures grow, and stays within [0, max]', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (failures) => {
        const delay = backoffDelayMs(failures, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(policy.backoffMaxMs);
        expect(backoffDelayMs(failures + 1, policy)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });
});
