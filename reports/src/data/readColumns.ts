import type { MetricValues } from '@perfanalysis/contract';

/** Column arrays by position in the kind's column list; allocated on a column's first value. */
export type ColumnArrays = Array<Float64Array | undefined>;

/*
 * Why spelled out column by column: a loop over the column names (`v[name]`) is a
 * megamorphic keyed load that boxes every double it reads — about 95 MB of garbage and
 * 0.4 s for a day at one second with devices. Named loads of one object shape are
 * monomorphic and store straight into the typed arrays. The order of each reader is the
 * order of its list below, which a unit test checks against the contract's METRIC_GROUPS.
 */

/** Order of {@link readAggregateColumns}: the contract's METRIC_COLUMNS. */
export const AGGREGATE_COLUMN_ORDER = [
  'cpu_user',
  'cpu_system',
  'cpu_idle',
  'cpu_iowait',
  'cpu_steal',
  'mem_total_mb',
  'mem_used_mb',
  'mem_free_mb',
  'mem_available_mb',
  'mem_cached_mb',
  'mem_buffers_mb',
  'swap_total_mb',
  'swap_used_mb',
  'disk_read_mb',
  'disk_write_mb',
  'disk_read_ops',
  'disk_write_ops',
  'disk_io_util',
  'net_rx_mb',
  'net_tx_mb',
  'net_rx_packets',
  'net_tx_packets',
  'net_rx_errors',
  'net_tx_errors',
  'load_1min',
  'load_5min',
  'load_15min',
] as const;
/** Order of {@link readCpuColumns}. */
export const CPU_COLUMN_ORDER = ['cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait', 'cpu_steal'] as const;
/** Order of {@link readDiskColumns}. */
export const DISK_COLUMN_ORDER = ['disk_read_mb', 'disk_write_mb', 'disk_read_ops', 'disk_write_ops', 'disk_io_util'] as const;
/** Order of {@link readNetColumns}. */
export const NET_COLUMN_ORDER = ['net_rx_mb', 'net_tx_mb', 'net_rx_packets', 'net_tx_packets', 'net_rx_errors', 'net_tx_errors'] as const;

/** Writes the aggregate values of one point into row `i` of `out`. */
export function readAggregateColumns(v: MetricValues, i: number, out: ColumnArrays, alloc: () => Float64Array): void {
  let x: number | undefined;
  x = v.cpu_user;
  if (x !== undefined) (out[0] ??= alloc())[i] = x;
  x = v.cpu_system;
  if (x !== undefined) (out[1] ??= alloc())[i] = x;
  x = v.cpu_idle;
  if (x !== undefined) (out[2] ??= alloc())[i] = x;
  x = v.cpu_iowait;
  if (x !== undefined) (out[3] ??= alloc())[i] = x;
  x = v.cpu_steal;
  if (x !== undefined) (out[4] ??= alloc())[i] = x;
  x = v.mem_total_mb;
  if (x !== undefined) (out[5] ??= alloc())[i] = x;
  x = v.mem_used_mb;
  if (x !== undefined) (out[6] ??= alloc())[i] = x;
  x = v.mem_free_mb;
  if (x !== undefined) (out[7] ??= alloc())[i] = x;
  x = v.mem_available_mb;
  if (x !== undefined) (out[8] ??= alloc())[i] = x;
  x = v.mem_cached_mb;
  if (x !== undefined) (out[9] ??= alloc())[i] = x;
  x = v.mem_buffers_mb;
  if (x !== undefined) (out[10] ??= alloc())[i] = x;
  x = v.swap_total_mb;
  if (x !== undefined) (out[11] ??= alloc())[i] = x;
  x = v.swap_used_mb;
  if (x !== undefined) (out[12] ??= alloc())[i] = x;
  x = v.disk_read_mb;
  if (x !== undefined) (out[13] ??= alloc())[i] = x;
  x = v.disk_write_mb;
  if (x !== undefined) (out[14] ??= alloc())[i] = x;
  x = v.disk_read_ops;
  if (x !== undefined) (out[15] ??= alloc())[i] = x;
  x = v.disk_write_ops;
  if (x !== undefined) (out[16] ??= alloc())[i] = x;
  x = v.disk_io_util;
  if (x !== undefined) (out[17] ??= alloc())[i] = x;
  x = v.net_rx_mb;
  if (x !== undefined) (out[18] ??= alloc())[i] = x;
  x = v.net_tx_mb;
  if (x !== undefined) (out[19] ??= alloc())[i] = x;
  x = v.net_rx_packets;
  if (x !== undefined) (out[20] ??= alloc())[i] = x;
  x = v.net_tx_packets;
  if (x !== undefined) (out[21] ??= alloc())[i] = x;
  x = v.net_rx_errors;
  if (x !== undefined) (out[22] ??= alloc())[i] = x;
  x = v.net_tx_errors;
  if (x !== undefined) (out[23] ??= alloc())[i] = x;
  x = v.load_1min;
  if (x !== undefined) (out[24] ??= alloc())[i] = x;
  x = v.load_5min;
  if (x !== undefined) (out[25] ??= alloc())[i] = x;
  x = v.load_15min;
  if (x !== undefined) (out[26] ??= alloc())[i] = x;
}

/** Writes the values of one CPU sample into row `i` of `out`. */
export function readCpuColumns(v: MetricValues, i: number, out: ColumnArrays, alloc: () => Float64Array): void {
  let x: number | undefined;
  x = v.cpu_user;
  if (x !== undefined) (out[0] ??= alloc())[i] = x;
  x = v.cpu_system;
  if (x !== undefined) (out[1] ??= alloc())[i] = x;
  x = v.cpu_idle;
  if (x !== undefined) (out[2] ??= alloc())[i] = x;
  x = v.cpu_iowait;
  if (x !== undefined) (out[3] ??= alloc())[i] = x;
  x = v.cpu_steal;
  if (x !== undefined) (out[4] ??= alloc())[i] = x;
}

/** Writes the values of one disk sample into row `i` of `out`. */
export function readDiskColumns(v: MetricValues, i: number, out: ColumnArrays, alloc: () => Float64Array): void {
  let x: number | undefined;
  x = v.disk_read_mb;
  if (x !== undefined) (out[0] ??= alloc())[i] = x;
  x = v.disk_write_mb;
  if (x !== undefined) (out[1] ??= alloc())[i] = x;
  x = v.disk_read_ops;
  if (x !== undefined) (out[2] ??= alloc())[i] = x;
  x = v.disk_write_ops;
  if (x !== undefined) (out[3] ??= alloc())[i] = x;
  x = v.disk_io_util;
  if (x !== undefined) (out[4] ??= alloc())[i] = x;
}

/** Writes the values of one interface sample into row `i` of `out`. */
export function readNetColumns(v: MetricValues, i: number, out: ColumnArrays, alloc: () => Float64Array): void {
  let x: number | undefined;
  x = v.net_rx_mb;
  if (x !== undefined) (out[0] ??= alloc())[i] = x;
  x = v.net_tx_mb;
  if (x !== undefined) (out[1] ??= alloc())[i] = x;
  x = v.net_rx_packets;
  if (x !== undefined) (out[2] ??= alloc())[i] = x;
  x = v.net_tx_packets;
  if (x !== undefined) (out[3] ??= alloc())[i] = x;
  x = v.net_rx_errors;
  if (x !== undefined) (out[4] ??= alloc())[i] = x;
  x = v.net_tx_errors;
  if (x !== undefined) (out[5] ??= alloc())[i] = x;
}
