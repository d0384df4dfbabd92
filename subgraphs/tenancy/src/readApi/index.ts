import type { ClientBase } from 'pg';

/**
 * The tenancy subgraph's published data (docs/migrations.md): the tenant registry as other
 * subgraphs' background jobs and ingest limits need it, without naming `public.tenants`.
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

interface TenantRow {
  id: string;
  slug: string;
  schema_name: string;
  active: boolean;
  retention_days: number;
}

const COLUMNS = 'id, slug, schema_name, active, retention_days';

function toRecord(row: TenantRow): TenantRecord {
  return { id: row.id, slug: row.slug, schemaName: row.schema_name, active: row.active, retentionDays: row.retention_days };
}

/** Every tenant (only the active ones when asked), in slug order. */
export async function listTenants(db: Queryable, options: { activeOnly?: boolean } = {}): Promise<TenantRecord[]> {
  const { rows } = await db.query<TenantRow>(
    `SELECT ${COLUMNS} FROM public.tenants${options.activeOnly ? ' WHERE active' : ''} ORDER BY slug`,
  );
  return rows.map(toRecord);
}

/** The tenant with this id, or null. */
export async function tenantById(db: Queryable, id: string): Promise<TenantRecord | null> {
  const { rows } = await db.query<TenantRow>(`SELECT ${COLUMNS} FROM public.tenants WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The tenant with this slug, or null. */
export async function tenantBySlug(db: Queryable, slug: string): Promise<TenantRecord | null> {
  const { rows } = await db.query<TenantRow>(`SELECT ${COLUMNS} FROM public.tenants WHERE slug = $1`, [slug]);
  return rows[0] ? toRecord(rows[0]) : null;
}
