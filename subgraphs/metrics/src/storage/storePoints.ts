import { type DeviceSample, METRIC_COLUMNS, type MetricPoint } from '@perfanalysis/contract';
import type { TenantTables } from '@perfanalysis/platform';
import { createHash } from 'node:crypto';
import type { ClientBase, Pool } from 'pg';
import { pointColumnArrays } from './binaryArrays.js';
import { insertPointsSql } from './insertPoints.js';
import { ensurePartitions } from './partitions.js';

const casts = METRIC_COLUMNS.map((_, i) => `$${i + 3}::real[]`).join(', ');
const names = METRIC_COLUMNS.map((_, i) => `c${i}`).join(', ');
const UNNEST_SOURCE = `SELECT c, t, ${names} FROM unnest($1::uuid[], $2::timestamptz[], ${casts}) AS u(c, t, ${names})`;
/** The first of the device rows' five parameters, after the points' columns. */
const DEVICE_PARAM = METRIC_COLUMNS.length + 3;

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

/**
 * Which points of each batch were new, from the statement's rows (collector, Unix ms). A point
 * sent twice in one transaction (two requests of one collector) was inserted once: it counts for
 * the first batch that carried it.
 */
function newPerBatch(batches: readonly PointBatch[], rows: readonly { collector_id: string; ms: number }[]): number[][] {
  // Per collector a set of numbers: no key string built per point on either side.
  const inserted = new Map<string, Set<number>>();
  for (const { collector_id, ms } of rows) {
    let times = inserted.get(collector_id);
    if (!times) inserted.set(collector_id, (times = new Set()));
    times.add(ms);
  }
  return batches.map(({ collectorId, points }) => {
    const times = inserted.get(collectorId);
    const fresh: number[] = [];
    if (times) for (const { timestamp } of points) if (times.delete(timestamp)) fresh.push(timestamp);
    return fresh;
  });
}

/** A connection keeps the prepared insert of at most this many tenants; others are sent unprepared. */
const PREPARED_PER_CONNECTION = 32;
/** Statement texts kept, per tenant (each ~15 KB). */
const MAX_TEXTS = 256;
/** The database refused a named statement: prepared statement missing (26000) or already there (42P05). */
const NAMED_REFUSED = new Set(['26000', '42P05']);

interface Statement {
  readonly name?: string;
  readonly text: string;
}

const texts = new Map<string, Required<Statement>>();
const preparedOn = new WeakMap<ClientBase, Set<string>>();
/**
 * Off for the process once the database refused a named statement: PgBouncer before 1.21 in
 * transaction mode does not keep them (docs/topologies.md); every trickle then goes unnamed.
 */
let naming = true;

/** The points, devices and rollups of a batch as ONE statement (atomic alone), and its prepared name. */
function statementOf(db: TenantTables): Required<Statement> {
  let statement = texts.get(db.tenant);
  if (!statement) {
    const devices = `devices AS (INSERT INTO ${db.table('metric_device_points')} (collector_id, ts, kind, device, metrics)
    SELECT c, t, k, d, m FROM unnest($${DEVICE_PARAM}::uuid[], $${DEVICE_PARAM + 1}::timestamptz[], $${DEVICE_PARAM + 2}::text[], $${DEVICE_PARAM + 3}::text[], $${DEVICE_PARAM + 4}::jsonb[]) AS u(c, t, k, d, m)
    ON CONFLICT DO NOTHING)`;
    const text = insertPointsSql(db, UNNEST_SOURCE, 'timestamps', [devices]);
    statement = { name: `trickle_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(db.tenant, statement);
  }
  return statement;
}

/** Whether this connection may run the statement prepared (already does, or has room for another tenant's). */
function mayName(client: ClientBase, name: string): boolean {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Set()));
  if (names.has(name)) return true;
  if (names.size >= PREPARED_PER_CONNECTION) return false;
  names.add(name);
  return true;
}

async function insert(client: ClientBase, statement: Statement, batches: readonly PointBatch[]): Promise<number[][]> {
  const devices = deviceRows(batches);
  const { rows } = await client.query<{ collector_id: string; ms: number }>({
    ...statement,
    values: [...pointColumnArrays(batches), devices.collectors, devices.ts, devices.kinds, devices.devices, devices.metrics],
  });
  return newPerBatch(batches, rows);
}

/**
 * Inserts batches (points, device values and rollups) in one statement, inside the caller's
 * transaction; answers, per batch, the timestamps that were new. Partitions must exist.
 */
export function insertBatches(client: ClientBase, db: TenantTables, batches: readonly PointBatch[]): Promise<number[][]> {
  return insert(client, { text: statementOf(db).text }, batches);
}

/**
 * Stores batches of one tenant (points, device values and rollups) in one statement —
 * its own transaction, committed when it answers: one round trip — and returns, per batch, the
 * timestamps that were new: a re-sent point is skipped, not counted twice, and not published
 * twice. The statement is a named prepared one, parsed and planned once per connection rather
 * than once per commit (the ~15 KB text was PostgreSQL's biggest cost per trickle).
 */
export async function storeBatches(pool: Pool, db: TenantTables, batches: readonly PointBatch[]): Promise<number[][]> {
  const all = batches.flatMap((b) => b.points);
  if (all.length === 0) return batches.map(() => []);
  const times = all.map((p) => p.timestamp);
  await ensurePartitions(pool, db, Math.min(...times), Math.max(...times));
  const client = await pool.connect();
  try {
    const statement = statementOf(db);
    if (!naming || !mayName(client, statement.name)) return await insert(client, { text: statement.text }, batches);
    try {
      return await insert(client, statement, batches);
    } catch (error) {
      if (!NAMED_REFUSED.has((error as { code?: string }).code ?? '')) throw error;
      naming = false; // the statement failed before it ran: nothing was stored
      return await insert(client, { text: statement.text }, batches);
    }
  } finally {
    client.release();
  }
}
