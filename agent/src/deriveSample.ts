import { METRIC_COLUMNS, type DeviceSample, type MetricPoint, type MetricValues } from '@perfanalysis/contract';
import { elapsedSeconds } from './clock.js';
import type { CollectorName, CollectorReadings } from './collectors/registry.js';
import { cpuRates } from './rates/cpuRates.js';
import { diskRates } from './rates/diskRates.js';
import { loadValues } from './rates/loadValues.js';
import { memoryValues } from './rates/memoryValues.js';
import { netRates } from './rates/netRates.js';
import { rebooted } from './rates/rebooted.js';

/** Why a sample produced no point. */
export type SkipReason = 'priming' | 'reboot' | 'cpu-unavailable';

export interface TimedReading<T> {
  readonly reading: T;
  /** Monotonic nanoseconds of the read (only differences matter). */
  readonly monoNs: bigint;
}

/** The newest reading of each source, the state rates are computed against. */
export type PreviousReadings = { readonly [K in CollectorName]?: TimedReading<CollectorReadings[K]> };

export interface DerivedSample {
  /** Absent on the first sample, after a reboot, and when CPU % could not be computed. */
  readonly point?: MetricPoint;
  readonly skipped?: SkipReason;
  /** The state for the next sample: these readings, and older ones of sources absent now. */
  readonly next: PreviousReadings;
}

/** Six decimals: µs-level float noise out, every real digit of MB/s and % in. */
const ROUND = 1e6;

/**
 * One sample's readings into a point, against the previous readings: the agent's sampler and
 * the server's pcc ingest share this, so rates, counter wraps and reboots are handled alike.
 * A source that failed once computes its next rate over the longer gap instead of none. A
 * point is emitted only with CPU % (the upload format requires cpu_user/system/idle).
 */
export function deriveSample(
  previous: PreviousReadings,
  readings: Partial<CollectorReadings>,
  monoNs: bigint,
  timestamp: number,
): DerivedSample {
  const reboot = readings.stat !== undefined && previous.stat !== undefined && rebooted(previous.stat.reading, readings.stat);
  const prev = reboot ? {} : previous;
  const { values, devices } = derive(prev, readings, monoNs);
  const next = remember(prev, readings, monoNs);
  if (values.cpu_user === undefined) {
    return { next, skipped: reboot ? 'reboot' : prev.stat !== undefined ? 'cpu-unavailable' : 'priming' };
  }
  const point: MetricPoint = devices.length > 0 ? { timestamp, values, devices } : { timestamp, values };
  return { point, next };
}

function derive(
  prev: PreviousReadings,
  cur: Partial<CollectorReadings>,
  monoNs: bigint,
): { values: MetricValues; devices: DeviceSample[] } {
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

/** The newest reading of each source that answered; failed sources keep their older one. */
function remember(prev: PreviousReadings, cur: Partial<CollectorReadings>, monoNs: bigint): PreviousReadings {
  const next: { -readonly [K in CollectorName]?: TimedReading<CollectorReadings[K]> } = { ...prev };
  for (const name of Object.keys(cur) as CollectorName[]) setTimed(next, name, cur, monoNs);
  return next;
}

function setTimed<K extends CollectorName>(
  next: { -readonly [N in CollectorName]?: TimedReading<CollectorReadings[N]> },
  name: K,
  cur: Partial<CollectorReadings>,
  monoNs: bigint,
): void {
  const reading = cur[name];
  if (reading !== undefined) next[name] = { reading, monoNs } as (typeof next)[K];
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
