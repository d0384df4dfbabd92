import { METRIC_UNITS, type MetricColumn } from '@perfanalysis/contract';
import { MetricSeries } from './series.type.js';

/** A bucketed row as read with `rowMode: 'array'`: …, bucket index, then min/avg/max per column. */
export type BucketRow = unknown[];

/**
 * Null-filled series of `count` buckets from rows holding, from `indexAt` on, the bucket
 * index (0-based) and then min, avg, max of each column in order. Buckets without a row, and
 * columns without a value in a bucket, stay null.
 */
export function metricSeriesFromRows(
  columns: readonly MetricColumn[],
  count: number,
  rows: readonly BucketRow[],
  indexAt = 0,
): MetricSeries[] {
  const series = columns.map((column) =>
    Object.assign(new MetricSeries(), {
      metric: column,
      unit: METRIC_UNITS[column],
      min: new Array<number | null>(count).fill(null),
      avg: new Array<number | null>(count).fill(null),
      max: new Array<number | null>(count).fill(null),
    }),
  );
  for (const row of rows) {
    const bucket = Number(row[indexAt]);
    if (!(bucket >= 0 && bucket < count)) continue;
    series.forEach((s, i) => {
      const at = indexAt + 1 + i * 3;
      s.min[bucket] = numberOrNull(row[at]);
      s.avg[bucket] = numberOrNull(row[at + 1]);
      s.max[bucket] = numberOrNull(row[at + 2]);
    });
  }
  return series;
}

/** The start of each of `count` buckets of `stepSeconds` from `fromMs`. */
export function bucketTimestamps(fromMs: number, stepSeconds: number, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(fromMs + i * stepSeconds * 1000));
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}
