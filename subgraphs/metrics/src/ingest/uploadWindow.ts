import { type SubgraphContext, TtlCache } from '@perfanalysis/platform';
import type { PointWindow } from './validatePoint.js';

const DAY_MS = 86_400_000;
/** A retention change applies to uploads within this. */
const retentionDays = new TtlCache<number>(5_000);

/** The tenant's retention in days (public.tenants, set by the platform operator). */
export function tenantRetentionDays(ctx: SubgraphContext): Promise<number> {
  const tenant = ctx.tenant();
  return retentionDays.get(tenant.id, async () => {
    const { rows } = await ctx.runtime.db.pool.query<{ retention_days: number }>(
      'SELECT retention_days FROM public.tenants WHERE id = $1',
      [tenant.id],
    );
    return rows[0]?.retention_days ?? 90;
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
