import { isUuid, type TenantDb } from '@perfanalysis/platform';

/**
 * The collectors subgraph's published data (docs/migrations.md): what other subgraphs may
 * know of a tenant's machines without naming the `collectors` table. Imported as
 * `@perfanalysis/subgraph-collectors/read`; every function takes the tenant's handle
 * (docs/tenant-db.md), inside the caller's transaction when it is in one.
 */

/** One machine of a tenant, as other subgraphs see it. */
export interface CollectorRecord {
  readonly id: string;
  readonly machineId: string;
  readonly hostname: string;
  readonly active: boolean;
  /** When it last sent data, or when it was registered if it never did. */
  readonly seenAt: Date;
}

/** The columns as a CollectorRecord's fields. */
const COLUMNS = 'id, machine_id AS "machineId", hostname, active, COALESCE(last_seen, created_at) AS "seenAt"';

/** The tenant's collectors among `ids`, in id order; a malformed or foreign id is simply absent. */
export async function collectorsByIds(db: TenantDb, ids: readonly string[]): Promise<CollectorRecord[]> {
  const wellFormed = ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase());
  if (wellFormed.length === 0) return [];
  const { rows } = await db.query<CollectorRecord>(
    `SELECT ${COLUMNS} FROM ${db.table('collectors')} WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [wellFormed],
  );
  return rows;
}

/** The tenant's collector with this machine id, or null. */
export async function collectorByMachineId(db: TenantDb, machineId: string): Promise<CollectorRecord | null> {
  const { rows } = await db.query<CollectorRecord>(`SELECT ${COLUMNS} FROM ${db.table('collectors')} WHERE machine_id = $1`, [machineId]);
  return rows[0] ?? null;
}

/** Every collector of the tenant (only the active ones when asked), in id order. */
export async function listCollectors(db: TenantDb, options: { activeOnly?: boolean } = {}): Promise<CollectorRecord[]> {
  const { rows } = await db.query<CollectorRecord>(
    `SELECT ${COLUMNS} FROM ${db.table('collectors')}${options.activeOnly ? ' WHERE active' : ''} ORDER BY id`,
  );
  return rows;
}

/**
 * Moves `last_seen` of each collector forward, never back, in one statement: the one write the
 * collectors subgraph leaves to ingest, which is where a machine is seen.
 */
export async function recordLastSeen(db: TenantDb, seen: ReadonlyMap<string, Date>): Promise<void> {
  await db.query(
    `UPDATE ${db.table('collectors')} AS c SET last_seen = GREATEST(COALESCE(c.last_seen, u.at), u.at)
     FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at) WHERE c.id = u.id`,
    [[...seen.keys()], [...seen.values()]],
  );
}
export { apiKeyByPrefix, type ApiKeyIndexRecord } from './apiKeys.js';
