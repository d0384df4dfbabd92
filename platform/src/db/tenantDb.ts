import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { type ConflictMeaning, conflictOnDuplicate } from './conflictOnDuplicate.js';
import { quoteSchema, tenantSchemaName } from './identifiers.js';
import { inTransaction } from './inTransaction.js';
import { type Queryable, queryById, type QueryRows } from './queryById.js';

export interface TenantQueryOptions {
  /** A unique violation in this statement is a CONFLICT meaning this (see `conflictOnDuplicate`). */
  readonly conflict?: ConflictMeaning;
}

/**
 * One tenant's data (docs/tenant-db.md). The tenant is bound once, where the handle is made
 * (`ctx.tenantDb()` from the verified identity, `bindTenant` for a background job), and SQL
 * reaches its tables only through `table(name)`: resolvers and stores never name a schema.
 * Every statement is schema-qualified, one round trip, no session state, so it behaves the
 * same through PgBouncer in transaction mode (docs/topologies.md).
 */
export interface TenantDb {
  /**
   * The slug of the tenant it is bound to: what a reference outliving the handle stores (an
   * archive's download link), to be bound again with `bindTenant`.
   */
  readonly tenant: string;
  /** A table of this tenant, quoted and schema-qualified (`"tenant_acme"."alerts"`), for the SQL given to `query`. */
  table(name: string): string;
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    params?: readonly unknown[],
    options?: TenantQueryOptions,
  ): Promise<QueryRows<R>>;
  /** As `query`, with `$1` an id sent by a client: a malformed one matches no row (see `queryById`). */
  queryById<R extends QueryResultRow = QueryResultRow>(
    text: string,
    params: readonly [id: string, ...rest: unknown[]],
  ): Promise<QueryRows<R>>;
  /** Runs `work` in one transaction on one connection (committed if it resolves); inside one, joins it. */
  transaction<T>(work: (tx: TenantDb) => Promise<T>): Promise<T>;
  /**
   * `pg_try_advisory_xact_lock(key, <this tenant>)`: true if this transaction now holds the
   * lock, released at its end. Only inside `transaction` (session locks break on PgBouncer).
   */
  tryTransactionLock(key: number): Promise<boolean>;
}

/** A tenant's table names without a connection: for SQL run elsewhere (a COPY stream, a replica, psql). */
export type TenantTables = Pick<TenantDb, 'tenant' | 'table'>;

const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** The names of the tenant with this slug: `table()` is string building only, no round trip. */
export function tenantTables(tenant: string): TenantTables {
  const quoted = quoteSchema(tenantSchemaName(tenant));
  return {
    tenant,
    table(name) {
      if (!TABLE_NAME.test(name)) throw new Error('refusing an unexpected table name');
      return `${quoted}."${name}"`;
    },
  };
}

type Connection = { readonly pool: Pool } | { readonly client: PoolClient };

function boundTo(connection: Connection, tenant: string): TenantDb {
  const schema = tenantSchemaName(tenant);
  const { table } = tenantTables(tenant);
  const queryable: Queryable = 'pool' in connection ? connection.pool : connection.client;
  const db: TenantDb = {
    tenant,
    table,
    query<R extends QueryResultRow>(text: string, params: readonly unknown[] = [], options: TenantQueryOptions = {}) {
      const run = () => queryable.query<R>(text, [...params]);
      return options.conflict ? conflictOnDuplicate(run, options.conflict) : run();
    },
    queryById: (text, params) => queryById(queryable, text, params),
    transaction(work) {
      if ('client' in connection) return work(db);
      return inTransaction(connection.pool, (client) => work(boundTo({ client }, tenant)));
    },
    async tryTransactionLock(key) {
      if (!('client' in connection)) throw new Error('a transaction lock is taken inside transaction()');
      const { rows } = await connection.client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [
        key,
        schema,
      ]);
      return rows[0]!.ok;
    },
  };
  return db;
}

/** The handle on the tenant with this slug, for work that runs outside a request (sweeps, dispatchers, schedules). */
export function bindTenant(pool: Pool, slug: string): TenantDb {
  return boundTo({ pool }, slug);
}
