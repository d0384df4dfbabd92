import type { ClientBase, Pool } from 'pg';
import type { Logger } from '../logging/logger.js';
import type { MigrationPlan } from './migrations/Migration.js';
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

/** What bringing one schema up to date did: ledger ids run, and ids marked applied by a recorded legacy id. */
export interface MigrationOutcome {
  readonly ran: string[];
  readonly adopted: string[];
}

/**
 * Applies the pending migrations of one schema (the `public` or the `tenant` lists of every
 * owner, in plan order) on a client already inside a transaction. A migration whose legacy
 * id the ledger holds is recorded without running: its statements ran under that id.
 */
export async function applyMigrations(
  client: ClientBase,
  schema: string,
  plan: MigrationPlan,
  scope: 'public' | 'tenant',
): Promise<MigrationOutcome> {
  await client.query(LEDGER);
  const done = new Set(
    (await client.query<{ id: string }>('SELECT id FROM public.schema_migrations WHERE schema_name = $1', [schema])).rows.map((r) => r.id),
  );
  const outcome: MigrationOutcome = { ran: [], adopted: [] };
  for (const { owner, [scope]: migrations } of plan) {
    for (const migration of migrations) {
      const id = `${owner}/${migration.id}`;
      if (done.has(id)) continue;
      const legacy = migration.supersedes !== undefined && done.has(migration.supersedes);
      if (!legacy) await client.query(migration.sql(quoteSchema(schema)));
      await client.query('INSERT INTO public.schema_migrations (schema_name, id) VALUES ($1, $2)', [schema, id]);
      (legacy ? outcome.adopted : outcome.ran).push(id);
    }
  }
  return outcome;
}

/** Runs `work` in one transaction holding the migration lock. */
export async function withMigrationLock<T>(pool: Pool, work: (client: ClientBase) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return work(client);
  });
}

/** Creates a tenant schema and brings it up to date, inside the caller's transaction. */
export async function provisionTenantSchema(client: ClientBase, schema: string, plan: MigrationPlan): Promise<MigrationOutcome> {
  // An empty plan would leave a tenant without tables, discovered only at its first request.
  if (!plan.some((set) => set.tenant.length > 0)) throw new Error('provisionTenantSchema: the runtime was given no tenant migrations');
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)}`);
  return applyMigrations(client, schema, plan, 'tenant');
}

function logOutcome(logger: Logger, schema: string, outcome: MigrationOutcome): void {
  if (outcome.ran.length) logger.info({ schema, applied: outcome.ran }, 'migrations applied');
  if (outcome.adopted.length) logger.info({ schema, adopted: outcome.adopted }, 'migrations recorded under their owners');
}

/** Brings the public schema and every existing tenant schema up to date. */
export async function migrateAll(pool: Pool, logger: Logger, plan: MigrationPlan): Promise<void> {
  if (plan.length === 0) throw new Error('migrateAll: no migrations given (the launcher composes every owner’s)');
  await withMigrationLock(pool, async (client) => {
    logOutcome(logger, 'public', await applyMigrations(client, 'public', plan, 'public'));
    const tenants = await client.query<{ schema_name: string }>('SELECT schema_name FROM public.tenants ORDER BY slug');
    for (const { schema_name } of tenants.rows) logOutcome(logger, schema_name, await provisionTenantSchema(client, schema_name, plan));
  });
}
