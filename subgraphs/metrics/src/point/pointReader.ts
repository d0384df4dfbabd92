import type { MetricColumn } from '@perfanalysis/contract';
import { isUuid, type TenantDb } from '@perfanalysis/platform';
import { collectorOf } from '../collector/collector.type.js';
import { FIELD_BY_COLUMN } from './columnFields.js';
import { MetricPoint } from './point.type.js';

type PointRow = Record<string, number | null> & { collector_id: string; ts: Date };

/** A point with these columns of the row (the others are left unset: not asked for). */
function rowToPoint(row: PointRow, columns: readonly MetricColumn[]): MetricPoint {
  const point = Object.assign(new MetricPoint(), { collector: collectorOf(row.collector_id), timestamp: row.ts });
  for (const column of columns) point[FIELD_BY_COLUMN.get(column)!] = row[column] ?? null;
  return point;
}

/**
 * The newest point of each collector with these columns: one index probe per id (primary key,
 * newest first), one round trip. Columns come from the contract's list, never from a client.
 */
export async function readLatestPoints(
  db: TenantDb,
  collectorIds: readonly string[],
  columns: readonly MetricColumn[],
): Promise<Map<string, MetricPoint>> {
  // An id that is no uuid names no collector; it must not fail its neighbours' cast.
  const ids = collectorIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<PointRow>(
    `SELECT p.* FROM unnest($1::uuid[]) AS c(id)
     CROSS JOIN LATERAL (
       SELECT ${['collector_id', 'ts', ...columns].join(', ')} FROM ${db.table('metric_points')}
       WHERE collector_id = c.id ORDER BY ts DESC LIMIT 1
     ) p`,
    [ids],
  );
  return new Map(rows.map((row) => [row.collector_id, rowToPoint(row, columns)]));
}
