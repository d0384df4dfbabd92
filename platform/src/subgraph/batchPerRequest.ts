import type { SubgraphContext } from './context.js';

/**
 * Reads the values of many keys in one go; a key it finds nothing for is left out of the map.
 * `needs` is everything the callers asked of the values (e.g. which columns), all together.
 */
export type LoadMany<K, V, N> = (ctx: SubgraphContext, keys: readonly K[], needs: ReadonlySet<N>) => Promise<ReadonlyMap<K, V>>;

interface Batch<K, V, N> {
  readonly keys: Set<K>;
  readonly needs: Set<N>;
  readonly answer: Promise<ReadonlyMap<K, V>>;
}

/**
 * One read per request instead of one per entity: every `load(ctx, key, needs)` of one request
 * made before the event loop turns (the references of an `_entities` answer, the items of a
 * list) waits for a single `loadMany` of all their keys and needs. The batch is the request's
 * own: another request, and so another tenant, never shares it.
 */
export function batchPerRequest<K, V, N = never>(
  loadMany: LoadMany<K, V, N>,
): (ctx: SubgraphContext, key: K, needs?: Iterable<N>) => Promise<V | null> {
  const pending = new WeakMap<SubgraphContext, Batch<K, V, N>>();
  return (ctx, key, needs = []) => {
    let batch = pending.get(ctx);
    if (!batch) {
      const started: Pick<Batch<K, V, N>, 'keys' | 'needs'> = { keys: new Set(), needs: new Set() };
      // Sibling resolvers run within the same turn of the loop; the read starts after the last of them.
      const answer = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        pending.delete(ctx);
        return loadMany(ctx, [...started.keys], started.needs);
      });
      pending.set(ctx, (batch = { ...started, answer }));
    }
    batch.keys.add(key);
    for (const need of needs) batch.needs.add(need);
    return batch.answer.then((found) => found.get(key) ?? null);
  };
}
