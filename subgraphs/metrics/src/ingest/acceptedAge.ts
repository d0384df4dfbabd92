import type { SubgraphContext } from '@perfanalysis/platform';
import type { Pool, PoolClient } from 'pg';

const DAY_MS = 86_400_000;

/**
 * How old a point written now may be: the upload limit, or the tenant's retention when that is
 * shorter — a point older than the retention would be stored only to be dropped (and would
 * recreate a partition the retention job already dropped).
 */
export async function acceptedAgeMs(ctx: SubgraphContext, db: Pool | PoolClient = ctx.runtime.db.pool): Promise<number> {
  const { rows } = await db.query<{ retention_days: number }>('SELECT retention_days FROM public.tenants WHERE id = $1', [ctx.tenant().id]);
  const retentionMs = (rows[0]?.retention_days ?? Infinity) * DAY_MS;
  return Math.min(ctx.runtime.config.limits.uploadMaxAgeMs, retentionMs);
}
