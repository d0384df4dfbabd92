import { batchPerRequest } from '@perfanalysis/platform';
import type { SubgraphContext } from '@perfanalysis/platform';
import { collectorRowsById } from './collectorRows.js';
import { Collector } from './collector.type.js';

const collectorRowOf = batchPerRequest((ctx, ids: readonly string[]) => collectorRowsById(ctx.tenantEm(), ids));

/**
 * Looked up in the caller's tenant schema only: another tenant's id finds nothing. The
 * references of one `_entities` answer are read with one query.
 */
export async function resolveCollectorReference(ref: { id: string }, ctx: SubgraphContext): Promise<Collector | null> {
  if (!ctx.identity.tenant) return null;
  const row = await collectorRowOf(ctx, ref.id);
  return row ? Collector.from(row, ctx.tenant().id) : null;
}
