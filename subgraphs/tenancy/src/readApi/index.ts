import type { ClientBase } from 'pg';

/**
 * The tenancy subgraph's published data (docs/migrations.md): the tenant registry as other
 * subgraphs' background jobs and ingest limits need it, the gateway's domain routing and
 * memberships (./memberships), without naming `public.tenants`.
 * Imported as `@perfanalysis/subgraph-tenancy/read`.
 */

/** A pool or a client inside the caller's transaction. */
export type Queryable = Pick<ClientBase, 'query'>;

/** One tenant as other subgraphs see it. */
export interface TenantRecord {
  readonly id: string;
  readonly slug: string;
  /** The tenant's PostgreSQL schema, `tenant_<slug>`. */
  readonly schemaName: string;
  readonly active: boolean;
  readonly retentionDays: number;
}

/** The columns as a TenantRecord's fields. */
const COLUMNS = 'id, slug, schema_name AS "schemaName", active, retention_days AS "retentionDays"';

/** Every tenant (only the active ones when asked), in slug order. */
export async function listTenants(db: Queryable, options: { activeOnly?: boolean } = {}): Promise<TenantRecord[]> {
  const { rows } = await db.query<TenantRecord>(
    `SELECT ${COLUMNS} FROM public.tenants${options.activeOnly ? ' WHERE active' : ''} ORDER BY slug`,
  );
  return rows;
}

/** The tenant with this id, or null. */
export async function tenantById(db: Queryable, id: string): Promise<TenantRecord | null> {
  const { rows } = await db.query<TenantRecord>(`SELECT ${COLUMNS} FROM public.tenants WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The tenant with this slug, or null. */
export async function tenantBySlug(db: Queryable, slug: string): Promise<TenantRecord | null> {
  const { rows } = await db.query<TenantRecord>(`SELECT ${COLUMNS} FROM public.tenants WHERE slug = $1`, [slug]);
  return rows[0] ?? null;
}

/** The tenant a host is a domain of (active or not), or null for hosts that are no tenant's domain. */
export async function tenantByDomain(db: Queryable, host: string): Promise<TenantRecord | null> {
  const { rows } = await db.query<TenantRecord>(
    `SELECT ${COLUMNS} FROM public.tenants WHERE id = (SELECT tenant_id FROM public.domains WHERE host = $1)`,
    [host],
  );
  return rows[0] ?? null;
}
export { isMember, membershipDirectory, membershipSeat, membershipSeats } from './memberships.js';
export type { MembershipSeat } from '@perfanalysis/subgraph-identity/read';
