import { type DeviceKind, METRIC_COLUMNS, type MetricColumn, type MetricValues } from '@perfanalysis/contract';
import type { TenantDb, TenantTables } from '@perfanalysis/platform';
import { escapeLiteral } from 'pg';

/**
 * The metrics subgraph's published data (docs/migrations.md): a tenant's stored points and
 * device samples for other subgraphs, without naming the tables. Imported as
 * `@perfanalysis/subgraph-metrics/read`; every function takes the tenant's handle (docs/tenant-db.md),
 * inside the caller's transaction when it is one.
 */

/** Stored points of one collector, oldest first: epoch ms and the columns asked for. */
export interface StoredPoint {
  readonly t: number;
  readonly v: MetricValues;
}

/** Up to `limit` points of one collector strictly after `after`, with only `columns` (nulls left out). */
export async function pointsAfter(
  db: TenantDb,
  request: { readonly collectorId: string; readonly after: Date; readonly columns: readonly MetricColumn[]; readonly limit: number },
): Promise<StoredPoint[]> {
  // Column names are checked against the contract before they reach SQL.
  const columns = request.columns.filter((c) => (METRIC_COLUMNS as readonly string[]).includes(c));
  if (columns.length === 0) return [];
  const { rows } = await db.query<Record<string, number | null> & { ts: Date }>(
    `SELECT ts, ${columns.join(', ')} FROM ${db.table('metric_points')} WHERE collector_id = $1 AND ts > $2 ORDER BY ts LIMIT $3`,
    [request.collectorId, request.after, request.limit],
  );
  return rows.map((row) => ({
    t: row.ts.getTime(),
    v: Object.fromEntries(columns.filter((c) => row[c] !== null && row[c] !== undefined).map((c) => [c, Number(row[c])])) as MetricValues,
  }));
}

/**
 * A binary `COPY … TO STDOUT` of one collector's points in [from, to), time order: the
 * timestamp as stored (binary timestamptz, int64 microseconds since 2000 — no conversion per
 * row), then the reals of `columns` in the order given (default: every column, in
 * METRIC_COLUMNS order). A reader that needs fewer columns asks for them: PostgreSQL formats
 * and sends only those. COPY takes no bind parameters, so every value is a quoted literal,
 * and a column not in the contract is refused before it reaches SQL.
 */
export function pointsBinaryCopySql(
  db: TenantTables,
  request: { readonly collectorId: string; readonly from: Date; readonly to: Date; readonly columns?: readonly MetricColumn[] },
): string {
  const columns = request.columns ?? METRIC_COLUMNS;
  const unknown = columns.filter((c) => !(METRIC_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new RangeError(`Not metric columns: ${unknown.join(', ')}.`);
  return `COPY (SELECT ${['p.ts', ...columns].join(', ')} FROM ${db.table('metric_points')} AS p
      WHERE p.collector_id = ${escapeLiteral(request.collectorId)}::uuid
        AND p.ts >= ${escapeLiteral(request.from.toISOString())}::timestamptz AND p.ts < ${escapeLiteral(request.to.toISOString())}::timestamptz
      ORDER BY p.ts) TO STDOUT (FORMAT binary)`;
}

/** Which device samples a page holds: a kind, and when given only these devices of it. */
export interface DeviceFilter {
  readonly kind: DeviceKind;
  readonly devices?: readonly string[];
}

/** One page of device samples: instants of [from or after, to), at most `limit` of them. */
export interface DeviceSamplePageRequest {
  readonly collectorId: string;
  /** The first instant, included; or `after`, PostgreSQL's text of the previous page's last instant, excluded. */
  readonly from: Date;
  readonly after?: string;
  readonly to: Date;
  readonly limit: number;
  readonly filters: readonly DeviceFilter[];
}

const EPOCH_MS = `(extract(epoch FROM p.ts) * 1000)::float8`;

/**
 * Device samples in keyset pages of instants over the primary key: per instant a row of
 * `[ts text (the next page's cursor, exact to the microsecond), epoch ms, JSON array of
 * [kind, device, metrics] ]` — far fewer protocol rows than one per device.
 */
export async function deviceSamplePage(db: TenantDb, request: DeviceSamplePageRequest): Promise<[string, number, string][]> {
  const values: unknown[] = [request.collectorId, request.after ?? request.from.toISOString(), request.to.toISOString(), request.limit];
  const filters = request.filters.map(({ kind, devices }) => {
    values.push(kind);
    const kindParam = `$${values.length}`;
    if (!devices) return `p.kind = ${kindParam}`;
    values.push([...devices]);
    return `(p.kind = ${kindParam} AND p.device = ANY($${values.length}::text[]))`;
  });
  const { rows } = await db.query<{ ts: string; ms: number; samples: string }>(
    `SELECT p.ts::text AS ts, ${EPOCH_MS} AS ms,
        json_agg(json_build_array(p.kind, p.device, p.metrics) ORDER BY p.kind, p.device)::text AS samples
      FROM ${db.table('metric_device_points')} AS p
      WHERE p.collector_id = $1 AND p.ts ${request.after === undefined ? '>=' : '>'} $2::timestamptz AND p.ts < $3::timestamptz
        AND (${filters.join(' OR ')})
      GROUP BY p.ts ORDER BY p.ts LIMIT $4`,
    values,
  );
  return rows.map((row) => [row.ts, row.ms, row.samples]);
}
