import { METRIC_COLUMNS } from '@perfanalysis/contract';
import type { MigrationFile } from '@perfanalysis/platform';

/** min, max, sum and count of non-null values per column: enough for min/avg/max of any merge. */
const statColumns = METRIC_COLUMNS.map((c) => `  ${c}_min real, ${c}_max real, ${c}_sum double precision, ${c}_cnt integer`).join(',\n');

function rollupTable(schema: string, name: string): string {
  return `
CREATE TABLE ${schema}.${name} (
  collector_id uuid NOT NULL,
  bucket timestamptz NOT NULL,
  n integer NOT NULL,
${statColumns},
  PRIMARY KEY (collector_id, bucket)
) PARTITION BY RANGE (bucket);`;
}

/**
 * Per-minute and per-hour rollups kept up to date at ingest, so long ranges are bucketed
 * from 10,080 (a week of minutes) or 168 rows instead of 604,800 raw points.
 */
export const migration: MigrationFile = {
  supersedes: '0002_rollups',
  sql: (s) => `${rollupTable(s, 'metric_rollup_1m')}\n${rollupTable(s, 'metric_rollup_1h')}`,
};
