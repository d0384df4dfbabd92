import { announceTenantChanged, bindTenant, type Runtime } from '@perfanalysis/platform';
import { importApiKey, poolStatement } from '@perfanalysis/subgraph-collectors';
import { collectorByMachineId } from '@perfanalysis/subgraph-collectors/read';
import { updateTenantSettings } from '@perfanalysis/subgraph-tenancy';
import { type TenantRecord, tenantBySlug } from '@perfanalysis/subgraph-tenancy/read';

/** A mistake of the operator's invocation: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const FLEET_USAGE = `  import-api-key <tenant-slug> <machine-id> <pcd-key>   let a pcc keep its pcd key (stored hashed)
  set-retention <tenant-slug> <days>          how long a tenant keeps points, and how old an upload may be (1–3650)`;

async function tenantNamed(runtime: Runtime, slug: string): Promise<TenantRecord> {
  const tenant = await tenantBySlug(runtime.db.pool, slug);
  if (!tenant) throw new UsageError(`no tenant ${slug}`);
  return tenant;
}

/** Operator commands for bringing a pcc fleet and its history over (docs/pcc-compatibility.md). */
export const FLEET_COMMANDS: Record<string, (runtime: Runtime, args: string[]) => Promise<string>> = {
  async 'import-api-key'(runtime, [slug, machineId, key]) {
    if (!slug || !machineId || !key) throw new UsageError('import-api-key needs <tenant-slug> <machine-id> <pcd-key>');
    const tenant = await tenantNamed(runtime, slug);
    const collector = await collectorByMachineId(bindTenant(runtime.db.pool, tenant.slug), machineId);
    if (!collector) throw new UsageError(`tenant ${slug} has no collector ${machineId}: register it first`);
    const prefix = await importApiKey(poolStatement(runtime.db.pool), tenant.id, collector.id, key);
    return `pcd key imported for ${machineId} of ${slug} (prefix ${prefix})`;
  },
  async 'set-retention'(runtime, [slug, days]) {
    const value = Number(days);
    if (!slug || !Number.isInteger(value) || value < 1 || value > 3650)
      throw new UsageError('set-retention needs <tenant-slug> <days 1–3650>');
    if (!(await setRetention(runtime, slug, value))) throw new UsageError(`no tenant ${slug}`);
    return `tenant ${slug} keeps ${value} days; uploads may hold points that old`;
  },
};

/**
 * The operator's retention change (only the operator sets it: docs/security.md "Operator-only
 * settings"), announced after the commit so running metrics replicas apply it to the next upload
 * or trickle (docs/ingest.md "Tenant settings"). False when no tenant has the slug.
 */
export async function setRetention(runtime: Runtime, slug: string, days: number): Promise<boolean> {
  const id = await updateTenantSettings(runtime.db.pool, slug, { retentionDays: days });
  if (!id) return false;
  await announceTenantChanged(runtime.pubsub, { tenantId: id }, runtime.logger);
  return true;
}
