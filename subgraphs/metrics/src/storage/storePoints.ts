import { type DeviceSample, METRIC_COLUMNS, type MetricPoint } from '@perfanalysis/contract';
import { quoteSchema } from '@perfanalysis/platform';
import type { ClientBase, Pool } from 'pg';
import { insertPointsSql } from './insertPoints.js';
import { ensurePartitions } from './partitions.js';

const casts = METRIC_COLUMNS.map((_, i) => `$${i + 3}::real[]`).join(', ');
const names = METRIC_COLUMNS.map((_, i) => `c${i}`).join(', ');
const UNNEST_SOURCE = `SELECT $1::uuid, t, ${names} FROM unnest($2::timestamptz[], ${casts}) AS u(t, ${names})`;

function deviceRows(points: readonly MetricPoint[]): { ts: Date[]; kinds: string[]; devices: string[]; metrics: string[] } {
  const rows = { ts: [] as Date[], kinds: [] as string[], devices: [] as string[], metrics: [] as string[] };
  for (const point of points) {
    for (const sample of point.devices ?? ([] as DeviceSample[])) {
      rows.ts.push(new Date(point.timestamp));
      rows.kinds.push(sample.kind);
      rows.devices.push(sample.device);
      rows.metrics.push(JSON.stringify(sample.values));
    }
  }
  return rows;
}

/**
 * Inserts one collector's points (points, device values and rollups) on a client inside the
 * caller's transaction; answers the timestamps that were new. Partitions must exist.
 */
export async function insertPointBatch(
  client: ClientBase,
  schema: string,
  collectorId: string,
  points: readonly MetricPoint[],
): Promise<number[]> {
  const columns = METRIC_COLUMNS.map((column) => points.map((p) => p.values[column] ?? null));
  const { rows } = await client.query<{ ts: Date }>(insertPointsSql(schema, UNNEST_SOURCE, 'timestamps'), [
    collectorId,
    points.map((p) => new Date(p.timestamp)),
    ...columns,
  ]);
  const devices = deviceRows(points);
  if (devices.ts.length) {
    await client.query(
      `INSERT INTO ${quoteSchema(schema)}.metric_device_points (collector_id, ts, kind, device, metrics)
       SELECT $1::uuid, t, k, d, m FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::jsonb[]) AS u(t, k, d, m)
       ON CONFLICT DO NOTHING`,
      [collectorId, devices.ts, devices.kinds, devices.devices, devices.metrics],
    );
  }
  return rows.map((r) => r.ts.getTime());
}

/**
 * Stores a batch of one collector's points in one transaction (points, device values and
 * rollups) and returns the timestamps that were new: a re-sent point is skipped, not counted
 * twice, and not published twice.
 */
export async function storePoints(pool: Pool, schema: string, collectorId: string, points: readonly MetricPoint[]): Promise<number[]> {
  if (points.length === 0) return [];
  const times = points.map((p) => p.timestamp);
  const client = await pool.connect();
  try {
    await ensurePartitions(client, schema, Math.min(...times), Math.max(...times));
    await client.query('BEGIN');
    const inserted = await insertPointBatch(client, schema, collectorId, points);
    await client.query('COMMIT');
    return inserted;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
