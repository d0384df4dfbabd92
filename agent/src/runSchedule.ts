import type { Clock, Sleep } from './clock.js';

export interface ScheduleOptions {
  /** Period between reads, ms. */
  readonly frequencyMs: number;
  /** Length of the run, ms; 0 runs until `signal` aborts. Reads happen at 0, f, 2f … ≤ duration. */
  readonly durationMs: number;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly signal?: AbortSignal;
}

export interface ScheduleResult {
  /** Ticks that ran. */
  readonly ticks: number;
  /** Ticks skipped because a previous one overran its period. */
  readonly missed: number;
}

/**
 * Calls `tick` at fixed offsets from the start on the monotonic clock, so periods do not drift
 * by the time each tick takes. When a tick overruns, the missed slots are skipped instead of
 * fired back to back: a burst of reads microseconds apart would only yield noisy rates.
 */
export async function runSchedule(options: ScheduleOptions, tick: (index: number) => void | Promise<void>): Promise<ScheduleResult> {
  const { frequencyMs, durationMs, clock, sleep, signal } = options;
  const start = clock.monotonicNs();
  const sinceStartMs = (): number => Number(clock.monotonicNs() - start) / 1e6;
  const lastSlot = durationMs > 0 ? Math.floor(durationMs / frequencyMs + 1e-9) : Number.POSITIVE_INFINITY;
  let ticks = 0;
  let missed = 0;
  for (let slot = 0; slot <= lastSlot && !signal?.aborted; ) {
    const waitMs = slot * frequencyMs - sinceStartMs();
    if (waitMs > 0) await sleep(waitMs, signal);
    if (signal?.aborted) break;
    await tick(slot);
    ticks += 1;
    const next = Math.max(slot + 1, Math.ceil(sinceStartMs() / frequencyMs - 1e-9));
    missed += next - slot - 1;
    slot = next;
  }
  return { ticks, missed };
}
