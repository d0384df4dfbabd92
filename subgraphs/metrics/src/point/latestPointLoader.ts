import type { SubgraphContext } from '@perfanalysis/platform';
import type { MetricPoint } from './point.type.js';
import { readLatestPoints } from './pointReader.js';

interface Pending {
  readonly ids: Set<string>;
  readonly answer: Promise<Map<string, MetricPoint>>;
}

const pendingPerRequest = new WeakMap<SubgraphContext, Pending>();

/**
 * The newest point of one collector, batched per request: every `latestPoint` of an
 * `_entities` answer asked in the same tick shares one query instead of one query each.
 */
export async function latestPointOf(ctx: SubgraphContext, collectorId: string): Promise<MetricPoint | null> {
  let pending = pendingPerRequest.get(ctx);
  if (!pending) {
    const ids = new Set<string>();
    // Resolvers of sibling entities run in the same tick; the query waits for the last of them.
    const answer = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      pendingPerRequest.delete(ctx);
      return readLatestPoints(ctx.runtime.db.pool, ctx.tenantSchema(), [...ids]);
    });
    pendingPerRequest.set(ctx, (pending = { ids, answer }));
  }
  pending.ids.add(collectorId);
  return (await pending.answer).get(collectorId) ?? null;
}
