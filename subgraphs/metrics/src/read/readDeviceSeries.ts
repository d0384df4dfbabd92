import { METRIC_GROUPS, type DeviceKind, type MetricColumn } from '@perfanalysis/contract';
import type { TenantTables } from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { alignRange, bucketStep } from './bucketStep.js';
import { bucketTimestamps, metricSeriesFromRows, type BucketRow } from './metricSeriesFromRows.js';
import type { MetricSeries } from './series.type.js';

/** The aggregate columns a device of each kind carries (see the contract's `DeviceSample`). */
export const DEVICE_COLUMNS: Readonly<Record<DeviceKind, readonly MetricColumn[]>> = {
  cpu: METRIC_GROUPS.cpu,
  disk: METRIC_GROUPS.disk,
  net: METRIC_GROUPS.network,
};

/** One device's bucketed answer. */
export interface DeviceSeriesResult {
  readonly device: string;
  readonly timestamps: Date[];
  readonly metrics: MetricSeries[];
}

/**
 * Per-device values live only as raw rows (jsonb per device), so every device of the kind
 * is bucketed from raw rows of the range, read through the (collector_id, ts, kind, device)
 * primary key of the partitions the range touches.
 */
export function deviceSeriesSql(db: TenantTables, kind: DeviceKind): string {
  const aggregates = DEVICE_COLUMNS[kind].map((c) => {
    const value = `(metrics->>'${c}')::float8`;
    return `min(${value}), avg(${value}), max(${value})`;
  });
  return `SELECT device, floor((date_part('epoch', ts) - $5) / $4)::int AS b, ${aggregates.join(', ')}
    FROM ${db.table('metric_device_points')}
    WHERE collector_id = $1 AND ts >= $2 AND ts < $3 AND kind = $6
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Every device of one kind of one collector (cpu2 before cpu10), bucketed like `readSeries` but from raw rows only. */
export async function readDeviceSeries(
  pool: Pool,
  db: TenantTables,
  request: { collectorId: string; kind: DeviceKind; fromMs: number; toMs: number; buckets: number },
): Promise<DeviceSeriesResult[]> {
  const step = bucketStep(request.toMs - request.fromMs, request.buckets);
  const range = alignRange(request.fromMs, request.toMs, step);
  const { rows } = await pool.query<BucketRow>({
    text: deviceSeriesSql(db, request.kind),
    values: [request.collectorId, new Date(range.fromMs), new Date(range.toMs), step, range.fromMs / 1000, request.kind],
    rowMode: 'array',
  });
  const byDevice = new Map<string, BucketRow[]>();
  for (const row of rows) {
    const device = String(row[0]);
    const list = byDevice.get(device) ?? [];
    list.push(row);
    byDevice.set(device, list);
  }
  const timestamps = bucketTimestamps(range.fromMs, step, range.count);
  return [...byDevice]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([device, deviceRows]) => ({
      device,
      timestamps,
      metrics: metricSeriesFromRows(DEVICE_COLUMNS[request.kind], range.count, deviceRows, 1),
    }));
}
