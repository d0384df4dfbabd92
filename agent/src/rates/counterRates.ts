import type { MetricColumn, MetricValues } from '@perfanalysis/contract';
import { counterDelta } from './counterDelta.js';

/** How one output column is derived from one counter. */
export interface CounterSpec<T> {
  readonly column: MetricColumn;
  readonly counter: (reading: T) => bigint;
  /** Multiplies Δcounter / Δseconds into the column's unit (e.g. 512 / MiB for sectors → MB/s). */
  readonly scale: number;
  /** Fastest believable Δcounter per second (see MAX_PER_SECOND). */
  readonly maxPerSecond: number;
}

export interface CounterRates {
  readonly values: MetricValues;
  /** Some counter went back without being a plausible wrap: the device's counters restarted. */
  readonly reset: boolean;
}

/**
 * Per-second rates of every spec'd counter between two readings of one device. A column whose
 * counter moved implausibly far is left out for this sample (absent, never zero); a reset of
 * any counter is reported so the caller can skip the whole device (a device's counters restart
 * together, and its counters that stayed at 0 would otherwise pass as a real 0/s).
 */
export function counterRates<T>(specs: readonly CounterSpec<T>[], prev: T, cur: T, elapsedS: number): CounterRates {
  const values: MetricValues = {};
  let reset = false;
  for (const spec of specs) {
    const step = counterDelta(spec.counter(prev), spec.counter(cur), spec.maxPerSecond * elapsedS);
    if (step.kind === 'delta') values[spec.column] = (step.value / elapsedS) * spec.scale;
    else if (step.kind === 'reset') reset = true;
  }
  return { values, reset };
}
