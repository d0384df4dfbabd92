/** Short labels of the metric columns (docs/metrics.md), by snake_case column or camelCase field. */
const LABELS: Record<string, string> = {
  cpu_user: 'User',
  cpu_system: 'System',
  cpu_idle: 'Idle',
  cpu_iowait: 'I/O wait',
  cpu_steal: 'Steal',
  mem_total_mb: 'Total',
  mem_used_mb: 'Used',
  mem_free_mb: 'Free',
  mem_available_mb: 'Available',
  mem_cached_mb: 'Cached',
  mem_buffers_mb: 'Buffers',
  swap_total_mb: 'Swap total',
  swap_used_mb: 'Swap used',
  disk_read_mb: 'Read',
  disk_write_mb: 'Write',
  disk_read_ops: 'Read ops',
  disk_write_ops: 'Write ops',
  disk_io_util: 'Utilisation',
  net_rx_mb: 'Received',
  net_tx_mb: 'Sent',
  net_rx_packets: 'Packets in',
  net_tx_packets: 'Packets out',
  net_rx_errors: 'Errors in',
  net_tx_errors: 'Errors out',
  load_1min: 'Load 1 min',
  load_5min: 'Load 5 min',
  load_15min: 'Load 15 min',
};

/** `cpuUser` → `cpu_user`, `load1min` → `load_1min`. */
export function toSnakeCase(name: string): string {
  return name.replace(/([a-z])([A-Z0-9])/g, '$1_$2').toLowerCase();
}

export function metricLabel(metric: string): string {
  const snake = toSnakeCase(metric);
  return LABELS[snake] ?? snake.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
