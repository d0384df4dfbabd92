import type { MetricColumn } from '@perfanalysis/contract';
import type { TenantTables } from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { statColumns } from '../storage/metricTables.js';
import { alignRange, bucketStep } from './bucketStep.js';
import { bucketTimestamps, metricSeriesFromRows, type BucketRow } from './metricSeriesFromRows.js';
import type { MetricSeries } from './series.type.js';
import { type SeriesSource, seriesSource, type SourceTable } from './seriesSource.js';

/** What `readSeries` is asked: one collector's columns over [fromMs, toMs) in about `buckets` buckets. */
export interface SeriesRequest {
  readonly collectorId: string;
  readonly columns: readonly MetricColumn[];
  readonly fromMs: number;
  readonly toMs: number;
  readonly buckets: number;
}

/** The bucketed answer: the aligned range, the width and source chosen, and one series per column. */
export interface SeriesResult {
  readonly fromMs: number;
  readonly toMs: number;
  readonly bucketSeconds: number;
  readonly source: SeriesSource;
  readonly timestamps: Date[];
  readonly metrics: MetricSeries[];
}

/**
 * One statement per series: the rows of one collector in [$2, $3) — a range scan of the
 * (collector_id, time) primary key of only the partitions the range touches — grouped into
 * buckets of $4 seconds counted from $5 (epoch seconds of the first bucket). A rollup source
 * reads the raw points past the rollup watermark beside the rollup rows (docs/ingest.md,
 * "Rollups"): rollups hold exactly the points before it, so the answer is complete.
 */
export function seriesSql(db: TenantTables, source: SourceTable, columns: readonly MetricColumn[]): string {
  const t = source.timeColumn;
  const bucket = `floor((date_part('epoch', ${t}) - $5) / $4)::int AS b`;
  const where = `collector_id = $1 AND ${t} >= $2 AND ${t} < $3`;
  if (source.table === 'metric_points')
    return `SELECT ${bucket}, ${columns.map((c) => `min(${c}), avg(${c}), max(${c})`).join(', ')}
    FROM ${db.table('metric_points')} WHERE ${where} GROUP BY 1 ORDER BY 1`;
  const stats = columns.flatMap((c) => statColumns(c));
  const tail = columns.map((c) => `${c}, ${c}, ${c}::float8, (${c} IS NOT NULL)::int`).join(', ');
  return `SELECT ${bucket}, ${columns.map((c) => `min(${c}_min), sum(${c}_sum) / nullif(sum(${c}_cnt), 0), max(${c}_max)`).join(', ')}
    FROM (SELECT ${t}, ${stats.join(', ')} FROM ${db.table(source.table)} WHERE ${where}
      UNION ALL
      SELECT ts, ${tail} FROM ${db.table('metric_points')}
       WHERE collector_id = $1 AND ts >= greatest($2, (SELECT until FROM ${db.table('metric_rollup_watermark')})) AND ts < $3
    ) AS rows GROUP BY 1 ORDER BY 1`;
}

/**
 * Buckets one collector's columns server-side. The bucket width is a nice step of at least
 * (to − from) / buckets; the range is widened to whole buckets, so rollup rows (whole minutes
 * or hours) fall entirely inside one bucket and raw and rollup answers agree exactly.
 */
export async function readSeries(pool: Pool, db: TenantTables, request: SeriesRequest): Promise<SeriesResult> {
  const bucketSeconds = bucketStep(request.toMs - request.fromMs, request.buckets);
  const range = alignRange(request.fromMs, request.toMs, bucketSeconds);
  const source = seriesSource(bucketSeconds);
  const { rows } = await pool.query<BucketRow>({
    text: seriesSql(db, source, request.columns),
    values: [request.collectorId, new Date(range.fromMs), new Date(range.toMs), bucketSeconds, range.fromMs / 1000],
    rowMode: 'array',
  });
  return {
    fromMs: range.fromMs,
    toMs: range.toMs,
    bucketSeconds,
    source: source.source,
    timestamps: bucketTimestamps(range.fromMs, bucketSeconds, range.count),
    metrics: metricSeriesFromRows(request.columns, range.count, rows),
  };
}
