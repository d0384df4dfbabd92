import { type PeriodicJob, type Runtime, startPeriodicJob, type TenantTables, tenantTables } from '@perfanalysis/platform';
import { listTenants } from '@perfanalysis/subgraph-tenancy/read';
import type { PoolClient } from 'pg';
import { PARTITIONED_TABLES } from './metricTables.js';
import { ensurePartitions, forgetPartitions } from './partitions.js';

/** Held while one replica maintains partitions; the others skip that round. */
const RETENTION_LOCK = 7_046_002;
const MONTH_NAME = /_y(\d{4})m(\d{2})$/;

/** Partitions of a tenant whose whole month ended before the tenant's retention window. */
async function expiredPartitions(client: PoolClient, db: TenantTables, cutoff: number): Promise<string[]> {
  // The parents by their qualified names (a regclass): the partitions of this tenant's tables only.
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = ANY($1::regclass[])`,
    [PARTITIONED_TABLES.map((t) => db.table(t.table))],
  );
  return rows
    .map((r) => r.relname)
    .filter((name) => {
      const match = MONTH_NAME.exec(name);
      return match !== null && Date.UTC(Number(match[1]), Number(match[2]), 1) <= cutoff;
    });
}

/**
 * One round for every tenant: drop whole monthly partitions older than its retention (docs/metrics.md)
 * and create the partitions of this month and the next two, so ingest rarely creates any.
 * Returns the partitions dropped.
 */
export async function maintainPartitions(runtime: Runtime, now = Date.now()): Promise<string[]> {
  const client = await runtime.db.pool.connect();
  const dropped: string[] = [];
  try {
    // A transaction-scoped lock: behind a transaction-pooling PgBouncer a session lock could be
    // taken on one server connection and released on another, and so never released.
    await client.query('BEGIN');
    const { rows: locked } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [RETENTION_LOCK]);
    if (!locked[0]?.ok) {
      await client.query('ROLLBACK');
      return dropped;
    }
    for (const { slug, retentionDays: days } of await listTenants(client)) {
      // The statements run on this transaction's connection: only the tenant's table names are needed.
      const db = tenantTables(slug);
      for (const name of await expiredPartitions(client, db, now - days * 86_400_000)) {
        await client.query(`DROP TABLE IF EXISTS ${db.table(name)}`);
        dropped.push(db.table(name));
      }
      forgetPartitions(db);
      await ensurePartitions(client, db, now, now + 62 * 86_400_000);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  if (dropped.length) runtime.logger.info({ dropped }, 'retention dropped partitions');
  return dropped;
}

/** How often partitions are maintained: months are created weeks ahead, so an hour is plenty. */
export const RETENTION_EVERY_MS = 3_600_000;

/**
 * Maintains partitions as the service starts and every `everyMs` after (docs/metrics.md
 * "Retention"): a restarted or newly deployed replica drops expired months and creates the coming
 * ones at once instead of an hour later. Platform's periodic job: one pass at a time, a failed
 * pass logged and retried next round, stopping waits for a pass under way (its transaction ends
 * before the pool closes).
 */
export function startRetentionJob(runtime: Runtime, everyMs = RETENTION_EVERY_MS): PeriodicJob {
  return startPeriodicJob('partition maintenance', everyMs, runtime.logger, () => maintainPartitions(runtime), { atStart: true });
}
