import type { DeviceKind, DeviceSample, MetricColumn, MetricPoint } from '@perfanalysis/contract';
import { toEpochMs, type ReportInput, type TimeInput } from '../reportInput.js';
import { percentiles } from '../stats/percentiles.js';
import { summarizeSeries, type SeriesSummary } from '../stats/summarizeSeries.js';
import { DEFAULT_DISK_THROUGHPUT_MB_PER_SEC, DEFAULT_NETWORK_THROUGHPUT_MB_PER_SEC, type Capacities } from './capacities.js';
import {
  AGGREGATE_COLUMN_ORDER,
  CPU_COLUMN_ORDER,
  DISK_COLUMN_ORDER,
  NET_COLUMN_ORDER,
  readAggregateColumns,
  readCpuColumns,
  readDiskColumns,
  readNetColumns,
  type ColumnArrays,
} from './readColumns.js';
import type { ColumnSeries, DerivedSeries, DeviceSeries, ReportData, SummaryKey } from './reportData.js';
import { DERIVED_SERIES_COLUMNS, pickColumns } from './seriesColumns.js';
import { isFiniteNumber, isNaNumber, max, NAN } from '../builtins.js';

/** Everything of a {@link ReportInput} but the points: what `finish` needs besides the samples. */
export type ReportMeta = Omit<ReportInput, 'points'>;

/** The columns a device sample of each kind carries (see `DeviceSample`), and their reader. */
const DEVICE_COLUMNS: Readonly<Record<DeviceKind, readonly MetricColumn[]>> = {
  cpu: CPU_COLUMN_ORDER,
  disk: DISK_COLUMN_ORDER,
  net: NET_COLUMN_ORDER,
};
const DEVICE_READERS = { cpu: readCpuColumns, disk: readDiskColumns, net: readNetColumns } as const;

/** What {@link ReportDataBuilder.toState} hands to another thread: structured-clone friendly. */
export interface ReportBuilderState {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly sorted: boolean;
  readonly time: Float64Array;
  readonly columns: ColumnArrays;
  readonly devices: Record<DeviceKind, [string, ColumnArrays][]>;
}

/** A gap wider than this many typical intervals is treated as missing data. */
const GAP_FACTOR = 2.5;

type Columns = ColumnArrays;

/**
 * Builds {@link ReportData} one point at a time, straight into growable typed arrays. The
 * caller never has to hold the points: a day at one second is 86,400 `MetricPoint` objects
 * and about 200 MB of heap with their device samples, and every major GC then walks all of
 * it — the CLI streams CSV rows through a builder instead and keeps ~50 MB of arrays.
 */
export class ReportDataBuilder {
  private readonly from: number;
  private readonly to: number;
  private capacity: number;
  private n = 0;
  private time: Float64Array;
  private readonly columns: Columns = new Array(AGGREGATE_COLUMN_ORDER.length);
  private devices: Record<DeviceKind, Map<string, Columns>> = { cpu: new Map(), disk: new Map(), net: new Map() };
  private sorted = true;

  /**
   * @param window points outside [from, to] (inclusive) are skipped by {@link add}
   * @param initialCapacity expected number of points; arrays double when it is exceeded
   */
  constructor(window: { readonly from?: TimeInput; readonly to?: TimeInput } = {}, initialCapacity = 4096) {
    this.from = window.from === undefined ? -Infinity : toEpochMs(window.from);
    this.to = window.to === undefined ? Infinity : toEpochMs(window.to);
    if (isNaNumber(this.from) || isNaNumber(this.to)) throw new RangeError('from/to must be valid instants');
    this.capacity = max(16, initialCapacity);
    this.time = new Float64Array(this.capacity);
  }

  /** Points added so far (inside the window). */
  get count(): number {
    return this.n;
  }

  /** Adds one point; returns false (and keeps nothing) when it lies outside the window. */
  add(point: MetricPoint): boolean {
    const t = point.timestamp;
    if (!(t >= this.from && t <= this.to)) return false;
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    if (i > 0 && t < this.time[i - 1]!) this.sorted = false;
    this.time[i] = t;
    readAggregateColumns(point.values, i, this.columns, this.alloc);
    if (point.devices) this.addDevices(i, point.devices);
    return true;
  }

  /**
   * Adds one point given as its aggregate values in {@link AGGREGATE_COLUMN_ORDER}, NaN where
   * absent: no object per point, for readers that decode rows themselves (the reports service
   * reads binary COPY into one reused array, docs/report-contents.md). Returns false (and keeps
   * nothing) when it lies outside the window.
   */
  addRow(timestamp: number, values: ArrayLike<number>): boolean {
    if (!(timestamp >= this.from && timestamp <= this.to)) return false;
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    if (i > 0 && timestamp < this.time[i - 1]!) this.sorted = false;
    this.time[i] = timestamp;
    for (let c = 0; c < AGGREGATE_COLUMN_ORDER.length; c++) {
      const x = values[c]!;
      if (!isNaNumber(x)) (this.columns[c] ??= this.alloc())[i] = x;
    }
    return true;
  }

  /**
   * Attaches device samples to the point already added at `timestamp` (points added in time
   * order); false when there is no such point. For readers that fetch devices apart from points.
   */
  addDeviceSamples(timestamp: number, samples: readonly DeviceSample[]): boolean {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.time[mid]!;
      if (t === timestamp) {
        this.addDevices(mid, samples);
        return true;
      }
      if (t < timestamp) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private addDevices(i: number, samples: readonly DeviceSample[]): void {
    for (const sample of samples) {
      const byDevice = this.devices[sample.kind];
      if (!byDevice) continue;
      let series = byDevice.get(sample.device);
      if (!series) byDevice.set(sample.device, (series = []));
      DEVICE_READERS[sample.kind](sample.values, i, series, this.alloc);
    }
  }

  /**
   * Sorts by time if points came out of order, derives CPU busy and memory headroom,
   * resolves the capacities and summarises every series. The builder is spent afterwards.
   */
  finish(meta: ReportMeta): ReportData {
    const n = this.n;
    let order: Uint32Array | undefined;
    if (!this.sorted) {
      const time = this.time;
      order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
    }
    const trim = (array: Float64Array): Float64Array => {
      if (!order) return array.subarray(0, n);
      const out = new Float64Array(n);
      for (let k = 0; k < n; k++) out[k] = array[order[k]!]!;
      return out;
    };
    const time = trim(this.time);
    const columns = toColumnSeries(AGGREGATE_COLUMN_ORDER, this.columns, trim);
    const devices = {
      cpu: this.deviceSeries('cpu', trim),
      disk: this.deviceSeries('disk', trim),
      net: this.deviceSeries('net', trim),
    };
    const derived = deriveSeries(columns, n);
    const summaries: Partial<Record<SummaryKey, SeriesSummary>> = {};
    for (const [key, values] of Object.entries({ ...columns, ...derived })) {
      if (values) summaries[key as SummaryKey] = summarizeSeries(values);
    }
    const intervalMs = medianGap(time);
    const from = finiteOr(meta.from === undefined ? NaN : toEpochMs(meta.from), time[0] ?? 0);
    const to = finiteOr(meta.to === undefined ? NaN : toEpochMs(meta.to), time[n - 1] ?? from);
    return {
      title: meta.title ?? `Performance report — ${meta.hostname ?? meta.machineId}`,
      machineId: meta.machineId,
      hostname: meta.hostname,
      from,
      to: to > from ? to : from + 1,
      time,
      columns,
      derived,
      devices,
      intervalMs,
      maxGapMs: isFiniteNumber(intervalMs) ? intervalMs * GAP_FACTOR : Infinity,
      capacities: resolveCapacities(meta, summaries, devices.cpu.length),
      capacitiesGiven: capacitiesGiven(meta),
      summaries,
    };
  }

  /**
   * The builder's arrays and state as plain data for `postMessage` to another thread, with the
   * buffers to transfer (no copy): the reports service builds on its event loop and finishes
   * and renders in a worker (docs/report-contents.md). The builder is spent afterwards.
   */
  toState(): { state: ReportBuilderState; transfer: ArrayBuffer[] } {
    const devices = {} as ReportBuilderState['devices'];
    for (const kind of Object.keys(this.devices) as DeviceKind[]) devices[kind] = [...this.devices[kind]];
    const state: ReportBuilderState = {
      from: this.from,
      to: this.to,
      n: this.n,
      sorted: this.sorted,
      time: this.time,
      columns: this.columns,
      devices,
    };
    const arrays = [this.time, ...this.columns, ...Object.values(devices).flatMap((entries) => entries.flatMap(([, columns]) => columns))];
    return { state, transfer: arrays.flatMap((array) => (array ? [array.buffer as ArrayBuffer] : [])) };
  }

  /** A builder holding what {@link toState} gave, on the receiving thread. */
  static fromState(state: ReportBuilderState): ReportDataBuilder {
    const builder = new ReportDataBuilder({ from: state.from, to: state.to }, state.time.length);
    builder.time = state.time;
    builder.n = state.n;
    builder.sorted = state.sorted;
    state.columns.forEach((array, c) => (builder.columns[c] = array));
    for (const kind of Object.keys(state.devices) as DeviceKind[]) builder.devices[kind] = new Map(state.devices[kind]);
    return builder;
  }

  /** A column's array, NaN until its values arrive (a column may start mid-file). */
  private readonly alloc = (): Float64Array => new Float64Array(this.capacity).fill(Number.NaN);

  private grow(): void {
    const capacity = this.capacity * 2;
    const grow = (array: Float64Array, fill: number): Float64Array => {
      const bigger = new Float64Array(capacity);
      bigger.set(array);
      if (fill !== 0) bigger.fill(fill, array.length);
      return bigger;
    };
    this.time = grow(this.time, 0);
    const growAll = (columns: Columns): void => {
      for (let c = 0; c < columns.length; c++) {
        const array = columns[c];
        if (array) columns[c] = grow(array, Number.NaN);
      }
    };
    growAll(this.columns);
    for (const byDevice of Object.values(this.devices)) for (const columns of byDevice.values()) growAll(columns);
    this.capacity = capacity;
  }

  private deviceSeries(kind: DeviceKind, trim: (array: Float64Array) => Float64Array): DeviceSeries[] {
    const byDevice = this.devices[kind];
    return [...byDevice.keys()]
      .sort(naturalCompare)
      .map((device) => ({ kind, device, values: toColumnSeries(DEVICE_COLUMNS[kind], byDevice.get(device)!, trim) }));
  }
}

function toColumnSeries(names: readonly MetricColumn[], arrays: Columns, trim: (array: Float64Array) => Float64Array): ColumnSeries {
  const out: ColumnSeries = {};
  names.forEach((name, c) => {
    const array = arrays[c];
    if (array) out[name] = trim(array);
  });
  return out;
}

/** cpu2 before cpu10, sda before sdb. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Each derived series from only its {@link DERIVED_SERIES_COLUMNS}. */
function deriveSeries(columns: ColumnSeries, n: number): DerivedSeries {
  const derived: { -readonly [K in keyof DerivedSeries]: DerivedSeries[K] } = {};
  const inputs = (key: keyof DerivedSeries): ColumnSeries => pickColumns(columns, DERIVED_SERIES_COLUMNS[key]);
  const busy = cpuBusy(inputs('cpu_busy'), n);
  if (busy) derived.cpu_busy = busy;
  const { mem_total_mb: total, mem_available_mb: available } = inputs('mem_available_pct');
  if (total && available) derived.mem_available_pct = ratioPct(available, total);
  const { mem_total_mb: whole, mem_used_mb: used } = inputs('mem_used_pct');
  if (whole && used) derived.mem_used_pct = ratioPct(used, whole);
  return derived;
}

/** See `DerivedSeries.cpu_busy`; exported for the per-core heatmap. */
export function cpuBusy(values: ColumnSeries, n: number): Float64Array | undefined {
  if (!values.cpu_idle && !values.cpu_user && !values.cpu_system) return undefined;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = cpuBusyAt(values, i);
  return out;
}

/** CPU busy % of one sample: `100 − idle − iowait`, else `user + system + steal`, else NaN. */
export function cpuBusyAt(values: ColumnSeries, i: number): number {
  const idle = values.cpu_idle?.[i] ?? NAN;
  if (isFiniteNumber(idle)) {
    const wait = values.cpu_iowait?.[i] ?? NAN;
    return max(0, 100 - idle - (isFiniteNumber(wait) ? wait : 0));
  }
  let sum = NAN;
  const { cpu_user: user, cpu_system: system, cpu_steal: steal } = values;
  if (user && isFiniteNumber(user[i]!)) sum = user[i]!;
  if (system && isFiniteNumber(system[i]!)) sum = isNaNumber(sum) ? system[i]! : sum + system[i]!;
  if (steal && isFiniteNumber(steal[i]!)) sum = isNaNumber(sum) ? steal[i]! : sum + steal[i]!;
  return sum;
}

function ratioPct(part: Float64Array, whole: Float64Array): Float64Array {
  const out = new Float64Array(part.length);
  for (let i = 0; i < part.length; i++) {
    const w = whole[i]!;
    out[i] = w > 0 ? (part[i]! / w) * 100 : NAN;
  }
  return out;
}

function medianGap(time: Float64Array): number {
  if (time.length < 2) return NaN;
  const gaps = new Float64Array(time.length - 1);
  for (let i = 1; i < time.length; i++) gaps[i - 1] = time[i]! - time[i - 1]!;
  return percentiles(gaps, [50])[0]!;
}

function resolveCapacities(meta: ReportMeta, summaries: Partial<Record<SummaryKey, SeriesSummary>>, cpuDevices: number): Capacities {
  const given = meta.capacities ?? {};
  const positive = (v: number | undefined): number | undefined => (v !== undefined && v > 0 ? v : undefined);
  return {
    cpuCount: positive(given.cpuCount) ?? positive(cpuDevices),
    memoryMb: positive(given.memoryMb) ?? positive(summaries.mem_total_mb?.max),
    swapMb: positive(given.swapMb) ?? positive(summaries.swap_total_mb?.max),
    diskThroughputMbPerSec: positive(given.diskThroughputMbPerSec) ?? DEFAULT_DISK_THROUGHPUT_MB_PER_SEC,
    networkThroughputMbPerSec: positive(given.networkThroughputMbPerSec) ?? DEFAULT_NETWORK_THROUGHPUT_MB_PER_SEC,
  };
}

function capacitiesGiven(meta: ReportMeta): (keyof Capacities)[] {
  return Object.entries(meta.capacities ?? {})
    .filter(([, v]) => typeof v === 'number' && v > 0)
    .map(([key]) => key as keyof Capacities);
}

function finiteOr(value: number, fallback: number): number {
  return isFiniteNumber(value) ? value : fallback;
}
