import type { SubgraphContext } from '@perfanalysis/platform';
import { CollectorEntity } from './collector.entity.js';
import { Collector } from './collector.type.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Looked up in the caller's tenant schema only: another tenant's id finds nothing. */
export async function resolveCollectorReference(ref: { id: string }, ctx: SubgraphContext): Promise<Collector | null> {
  if (!ctx.identity.tenant || !UUID.test(ref.id)) return null;
  const row = await ctx.tenantEm().findOne(CollectorEntity, { id: ref.id });
  return row ? Collector.from(row, ctx.tenant().id) : null;
}
