import { isUuid } from '@perfanalysis/platform';
import type { SubgraphContext } from '@perfanalysis/platform';
import { CollectorEntity } from './collector.entity.js';
import { Collector } from './collector.type.js';

/** Looked up in the caller's tenant schema only: another tenant's id finds nothing. */
export async function resolveCollectorReference(ref: { id: string }, ctx: SubgraphContext): Promise<Collector | null> {
  if (!ctx.identity.tenant || !isUuid(ref.id)) return null;
  const row = await ctx.tenantEm().findOne(CollectorEntity, { id: ref.id });
  return row ? Collector.from(row, ctx.tenant().id) : null;
}
