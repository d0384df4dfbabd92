import { onTenantChanged, type PubSub, TtlCache, type Unsubscribe } from '@perfanalysis/platform';
import { type Queryable, tenantById } from '@perfanalysis/subgraph-tenancy/read';

/**
 * How long a tenant's retention is reused when no `tenant-changed` announcement arrives: the bound
 * on a change made behind the tenancy API's back (direct SQL) or lost while pub/sub was down
 * (docs/ingest.md "Tenant settings").
 */
export const TENANT_SETTINGS_TTL_MS = 30_000;

/** Per process, for trickle and upload alike: the tenant's retention in days, null for no such tenant. */
const retentionDays = new TtlCache<number | null>(TENANT_SETTINGS_TTL_MS);

/**
 * Drops a tenant's entry as soon as tenancy announces a change of its settings, and every entry
 * when pub/sub comes back after an outage (announcements may have been lost meanwhile).
 */
export async function followTenantChanges(pubsub: PubSub): Promise<Unsubscribe> {
  const stopStatus = pubsub.onStatus?.((status) => status === 'up' && retentionDays.clear());
  const unsubscribe = await onTenantChanged(pubsub, ({ tenantId }) => retentionDays.delete(tenantId));
  return async () => {
    stopStatus?.();
    await unsubscribe();
  };
}

/** The tenant's retention in days (tenancy's registry), or null when the tenant does not exist. */
export function retentionDaysOf(db: Queryable, tenantId: string): Promise<number | null> {
  return retentionDays.get(tenantId, async () => (await tenantById(db, tenantId))?.retentionDays ?? null);
}
