const TWO_32 = 1n << 32n;
const TWO_64 = 1n << 64n;

/** How the step between two readings of one counter was read. */
export type CounterDelta =
  | { readonly kind: 'delta'; readonly value: number; readonly wrappedAt?: 32 | 64 }
  /** Went backwards and is not a plausible wrap: reboot, driver reload, device re-added. */
  | { readonly kind: 'reset' }
  /** Moved further than `maxDelta` allows: not a measurement we trust. */
  | { readonly kind: 'implausible' };

/**
 * The wrap/reset rule, for every monotonic counter of the agent:
 *
 * 1. `cur ≥ prev`: the delta is `cur − prev`, kept if `≤ maxDelta`, else `implausible`.
 * 2. `cur < prev`: a wrap of width W (32, then 64 bits) is assumed only when
 *    `prev` lies in the top quarter of W's range (`0.75·W < prev < W`), and the wrapped delta
 *    `W − prev + cur` is at most a quarter of the range and `≤ maxDelta`. A counter near its
 *    ceiling that comes back small after a short interval wrapped; anything else went back.
 * 3. Otherwise it is a `reset`: the field is skipped for this sample and the current reading
 *    primes the next one.
 *
 * A reset of a counter that was itself in the top quarter of 2^32 within `maxDelta` of the end
 * cannot be told from a wrap; the error is bounded by `maxDelta` and lasts one sample.
 */
export function counterDelta(prev: bigint, cur: bigint, maxDelta: number): CounterDelta {
  if (cur >= prev) return bounded(cur - prev, maxDelta);
  for (const [width, range] of [
    [32, TWO_32],
    [64, TWO_64],
  ] as const) {
    if (prev >= range || prev <= (range / 4n) * 3n) continue;
    const wrapped = range - prev + cur;
    if (wrapped > range / 4n || Number(wrapped) > maxDelta) continue;
    return { kind: 'delta', value: Number(wrapped), wrappedAt: width };
  }
  return { kind: 'reset' };
}

function bounded(delta: bigint, maxDelta: number): CounterDelta {
  const value = Number(delta);
  return value <= maxDelta ? { kind: 'delta', value } : { kind: 'implausible' };
}
