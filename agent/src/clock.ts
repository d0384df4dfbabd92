/**
 * Time sources of the agent. Rates divide by the *monotonic* elapsed time (wall clocks jump on
 * NTP steps and DST-less but still adjustable `settimeofday`); timestamps use the wall clock.
 * Both are injectable so tests replay fixture sequences deterministically.
 */
export interface Clock {
  /** Monotonic nanoseconds; only differences are meaningful. @default process.hrtime.bigint */
  monotonicNs(): bigint;
  /** Wall-clock milliseconds since the Unix epoch (UTC). @default Date.now */
  nowMs(): number;
}

export const systemClock: Clock = {
  monotonicNs: () => process.hrtime.bigint(),
  nowMs: () => Date.now(),
};

/** Resolves after `ms`, or at once when `signal` aborts (never rejects: stopping is not an error). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });

/** Nanoseconds between two monotonic readings, as seconds. */
export function elapsedSeconds(fromNs: bigint, toNs: bigint): number {
  return Number(toNs - fromNs) / 1e9;
}
