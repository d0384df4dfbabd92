import type { MetricColumn, MetricValues } from '@perfanalysis/contract';
import { type TenantDb, TtlCache } from '@perfanalysis/platform';
import { collectorsByIds, listCollectors } from '@perfanalysis/subgraph-collectors/read';

/** One point as a live view carries it: collector, epoch ms, the selected columns' values. */
export interface LivePoint {
  readonly c: string;
  readonly t: number;
  readonly v: MetricValues;
}

/** Where a replay starts for one collector: points strictly after `after` (epoch ms). */
export interface ReplayCursor {
  readonly collectorId: string;
  readonly after: number;
}

const tenantCollectors = new TtlCache<string[]>(2_000);

/** The ids among `ids` that are collectors of this tenant (a foreign or malformed id is simply absent). */
export async function existingCollectors(db: TenantDb, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await collectorsByIds(db, ids)).map((c) => c.id));
}

/** Every collector of the tenant (memoised for two seconds: views of "all collectors" poll it). */
export function allCollectors(db: TenantDb): Promise<string[]> {
  return tenantCollectors.get(db.tenant, async () => {
    return (await listCollectors(db)).map((c) => c.id);
  });
}

/** How many stored points lie after `after` for these collectors, counting no further than `limit`. */
export async function countPointsAfter(db: TenantDb, ids: readonly string[], after: number, limit: number): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM ${db.table('metric_points')} WHERE collector_id = ANY($1::uuid[]) AND ts > $2 LIMIT $3
     ) AS capped`,
    [ids, new Date(after), limit],
  );
  return rows[0]?.n ?? 0;
}

/** Position of the last row of a page: the next page starts strictly after it. */
export interface PagePosition {
  readonly t: number;
  readonly c: string;
}

type PointRow = Record<string, number | null> & { collector_id: string; ts: Date };

/**
 * One page of stored points after each collector's cursor, ordered by (timestamp, collector):
 * a replay reads page after page (keyset), so memory stays bounded however long it is. Each
 * collector is read through the (collector_id, ts) primary key.
 */
export async function readPointsPage(
  db: TenantDb,
  cursors: readonly ReplayCursor[],
  columns: readonly MetricColumn[],
  from: PagePosition | undefined,
  limit: number,
): Promise<LivePoint[]> {
  if (cursors.length === 0) return [];
  const select = columns.length ? `, ${columns.map((c) => `m.${c}`).join(', ')}` : '';
  const { rows } = await db.query<PointRow>(
    `SELECT m.collector_id, m.ts${select}
       FROM ${db.table('metric_points')} m
       JOIN unnest($1::uuid[], $2::timestamptz[]) AS c(id, after) ON m.collector_id = c.id AND m.ts > c.after
      WHERE (m.ts, m.collector_id) > ($3::timestamptz, $4::uuid)
      ORDER BY m.ts, m.collector_id
      LIMIT $5`,
    [
      cursors.map((c) => c.collectorId),
      cursors.map((c) => new Date(c.after)),
      from ? new Date(from.t) : '-infinity',
      from?.c ?? '00000000-0000-0000-0000-000000000000',
      limit,
    ],
  );
  return rows.map((row) => {
    const v: Partial<Record<MetricColumn, number>> = {};
    for (const column of columns) {
      const value = row[column];
      if (value !== null && value !== undefined) v[column] = value;
    }
    return { c: row.collector_id, t: row.ts.getTime(), v };
  });
}
