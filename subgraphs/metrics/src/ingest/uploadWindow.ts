import { type SubgraphContext, TtlCache } from '@perfanalysis/platform';
import { tenantById } from '@perfanalysis/subgraph-tenancy/read';
import type { PointWindow } from './validatePoint.js';

const DAY_MS = 86_400_000;
/** A retention change applies to uploads within this. */
const retentionDays = new TtlCache<number>(5_000);

/** The tenant's retention in days (tenancy's registry, set by the platform operator). */
export function tenantRetentionDays(ctx: SubgraphContext): Promise<number> {
  const tenant = ctx.tenant();
  return retentionDays.get(tenant.id, async () => {
    return (await tenantById(ctx.runtime.db.pool, tenant.id))?.retentionDays ?? 90;
  });
}

/**
 * What an upload may hold: anything the tenant still keeps (its retention, so months-old captures
 * load) up to the allowed clock skew ahead. See docs/pcc-compatibility.md.
 */
export async function uploadWindow(ctx: SubgraphContext, now = Date.now()): Promise<PointWindow & { maxAgeMs: number }> {
  const maxAgeMs = (await tenantRetentionDays(ctx)) * DAY_MS;
  return { oldest: now - maxAgeMs, newest: now + ctx.runtime.config.limits.futureSkewMs, maxAgeMs };
}
