/**
 * The metric columns of a point (docs/metrics.md), in the canonical CSV/export order.
 * Units: CPU columns are % of all CPUs (0–100); memory and swap MB; disk and net `_mb` MB/s;
 * `_ops` and `_packets` per second; disk_io_util %; errors per second; load averages as reported.
 */
export const METRIC_GROUPS = {
  cpu: ['cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait', 'cpu_steal'],
  memory: [
    'mem_total_mb',
    'mem_used_mb',
    'mem_free_mb',
    'mem_available_mb',
    'mem_cached_mb',
    'mem_buffers_mb',
    'swap_total_mb',
    'swap_used_mb',
  ],
  disk: ['disk_read_mb', 'disk_write_mb', 'disk_read_ops', 'disk_write_ops', 'disk_io_util'],
  network: ['net_rx_mb', 'net_tx_mb', 'net_rx_packets', 'net_tx_packets', 'net_rx_errors', 'net_tx_errors'],
  load: ['load_1min', 'load_5min', 'load_15min'],
} as const;

export type MetricGroup = keyof typeof METRIC_GROUPS;
export type MetricColumn = (typeof METRIC_GROUPS)[MetricGroup][number];

export const METRIC_GROUP_NAMES = Object.keys(METRIC_GROUPS) as MetricGroup[];
export const METRIC_COLUMNS: readonly MetricColumn[] = METRIC_GROUP_NAMES.flatMap((g) => METRIC_GROUPS[g]);

/** Columns every upload must carry. */
export const REQUIRED_CSV_COLUMNS = ['timestamp', 'cpu_user', 'cpu_system', 'cpu_idle'] as const;

export const METRIC_UNITS: Readonly<Record<MetricColumn, string>> = Object.fromEntries(METRIC_COLUMNS.map((c) => [c, unitOf(c)])) as Record<
  MetricColumn,
  string
>;

function unitOf(column: MetricColumn): string {
  if (column.startsWith('cpu_') || column === 'disk_io_util') return '%';
  if (column.startsWith('mem_') || column.startsWith('swap_')) return 'MB';
  if (column.endsWith('_mb')) return 'MB/s';
  if (column.endsWith('_ops')) return 'ops/s';
  if (column.endsWith('_packets') || column.endsWith('_errors')) return '/s';
  return '';
}

export function groupOf(column: MetricColumn): MetricGroup {
  return METRIC_GROUP_NAMES.find((g) => (METRIC_GROUPS[g] as readonly string[]).includes(column))!;
}

/** A column's GraphQL field name: `cpu_user` → `cpuUser`, `load_1min` → `load1min`. */
export function columnFieldName(column: MetricColumn): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
