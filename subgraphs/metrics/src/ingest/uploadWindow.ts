import type { SubgraphContext } from '@perfanalysis/platform';
import { retentionDaysOf } from './tenantRetention.js';
import type { PointWindow } from './validatePoint.js';

const DAY_MS = 86_400_000;

/**
 * What an upload may hold: anything the tenant still keeps (its retention, so months-old captures
 * load) up to the allowed clock skew ahead. See docs/pcc-compatibility.md.
 */
export async function uploadWindow(ctx: SubgraphContext, now = Date.now()): Promise<PointWindow & { maxAgeMs: number }> {
  const maxAgeMs = ((await retentionDaysOf(ctx.runtime.db.pool, ctx.tenant().id)) ?? 90) * DAY_MS;
  return { oldest: now - maxAgeMs, newest: now + ctx.runtime.config.limits.futureSkewMs, maxAgeMs };
}
