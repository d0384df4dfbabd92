import type { MetricColumn } from '../columns.js';

/**
 * How a cell is read:
 * - `percent`: 0–100 (tiny float slop allowed and clamped);
 * - `gauge`: a non-negative level (memory, load, a rate already per second, and
 *   `disk_io_util`, which is only held to ≥ 0: the kernel's busy-time ratio can read a little
 *   over 100 % when the sampling interval jitters);
 * - `count`: a non-negative amount moved during the interval that ends at this row,
 *   turned into a per-second rate by dividing by that interval (see `parseMetricsCsv`);
 * - `rateOrCount`: `gauge` in a file that gives the group as rates, `count` in a file that
 *   gives the group as byte counts (docs/metrics.md, "Disk and network").
 */
export type CsvCellKind = 'percent' | 'gauge' | 'count' | 'rateOrCount';

/** One accepted header name: the contract column it fills, how to read it, and the unit factor. */
export interface CsvColumnDialect {
  readonly target: MetricColumn;
  readonly kind: CsvCellKind;
  /** Multiplies the cell into the contract unit (KB → MB is 1/1024; bytes → MB is 1/1,048,576). */
  readonly scale: number;
  /** For `count`/`rateOrCount`: the group whose byte-count columns switch the file to counts. */
  readonly group?: 'disk' | 'net';
}

const KB_TO_MB = 1 / 1024;
/** Binary megabytes, as the agent and the rest of the contract use: 1 MB = 1,048,576 bytes. */
const BYTES_TO_MB = 1 / 1_048_576;

const entries: Array<[string, CsvColumnDialect]> = [];
const add = (name: string, target: MetricColumn, kind: CsvCellKind, scale = 1, group?: 'disk' | 'net'): void => {
  entries.push([name, group ? { target, kind, scale, group } : { target, kind, scale }]);
};

for (const c of ['cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait', 'cpu_steal'] as const) add(c, c, 'percent');

// Memory and swap: `_mb`, unsuffixed (older agents, meaning MB) or `_kb` (straight from /proc/meminfo).
for (const m of ['total', 'used', 'free', 'available', 'cached', 'buffers'] as const) {
  const target = `mem_${m}_mb` as const;
  add(target, target, 'gauge');
  add(`mem_${m}`, target, 'gauge');
  add(`mem_${m}_kb`, target, 'gauge', KB_TO_MB);
}
for (const m of ['total', 'used'] as const) {
  const target = `swap_${m}_mb` as const;
  add(target, target, 'gauge');
  add(`swap_${m}`, target, 'gauge');
  add(`swap_${m}_kb`, target, 'gauge', KB_TO_MB);
}

for (const dir of ['read', 'write'] as const) {
  add(`disk_${dir}_mb`, `disk_${dir}_mb`, 'gauge');
  add(`disk_${dir}_bytes`, `disk_${dir}_mb`, 'count', BYTES_TO_MB, 'disk');
  add(`disk_${dir}_ops`, `disk_${dir}_ops`, 'rateOrCount', 1, 'disk');
}
add('disk_io_util', 'disk_io_util', 'gauge'); // a % but not a CPU share: see `gauge`

for (const dir of ['rx', 'tx'] as const) {
  add(`net_${dir}_mb`, `net_${dir}_mb`, 'gauge');
  add(`net_${dir}_bytes`, `net_${dir}_mb`, 'count', BYTES_TO_MB, 'net');
  add(`net_${dir}_packets`, `net_${dir}_packets`, 'rateOrCount', 1, 'net');
  add(`net_${dir}_errors`, `net_${dir}_errors`, 'rateOrCount', 1, 'net');
}

for (const c of ['load_1min', 'load_5min', 'load_15min'] as const) add(c, c, 'gauge');

/**
 * Every metric header name an upload may use (lower-case), across the agent generations of
 * docs/metrics.md. `timestamp` and `machine_id` are handled apart; any other name is ignored.
 */
export const CSV_COLUMN_DIALECTS: ReadonlyMap<string, CsvColumnDialect> = new Map(entries);
