import type { SubgraphContext } from '@perfanalysis/platform';
import { collectorOf, type MetricsCollector } from './collector.type.js';

/**
 * The metrics subgraph holds no collector rows of its own: a reference is its id, and every
 * metric field reads the caller's tenant schema only, so a foreign id finds no data.
 */
export function resolveCollectorReference(ref: { id: string }, ctx: SubgraphContext): MetricsCollector | null {
  return ctx.identity.tenant ? collectorOf(ref.id) : null;
}
