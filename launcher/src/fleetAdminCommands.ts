import { quoteSchema, type Runtime, tenantSchemaName } from '@perfanalysis/platform';
import { importApiKey, poolStatement } from '@perfanalysis/subgraph-collectors';

/** A mistake of the operator's invocation: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const FLEET_USAGE = `  import-api-key <tenant-slug> <machine-id> <pcd-key>   let a pcc keep its pcd key (stored hashed)
  set-retention <tenant-slug> <days>          how long a tenant keeps points, and how old an upload may be (1–3650)`;

async function tenantId(runtime: Runtime, slug: string): Promise<string> {
  const { rows } = await runtime.db.pool.query<{ id: string }>('SELECT id FROM public.tenants WHERE slug = $1', [slug]);
  if (!rows[0]) throw new UsageError(`no tenant ${slug}`);
  return rows[0].id;
}

/** Operator commands for bringing a pcc fleet and its history over (docs/pcc-compatibility.md). */
export const FLEET_COMMANDS: Record<string, (runtime: Runtime, args: string[]) => Promise<string>> = {
  async 'import-api-key'(runtime, [slug, machineId, key]) {
    if (!slug || !machineId || !key) throw new UsageError('import-api-key needs <tenant-slug> <machine-id> <pcd-key>');
    const tenant = await tenantId(runtime, slug);
    const { rows } = await runtime.db.pool.query<{ id: string }>(
      `SELECT id FROM ${quoteSchema(tenantSchemaName(slug))}.collectors WHERE machine_id = $1`,
      [machineId],
    );
    if (!rows[0]) throw new UsageError(`tenant ${slug} has no collector ${machineId}: register it first`);
    const prefix = await importApiKey(poolStatement(runtime.db.pool), tenant, rows[0].id, key);
    return `pcd key imported for ${machineId} of ${slug} (prefix ${prefix})`;
  },
  async 'set-retention'(runtime, [slug, days]) {
    const value = Number(days);
    if (!slug || !Number.isInteger(value) || value < 1 || value > 3650)
      throw new UsageError('set-retention needs <tenant-slug> <days 1–3650>');
    const { rowCount } = await runtime.db.pool.query('UPDATE public.tenants SET retention_days = $2 WHERE slug = $1', [slug, value]);
    if (!rowCount) throw new UsageError(`no tenant ${slug}`);
    return `tenant ${slug} keeps ${value} days; uploads may hold points that old`;
  },
};
