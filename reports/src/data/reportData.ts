import type { DeviceKind, MetricColumn } from '@perfanalysis/contract';
import type { SeriesSummary } from '../stats/summarizeSeries.js';
import type { Capacities } from './capacities.js';

/** Column-wise values: one Float64Array per metric, aligned with `ReportData.time`, NaN where absent. */
export type ColumnSeries = Partial<Record<MetricColumn, Float64Array>>;

/** One device's series (a CPU, a disk, an interface), aligned with `ReportData.time`. */
export interface DeviceSeries {
  readonly kind: DeviceKind;
  readonly device: string;
  readonly values: ColumnSeries;
}

/** Series computed from the columns rather than read from them. */
export interface DerivedSeries {
  /**
   * CPU busy %: `100 − idle − iowait` when idle is known (iowait is idle time waiting on
   * I/O and has a rule of its own), else `user + system + steal`.
   */
  readonly cpu_busy?: Float64Array;
  /** `mem_available_mb / mem_total_mb × 100`: the headroom the memory rule looks at. */
  readonly mem_available_pct?: Float64Array;
  /** `mem_used_mb / mem_total_mb × 100`. */
  readonly mem_used_pct?: Float64Array;
}

/** Keys of every summarised series: the contract's columns and the derived ones. */
export type SummaryKey = MetricColumn | keyof DerivedSeries;

/**
 * A report's data in the shape the charts, statistics and rules want: sorted, column-wise
 * typed arrays instead of 86,400 objects, and the summaries computed once. Built by
 * `prepareReportData` (from points in memory) or `ReportDataBuilder` (streamed); every render
 * function takes it.
 */
export interface ReportData {
  readonly title: string;
  readonly machineId: string;
  readonly hostname: string | undefined;
  /** Window start and end, epoch ms (the x domain of every time chart). */
  readonly from: number;
  readonly to: number;
  /** Sample timestamps, epoch ms, ascending. */
  readonly time: Float64Array;
  readonly columns: ColumnSeries;
  readonly derived: DerivedSeries;
  /** Per-device series by kind, devices in natural order (cpu2 before cpu10). */
  readonly devices: Readonly<Record<DeviceKind, readonly DeviceSeries[]>>;
  /** Median gap between samples, ms (NaN with fewer than two samples). */
  readonly intervalMs: number;
  /** Gaps wider than this break lines: the collector was silent. */
  readonly maxGapMs: number;
  readonly capacities: Capacities;
  /** The capacities the caller set (a report profile, `--cpus`) rather than measured or assumed. */
  readonly capacitiesGiven: readonly (keyof Capacities)[];
  /** Summary of every column and derived series present. */
  readonly summaries: Readonly<Partial<Record<SummaryKey, SeriesSummary>>>;
}
