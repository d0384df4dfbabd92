import type { TenantTables } from '@perfanalysis/platform';
import type { ClientBase, Pool } from 'pg';
import { PARTITIONED_TABLES } from './metricTables.js';

/** Partitions known to exist, per process: `slug/table_yyyymm`. */
const known = new Set<string>();

function monthStart(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

function nextMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

export function partitionName(table: string, month: Date): string {
  return `${table}_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of every month touched by [fromMs, toMs]. */
export function monthsCovering(fromMs: number, toMs: number): Date[] {
  const months: Date[] = [];
  for (let m = monthStart(fromMs); m.getTime() <= toMs; m = nextMonth(m)) months.push(m);
  return months;
}

/**
 * Makes sure every partitioned table has the monthly partitions covering the range.
 * Idempotent and safe against concurrent creators (another replica may win the race).
 * Pass `cache: false` inside a transaction that may roll back.
 */
export async function ensurePartitions(
  connection: Pool | ClientBase,
  db: TenantTables,
  fromMs: number,
  toMs: number,
  options: { cache?: boolean } = {},
): Promise<void> {
  for (const month of monthsCovering(fromMs, toMs)) {
    for (const { table } of PARTITIONED_TABLES) {
      const name = partitionName(table, month);
      const key = partitionKey(db, name);
      if (known.has(key)) continue;
      try {
        await connection.query(
          `CREATE TABLE IF NOT EXISTS ${db.table(name)} PARTITION OF ${db.table(table)}
             FOR VALUES FROM ('${month.toISOString()}') TO ('${nextMonth(month).toISOString()}')`,
        );
      } catch (error) {
        // 42P07 duplicate table / 23505 pg_type race: a concurrent creator won.
        if (!['42P07', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      }
      if (options.cache !== false) known.add(key);
    }
  }
}

/** Forgets what this process believes exists (after partitions were dropped). */
export function forgetPartitions(db: TenantTables): void {
  const prefix = partitionKey(db, '');
  for (const key of known) if (key.startsWith(prefix)) known.delete(key);
}

function partitionKey(db: TenantTables, partition: string): string {
  return `${db.tenant}/${partition}`;
}
