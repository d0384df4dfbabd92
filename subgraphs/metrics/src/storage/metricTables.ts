import { METRIC_COLUMNS } from '@perfanalysis/contract';

/** Every monthly-partitioned table of a tenant schema and its time column. */
export const PARTITIONED_TABLES = [
  { table: 'metric_points', timeColumn: 'ts' },
  { table: 'metric_device_points', timeColumn: 'ts' },
  { table: 'metric_rollup_1m', timeColumn: 'bucket' },
  { table: 'metric_rollup_1h', timeColumn: 'bucket' },
] as const;

export const ROLLUPS = [
  { table: 'metric_rollup_1m', unit: 'minute', seconds: 60 },
  { table: 'metric_rollup_1h', unit: 'hour', seconds: 3_600 },
] as const;

export type Rollup = (typeof ROLLUPS)[number];

/** `collector_id, ts, cpu_user, …` in table order. */
export const POINT_COLUMNS = ['collector_id', 'ts', ...METRIC_COLUMNS] as const;

/** The rollup columns of one metric column. */
export function statColumns(column: string): string[] {
  return [`${column}_min`, `${column}_max`, `${column}_sum`, `${column}_cnt`];
}
