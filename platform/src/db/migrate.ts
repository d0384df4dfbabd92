import type { ClientBase, Pool } from 'pg';
import type { Logger } from '../logging/logger.js';
import type { Migration } from './migrations/Migration.js';
import { publicMigrations } from './migrations/public/index.js';
import { tenantMigrations } from './migrations/tenant/index.js';
import { quoteSchema } from './identifiers.js';
import { inTransaction } from './inTransaction.js';

const LEDGER = `CREATE TABLE IF NOT EXISTS public.schema_migrations (
  schema_name text NOT NULL,
  id text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schema_name, id)
)`;

/** Serialises migrations across every process sharing the database. */
const MIGRATION_LOCK = 7_046_001;

/** Applies the pending migrations of one schema on a client already inside a transaction. */
export async function applyMigrations(client: ClientBase, schema: string, migrations: readonly Migration[]): Promise<string[]> {
  await client.query(LEDGER);
  const done = new Set(
    (await client.query<{ id: string }>('SELECT id FROM public.schema_migrations WHERE schema_name = $1', [schema])).rows.map((r) => r.id),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await client.query(migration.sql(quoteSchema(schema)));
    await client.query('INSERT INTO public.schema_migrations (schema_name, id) VALUES ($1, $2)', [schema, migration.id]);
    applied.push(migration.id);
  }
  return applied;
}

/** Runs `work` in one transaction holding the migration lock. */
export async function withMigrationLock<T>(pool: Pool, work: (client: ClientBase) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return work(client);
  });
}

/** Creates a tenant schema and brings it up to date, inside the caller's transaction. */
export async function provisionTenantSchema(client: ClientBase, schema: string): Promise<string[]> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)}`);
  return applyMigrations(client, schema, tenantMigrations);
}

/** Brings the public schema and every existing tenant schema up to date. */
export async function migrateAll(pool: Pool, logger: Logger): Promise<void> {
  await withMigrationLock(pool, async (client) => {
    const applied = await applyMigrations(client, 'public', publicMigrations);
    if (applied.length) logger.info({ schema: 'public', applied }, 'migrations applied');
    const tenants = await client.query<{ schema_name: string }>('SELECT schema_name FROM public.tenants ORDER BY slug');
    for (const { schema_name } of tenants.rows) {
      const tenantApplied = await provisionTenantSchema(client, schema_name);
      if (tenantApplied.length) logger.info({ schema: schema_name, applied: tenantApplied }, 'migrations applied');
    }
  });
}
