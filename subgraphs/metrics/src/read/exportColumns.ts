import { type MetricColumn, METRIC_COLUMNS } from '@perfanalysis/contract';

/**
 * How disk and network are written: `rates` as stored (MB/s, per second), or `bytes` as pcd
 * wrote them: the bytes (and operations, packets, errors) moved during the interval that ends
 * at each row, under pcd's `*_bytes` names (docs/export.md).
 */
export type ExportUnits = 'rates' | 'bytes';
export const EXPORT_UNITS: readonly ExportUnits[] = ['rates', 'bytes'];

/** One exported column: its header name and the SQL that computes it from a metric_points row. */
export interface ExportColumn {
  readonly name: string;
  readonly sql: string;
}

const MB = 1_048_576;

/** Rate columns written as counts in `bytes` units, with the count's name and the factor from the stored unit. */
const AS_COUNT: Partial<Record<MetricColumn, { readonly name: string; readonly perUnit: number }>> = {
  disk_read_mb: { name: 'disk_read_bytes', perUnit: MB },
  disk_write_mb: { name: 'disk_write_bytes', perUnit: MB },
  disk_read_ops: { name: 'disk_read_ops', perUnit: 1 },
  disk_write_ops: { name: 'disk_write_ops', perUnit: 1 },
  net_rx_mb: { name: 'net_rx_bytes', perUnit: MB },
  net_tx_mb: { name: 'net_tx_bytes', perUnit: MB },
  net_rx_packets: { name: 'net_rx_packets', perUnit: 1 },
  net_tx_packets: { name: 'net_tx_packets', perUnit: 1 },
  net_rx_errors: { name: 'net_rx_errors', perUnit: 1 },
  net_tx_errors: { name: 'net_tx_errors', perUnit: 1 },
};

/**
 * The interval (s) a row's counts cover: back to the previous exported row; the first row
 * takes the gap to the next one, as an upload reads a file's first row with the typical gap.
 * A lone row has none, and its counts are empty.
 */
const INTERVAL_S = `coalesce(extract(epoch FROM ts - lag(ts) OVER w), extract(epoch FROM lead(ts) OVER w - ts))::float8`;

/** The window `INTERVAL_S` reads, to append to the SELECT when `bytes` units are asked. */
export function exportWindow(units: ExportUnits): string {
  return units === 'bytes' ? 'WINDOW w AS (ORDER BY ts)' : '';
}

/** The metric columns of an export in contract order; counts rounded to whole units as pcd wrote them. */
export function exportColumns(units: ExportUnits): ExportColumn[] {
  return METRIC_COLUMNS.map((column) => {
    const count = units === 'bytes' ? AS_COUNT[column] : undefined;
    return count ? { name: count.name, sql: `round(${column} * ${count.perUnit} * ${INTERVAL_S})` } : { name: column, sql: column };
  });
}
