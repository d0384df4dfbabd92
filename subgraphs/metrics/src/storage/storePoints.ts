import { type DeviceSample, METRIC_COLUMNS, type MetricPoint } from '@perfanalysis/contract';
import { quoteSchema } from '@perfanalysis/platform';
import type { ClientBase, Pool } from 'pg';
import { insertPointsSql } from './insertPoints.js';
import { ensurePartitions } from './partitions.js';

const casts = METRIC_COLUMNS.map((_, i) => `$${i + 3}::real[]`).join(', ');
const names = METRIC_COLUMNS.map((_, i) => `c${i}`).join(', ');
const UNNEST_SOURCE = `SELECT c, t, ${names} FROM unnest($1::uuid[], $2::timestamptz[], ${casts}) AS u(c, t, ${names})`;

/** One collector's points, as one request sent them. */
export interface PointBatch {
  readonly collectorId: string;
  readonly points: readonly MetricPoint[];
}

interface DeviceRows {
  readonly collectors: string[];
  readonly ts: Date[];
  readonly kinds: string[];
  readonly devices: string[];
  readonly metrics: string[];
}

function deviceRows(batches: readonly PointBatch[]): DeviceRows {
  const rows: DeviceRows = { collectors: [], ts: [], kinds: [], devices: [], metrics: [] };
  for (const { collectorId, points } of batches) {
    for (const point of points) {
      for (const sample of point.devices ?? ([] as DeviceSample[])) {
        rows.collectors.push(collectorId);
        rows.ts.push(new Date(point.timestamp));
        rows.kinds.push(sample.kind);
        rows.devices.push(sample.device);
        rows.metrics.push(JSON.stringify(sample.values));
      }
    }
  }
  return rows;
}

/** The statement's parameters: one array per column, every batch's points one after another. */
function pointArrays(batches: readonly PointBatch[]): unknown[] {
  const collectors: string[] = [];
  const times: Date[] = [];
  const columns = METRIC_COLUMNS.map(() => [] as (number | null)[]);
  for (const { collectorId, points } of batches) {
    for (const point of points) {
      collectors.push(collectorId);
      times.push(new Date(point.timestamp));
      METRIC_COLUMNS.forEach((column, i) => columns[i]!.push(point.values[column] ?? null));
    }
  }
  return [collectors, times, ...columns];
}

/**
 * Which points of each batch were new. A point sent twice in one transaction (two requests
 * of one collector) was inserted once: it counts for the first batch that carried it.
 */
function newPerBatch(batches: readonly PointBatch[], inserted: Set<string>): number[][] {
  return batches.map(({ collectorId, points }) =>
    points.flatMap((p) => (inserted.delete(`${collectorId}@${p.timestamp}`) ? [p.timestamp] : [])),
  );
}

/**
 * Inserts batches (points, device values and rollups) on a client inside the caller's
 * transaction; answers, per batch, the timestamps that were new. Partitions must exist.
 */
export async function insertBatches(client: ClientBase, schema: string, batches: readonly PointBatch[]): Promise<number[][]> {
  const { rows } = await client.query<{ collector_id: string; ts: Date }>(
    insertPointsSql(schema, UNNEST_SOURCE, 'timestamps'),
    pointArrays(batches),
  );
  const devices = deviceRows(batches);
  if (devices.ts.length) {
    await client.query(
      `INSERT INTO ${quoteSchema(schema)}.metric_device_points (collector_id, ts, kind, device, metrics)
       SELECT c, t, k, d, m FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::jsonb[]) AS u(c, t, k, d, m)
       ON CONFLICT DO NOTHING`,
      [devices.collectors, devices.ts, devices.kinds, devices.devices, devices.metrics],
    );
  }
  return newPerBatch(batches, new Set(rows.map((r) => `${r.collector_id}@${r.ts.getTime()}`)));
}

/**
 * Stores batches of one tenant schema (points, device values and rollups) in one transaction
 * and returns, per batch, the timestamps that were new: a re-sent point is skipped, not
 * counted twice, and not published twice.
 */
export async function storeBatches(pool: Pool, schema: string, batches: readonly PointBatch[]): Promise<number[][]> {
  const all = batches.flatMap((b) => b.points);
  if (all.length === 0) return batches.map(() => []);
  const times = all.map((p) => p.timestamp);
  const client = await pool.connect();
  try {
    await ensurePartitions(client, schema, Math.min(...times), Math.max(...times));
    await client.query('BEGIN');
    const inserted = await insertBatches(client, schema, batches);
    await client.query('COMMIT');
    return inserted;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
