import { NotFoundError, type SubgraphContext } from '@perfanalysis/platform';
import { collectorById, type CollectorRow } from '../ingest/collectorDirectory.js';

/**
 * The caller's collector with this id. An id of another tenant is simply not found in the
 * caller's schema, so the answer is the same as for an id that never existed.
 */
export async function requireCollector(ctx: SubgraphContext, collectorId: string): Promise<CollectorRow> {
  const collector = await collectorById(ctx.tenantDb(), collectorId);
  if (!collector) throw new NotFoundError('No collector with this id in your tenant.', { field: 'collectorId' });
  return collector;
}
