import type { Clock, Sleep } from '../../src/clock.js';

/** A clock that moves only when told; its sleep advances it instead of waiting. */
export interface ManualClock {
  readonly clock: Clock;
  /** Advances both clocks by `ms`. */
  advance(ms: number): void;
  /** A Sleep that advances the clock by `ms`, then runs `onWake` (e.g. load the next fixture). */
  sleep(onWake?: () => void): Sleep;
}

export const GOLDEN_START_MS = Date.UTC(2025, 0, 15, 12, 0, 0);

export function manualClock(startMs = GOLDEN_START_MS): ManualClock {
  let ns = 1_000_000_000n;
  let ms = startMs;
  const advance = (delta: number): void => {
    ns += BigInt(Math.round(delta * 1e6));
    ms += delta;
  };
  return {
    clock: { monotonicNs: () => ns, nowMs: () => ms },
    advance,
    sleep: (onWake) => async (delta, signal) => {
      // Yield a macrotask first, as a real timer would: work queued meanwhile gets to run.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) return;
      advance(delta);
      onWake?.();
    },
  };
}
