import type { SubgraphContext } from '@perfanalysis/platform';
import { retentionDaysOf } from './tenantRetention.js';

const DAY_MS = 86_400_000;

/**
 * How old a trickled point may be: the upload limit, or the tenant's retention when that is
 * shorter — a live point older than the retention would be stored only to be dropped (and would
 * recreate a partition the retention job already dropped). Uploads are history imports and keep
 * UPLOAD_MAX_AGE alone.
 */
export async function acceptedAgeMs(ctx: SubgraphContext): Promise<number> {
  const retentionMs = ((await retentionDaysOf(ctx.runtime.db.pool, ctx.tenant().id)) ?? Infinity) * DAY_MS;
  return Math.min(ctx.runtime.config.limits.uploadMaxAgeMs, retentionMs);
}
