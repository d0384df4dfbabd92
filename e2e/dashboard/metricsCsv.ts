/** Test data for the dashboard: CSV files and trickled points with a recognisable shape. */

export const CSV_HEADER =
  'timestamp,cpu_user,cpu_system,cpu_idle,cpu_iowait,mem_total_mb,mem_used_mb,mem_cached_mb,disk_read_mb,disk_write_mb,net_rx_mb,net_tx_mb,load_1min';

/** `rows` points `stepMs` apart, ending a minute ago (no machine_id column: the form gives it). */
export function historyCsv(rows: number, stepMs = 60_000, endMs = Date.now() - 60_000): string {
  const lines = [CSV_HEADER];
  for (let i = 0; i < rows; i++) {
    const t = new Date(endMs - (rows - 1 - i) * stepMs).toISOString();
    const user = 10 + (i % 30);
    lines.push([t, user, 5, 85 - user, 1, 16_000, 6_000 + i * 10, 2_000, 1.5 + (i % 5), 0.5, 3 + (i % 7), 1.2, 0.8].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A live point `t` for the trickle mutation (CPU and memory filled). */
export function livePoint(t: Date, i: number) {
  return {
    timestamp: t.toISOString(),
    cpuUser: 20 + (i % 10),
    cpuSystem: 5,
    cpuIdle: 75 - (i % 10),
    cpuIowait: 0.5,
    cpuSteal: 0,
    memTotalMb: 16_000,
    memUsedMb: 8_000 + i,
    memCachedMb: 3_000,
    memBuffersMb: 200,
    swapUsedMb: 0,
  };
}
