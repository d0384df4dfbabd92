import type { MetricValues } from '../point.js';

/**
 * Builds the values of one point from a slot array in METRIC_COLUMNS order (NaN = absent).
 *
 * Spelled out on purpose: named stores keep the object in V8's fast-properties mode with one
 * shared hidden class per set of columns, while a loop of keyed stores (`values[column] = x`)
 * turns objects of more than ~20 keys into hash maps — about 4× slower to build and to read,
 * for every consumer of every row. A test checks the order against METRIC_COLUMNS.
 */
export function metricValuesFrom(slots: Float64Array): MetricValues {
  const v: MetricValues = {};
  let x: number;
  x = slots[0]!;
  if (x === x) v.cpu_user = x;
  x = slots[1]!;
  if (x === x) v.cpu_system = x;
  x = slots[2]!;
  if (x === x) v.cpu_idle = x;
  x = slots[3]!;
  if (x === x) v.cpu_iowait = x;
  x = slots[4]!;
  if (x === x) v.cpu_steal = x;
  x = slots[5]!;
  if (x === x) v.mem_total_mb = x;
  x = slots[6]!;
  if (x === x) v.mem_used_mb = x;
  x = slots[7]!;
  if (x === x) v.mem_free_mb = x;
  x = slots[8]!;
  if (x === x) v.mem_available_mb = x;
  x = slots[9]!;
  if (x === x) v.mem_cached_mb = x;
  x = slots[10]!;
  if (x === x) v.mem_buffers_mb = x;
  x = slots[11]!;
  if (x === x) v.swap_total_mb = x;
  x = slots[12]!;
  if (x === x) v.swap_used_mb = x;
  x = slots[13]!;
  if (x === x) v.disk_read_mb = x;
  x = slots[14]!;
  if (x === x) v.disk_write_mb = x;
  x = slots[15]!;
  if (x === x) v.disk_read_ops = x;
  x = slots[16]!;
  if (x === x) v.disk_write_ops = x;
  x = slots[17]!;
  if (x === x) v.disk_io_util = x;
  x = slots[18]!;
  if (x === x) v.net_rx_mb = x;
  x = slots[19]!;
  if (x === x) v.net_tx_mb = x;
  x = slots[20]!;
  if (x === x) v.net_rx_packets = x;
  x = slots[21]!;
  if (x === x) v.net_tx_packets = x;
  x = slots[22]!;
  if (x === x) v.net_rx_errors = x;
  x = slots[23]!;
  if (x === x) v.net_tx_errors = x;
  x = slots[24]!;
  if (x === x) v.load_1min = x;
  x = slots[25]!;
  if (x === x) v.load_5min = x;
  x = slots[26]!;
  if (x === x) v.load_15min = x;
  return v;
}
