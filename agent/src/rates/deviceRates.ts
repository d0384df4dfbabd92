import type { DeviceKind, DeviceSample, MetricColumn, MetricValues } from '@perfanalysis/contract';
import { counterRates, type CounterSpec } from './counterRates.js';

/** A per-device reading the rate code can match across samples. */
export interface DeviceReading {
  readonly device: string;
}

export interface DeviceRatesSpec<T extends DeviceReading> {
  readonly kind: DeviceKind;
  readonly counters: readonly CounterSpec<T>[];
  /** Same device across samples? Default: same name. Disks also compare major:minor. */
  readonly sameDevice?: (prev: T, cur: T) => boolean;
  /** Post-processing of one device's values (e.g. capping %util at 100). */
  readonly finish?: (values: MetricValues) => MetricValues;
  /** Columns aggregated by maximum rather than sum (a % does not add across devices). */
  readonly maxColumns?: readonly MetricColumn[];
}

export interface DeviceRates {
  /** Aggregate columns over the devices that produced them; absent when none did. */
  readonly values: MetricValues;
  readonly devices: DeviceSample[];
}

/**
 * Rates for every device present in both readings. A device new in `cur` (hot-added, renamed,
 * re-numbered) only primes: it has no previous reading, so it is left out of this sample. So
 * does a device whose counters reset (re-added under the same name): its rates restart next sample.
 */
export function deviceRates<T extends DeviceReading>(
  spec: DeviceRatesSpec<T>,
  prev: readonly T[],
  cur: readonly T[],
  elapsedS: number,
): DeviceRates {
  const before = new Map(prev.map((d) => [d.device, d]));
  const same = spec.sameDevice ?? (() => true);
  const finish = spec.finish ?? ((v: MetricValues) => v);
  const devices: DeviceSample[] = [];
  for (const reading of cur) {
    const old = before.get(reading.device);
    if (!old || !same(old, reading)) continue;
    const rates = counterRates(spec.counters, old, reading, elapsedS);
    if (rates.reset) continue;
    const values = finish(rates.values);
    if (Object.keys(values).length > 0) devices.push({ kind: spec.kind, device: reading.device, values });
  }
  return { values: aggregate(devices, spec.maxColumns ?? []), devices };
}

function aggregate(devices: readonly DeviceSample[], maxColumns: readonly MetricColumn[]): MetricValues {
  const total: MetricValues = {};
  for (const { values } of devices) {
    for (const [column, value] of Object.entries(values) as [MetricColumn, number][]) {
      const sofar = total[column];
      total[column] = sofar === undefined ? value : maxColumns.includes(column) ? Math.max(sofar, value) : sofar + value;
    }
  }
  return total;
}
