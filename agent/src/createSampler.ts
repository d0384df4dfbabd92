import { METRIC_COLUMNS, type DeviceSample, type MetricPoint, type MetricValues } from '@perfanalysis/contract';
import { elapsedSeconds, systemClock, type Clock } from './clock.js';
import './collectors/index.js';
import type { DeviceFilterOptions } from './collectors/deviceFilter.js';
import {
  defaultRegistry,
  type CollectorName,
  type CollectorReadings,
  type CollectorRegistry,
  type CollectorReport,
} from './collectors/registry.js';
import { cpuRates } from './rates/cpuRates.js';
import { diskRates } from './rates/diskRates.js';
import { loadValues } from './rates/loadValues.js';
import { memoryValues } from './rates/memoryValues.js';
import { netRates } from './rates/netRates.js';
import { rebooted } from './rates/rebooted.js';

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

/** Why a sample produced no point. */
export type SkipReason = 'priming' | 'reboot' | 'cpu-unavailable';

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

interface Timed<T> {
  readonly reading: T;
  readonly monoNs: bigint;
}

type Previous = { [K in CollectorName]?: Timed<CollectorReadings[K]> };

/** Six decimals: µs-level float noise out, every real digit of MB/s and % in. */
const ROUND = 1e6;

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
  let previous: Previous = {};

  const sampleDetailed = (): SampleResult => {
    const monoNs = clock.monotonicNs();
    const timestamp = clock.nowMs();
    const { readings, reports } = collectors.collect(clock);
    const reboot = readings.stat !== undefined && previous.stat !== undefined && rebooted(previous.stat.reading, readings.stat);
    if (reboot) previous = {};
    const { values, devices } = derive(previous, readings, monoNs);
    const hadCpu = previous.stat !== undefined;
    remember(previous, readings, monoNs);
    if (values.cpu_user === undefined) {
      return { reports, skipped: reboot ? 'reboot' : hadCpu ? 'cpu-unavailable' : 'priming' };
    }
    const point: MetricPoint = devices.length > 0 ? { timestamp, values, devices } : { timestamp, values };
    return { point, reports };
  };

  return { sample: () => sampleDetailed().point, sampleDetailed };
}

function derive(prev: Previous, cur: Partial<CollectorReadings>, monoNs: bigint): { values: MetricValues; devices: DeviceSample[] } {
  const values: MetricValues = {};
  const devices: DeviceSample[] = [];
  const add = (part: { values?: MetricValues; devices?: DeviceSample[] }): void => {
    Object.assign(values, part.values);
    devices.push(...(part.devices ?? []));
  };
  if (cur.stat && prev.stat) add(cpuRates(prev.stat.reading, cur.stat));
  if (cur.meminfo) add({ values: memoryValues(cur.meminfo) });
  if (cur.diskstats && prev.diskstats) {
    const elapsed = elapsedSeconds(prev.diskstats.monoNs, monoNs);
    if (elapsed > 0) add(diskRates(prev.diskstats.reading, cur.diskstats, elapsed));
  }
  if (cur.netdev && prev.netdev) {
    const elapsed = elapsedSeconds(prev.netdev.monoNs, monoNs);
    if (elapsed > 0) add(netRates(prev.netdev.reading, cur.netdev, elapsed));
  }
  if (cur.loadavg) add({ values: loadValues(cur.loadavg) });
  return { values: canonical(values), devices: devices.map((d) => ({ ...d, values: canonical(d.values) })) };
}

/** Keeps the newest reading of each source that answered; failed sources keep their older one. */
function remember(prev: Previous, cur: Partial<CollectorReadings>, monoNs: bigint): void {
  for (const name of Object.keys(cur) as CollectorName[]) setTimed(prev, name, cur, monoNs);
}

function setTimed<K extends CollectorName>(prev: Previous, name: K, cur: Partial<CollectorReadings>, monoNs: bigint): void {
  const reading = cur[name];
  if (reading !== undefined) prev[name] = { reading, monoNs } as Previous[K];
}

/** Contract column order and rounding, so JSON lines read like the CSV. */
function canonical(values: MetricValues): MetricValues {
  const out: MetricValues = {};
  for (const column of METRIC_COLUMNS) {
    const value = values[column];
    if (value !== undefined && Number.isFinite(value)) out[column] = Math.round(value * ROUND) / ROUND;
  }
  return out;
}
