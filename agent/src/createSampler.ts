import type { MetricPoint } from '@perfanalysis/contract';
import { systemClock, type Clock } from './clock.js';
import './collectors/index.js';
import type { DeviceFilterOptions } from './collectors/deviceFilter.js';
import { defaultRegistry, type CollectorName, type CollectorRegistry, type CollectorReport } from './collectors/registry.js';
import { deriveSample, type PreviousReadings, type SkipReason } from './deriveSample.js';

export interface SamplerOptions {
  /** Where /proc is mounted. @default '/proc' */
  readonly procRoot?: string;
  /** Monotonic clock for elapsed time, wall clock for timestamps. @default systemClock */
  readonly clock?: Clock;
  /** @default defaultRegistry (the five /proc collectors) */
  readonly registry?: CollectorRegistry;
  /** Switch collectors on/off by name. @default each collector's defaultEnabled */
  readonly collectors?: Partial<Record<CollectorName, boolean>>;
  /** @default {} (partitions, loop, ram, zram, dm, md, sr skipped) */
  readonly disk?: DeviceFilterOptions;
  /** @default {} (lo skipped) */
  readonly net?: DeviceFilterOptions;
}

export interface SampleResult {
  /** Absent on the first sample, after a reboot, and when CPU % could not be computed. */
  readonly point?: MetricPoint;
  readonly skipped?: SkipReason;
  readonly reports: readonly CollectorReport[];
}

export interface Sampler {
  /** Reads every enabled source once; returns the rates since the previous call, if any. */
  sample(): MetricPoint | undefined;
  sampleDetailed(): SampleResult;
}

/**
 * Ties the collectors to the rate code. Each source keeps its own previous reading and time, so
 * a source that failed once computes its next rate over the longer gap instead of none. A point
 * is emitted only with CPU % (the upload format requires cpu_user/system/idle): the first sample
 * and the first after a reboot only prime.
 */
export function createSampler(options: SamplerOptions = {}): Sampler {
  const clock = options.clock ?? systemClock;
  const collectors = (options.registry ?? defaultRegistry).create(
    { procRoot: options.procRoot ?? '/proc', disk: options.disk ?? {}, net: options.net ?? {} },
    options.collectors,
  );
  let previous: PreviousReadings = {};

  const sampleDetailed = (): SampleResult => {
    const monoNs = clock.monotonicNs();
    const timestamp = clock.nowMs();
    const { readings, reports } = collectors.collect(clock);
    const derived = deriveSample(previous, readings, monoNs, timestamp);
    previous = derived.next;
    return derived.point ? { point: derived.point, reports } : { skipped: derived.skipped, reports };
  };

  return { sample: () => sampleDetailed().point, sampleDetailed };
}
