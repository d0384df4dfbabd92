import type { MetricColumn } from './columns.js';

/** Metric values of one point; a column absent from the source is absent here (not zero). */
export type MetricValues = Partial<Record<MetricColumn, number>>;

/** One sample of one machine at one instant (UTC). */
export interface MetricPoint {
  /** Milliseconds since the Unix epoch, UTC. */
  readonly timestamp: number;
  readonly values: MetricValues;
  /** Per-CPU, per-disk and per-interface breakdown, when the source has it. */
  readonly devices?: readonly DeviceSample[];
}

export type DeviceKind = 'cpu' | 'disk' | 'net';

/**
 * One device's values at the point's timestamp. Metric names inside follow the aggregate
 * columns: cpu → cpu_user/cpu_system/cpu_idle/cpu_iowait/cpu_steal; disk → disk_read_mb,
 * disk_write_mb, disk_read_ops, disk_write_ops, disk_io_util; net → net_rx_mb, net_tx_mb,
 * net_rx_packets, net_tx_packets, net_rx_errors, net_tx_errors.
 */
export interface DeviceSample {
  readonly kind: DeviceKind;
  /** e.g. `cpu0`, `sda`, `eth0`. */
  readonly device: string;
  readonly values: MetricValues;
}
