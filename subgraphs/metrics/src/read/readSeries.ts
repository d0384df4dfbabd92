import type { MetricColumn } from '@perfanalysis/contract';
import type { TenantTables } from '@perfanalysis/platform';
import type { Pool } from 'pg';
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

/** min, avg, max of a column: from raw values, or merged from rollup rows (avg = Σsum / Σcnt). */
function aggregates(source: SourceTable, column: MetricColumn): string {
  if (source.table === 'metric_points') return `min(${column}), avg(${column}), max(${column})`;
  return `min(${column}_min), sum(${column}_sum) / nullif(sum(${column}_cnt), 0), max(${column}_max)`;
}

/**
 * One statement per series: the rows of one collector in [$2, $3) — a range scan of the
 * (collector_id, time) primary key of only the partitions the range touches — grouped into
 * buckets of $4 seconds counted from $5 (epoch seconds of the first bucket).
 */
export function seriesSql(db: TenantTables, source: SourceTable, columns: readonly MetricColumn[]): string {
  const t = source.timeColumn;
  return `SELECT floor((date_part('epoch', ${t}) - $5) / $4)::int AS b, ${columns.map((c) => aggregates(source, c)).join(', ')}
    FROM ${db.table(source.table)}
    WHERE collector_id = $1 AND ${t} >= $2 AND ${t} < $3
    GROUP BY 1 ORDER BY 1`;
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
