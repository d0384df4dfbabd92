import { quoteSchema } from '@perfanalysis/platform';
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

/** The newest point of a collector, read through the (collector, timestamp) primary key. */
export async function readLatestPoint(pool: Pool, schema: string, collectorId: string): Promise<MetricPoint | null> {
  const { rows } = await pool.query<PointRow>(
    `SELECT collector_id, ts, ${SELECT_COLUMNS} FROM ${quoteSchema(schema)}.metric_points WHERE collector_id = $1 ORDER BY ts DESC LIMIT 1`,
    [collectorId],
  );
  return rows[0] ? rowToPoint(rows[0]) : null;
}
