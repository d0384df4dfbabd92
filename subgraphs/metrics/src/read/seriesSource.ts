import { registerEnumType } from 'type-graphql';

/** Which table a series was bucketed from. */
export enum SeriesSource {
  RAW = 'RAW',
  MINUTE = 'MINUTE',
  HOUR = 'HOUR',
}
registerEnumType(SeriesSource, {
  name: 'SeriesSource',
  description: 'RAW points (buckets under a minute), MINUTE rollups (whole minutes) or HOUR rollups (whole hours).',
});

/** One source table: its name, its time column and, for rollups, its width in seconds. */
export interface SourceTable {
  readonly source: SeriesSource;
  readonly table: 'metric_points' | 'metric_rollup_1m' | 'metric_rollup_1h';
  readonly timeColumn: 'ts' | 'bucket';
  readonly seconds: number;
}

const SOURCES: readonly SourceTable[] = [
  { source: SeriesSource.HOUR, table: 'metric_rollup_1h', timeColumn: 'bucket', seconds: 3_600 },
  { source: SeriesSource.MINUTE, table: 'metric_rollup_1m', timeColumn: 'bucket', seconds: 60 },
  { source: SeriesSource.RAW, table: 'metric_points', timeColumn: 'ts', seconds: 1 },
];

/**
 * The coarsest table whose rows fit whole into buckets of `stepSeconds`: hour rollups for
 * buckets of whole hours, minute rollups for whole minutes, raw points below a minute. A
 * week in 1,000 buckets (15 min) reads 10,080 minute rows instead of 604,800 points.
 */
export function seriesSource(stepSeconds: number): SourceTable {
  return SOURCES.find((s) => stepSeconds % s.seconds === 0)!;
}
