import { isUuid, quoteSchema } from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { collectorOf } from '../collector/collector.type.js';
import { COLUMN_FIELDS } from './columnFields.js';
import { MetricPoint } from './point.type.js';

const SELECT_COLUMNS = COLUMN_FIELDS.map((c) => c.column).join(', ');

type PointRow = Record<string, number | null> & { collector_id: string; ts: Date };

export function rowToPoint(row: PointRow): MetricPoint {
  const point = Object.assign(new MetricPoint(), { collector: collectorOf(row.collector_id), timestamp: row.ts });
  for (const { column, field } of COLUMN_FIELDS) point[field] = row[column] ?? null;
  return point;
}

/** The newest point of each collector: one index probe per id (primary key, newest first), one round trip. */
export async function readLatestPoints(pool: Pool, schema: string, collectorIds: readonly string[]): Promise<Map<string, MetricPoint>> {
  // An id that is no uuid names no collector; it must not fail its neighbours' cast.
  const ids = collectorIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<PointRow>(
    `SELECT p.* FROM unnest($1::uuid[]) AS c(id)
     CROSS JOIN LATERAL (
       SELECT collector_id, ts, ${SELECT_COLUMNS} FROM ${quoteSchema(schema)}.metric_points
       WHERE collector_id = c.id ORDER BY ts DESC LIMIT 1
     ) p`,
    [ids],
  );
  return new Map(rows.map((row) => [row.collector_id, rowToPoint(row)]));
}
