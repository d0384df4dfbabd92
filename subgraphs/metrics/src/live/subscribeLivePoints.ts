import { BadUserInputError, ForbiddenError, NotFoundError, type SubgraphContext } from '@perfanalysis/platform';
import { collectorOf } from '../collector/collector.type.js';
import { COLUMN_FIELDS } from '../point/columnFields.js';
import { columnsOfGroups, type MetricGroupEnum } from '../point/metricGroup.js';
import { MetricPoint } from '../point/point.type.js';
import type { LiveFeed } from './liveFeed.js';
import { liveHubOf } from './liveHub.js';
import { allCollectors, countPointsAfter, existingCollectors, type LivePoint } from './liveStore.js';

export interface LivePointsArgs {
  readonly collectorIds?: string[] | null;
  readonly groups?: MetricGroupEnum[] | null;
  readonly since?: Date | null;
}

/** At most this many collector ids in one subscription. */
export const MAX_LIVE_COLLECTORS = 1_000;

/** Where each subscription's resume point is found by the transport (graphql-ws `onNext`). */
const resumePoints = new WeakMap<object, () => string>();

/** The instant a client resumes from with `since` after the last point it was sent, for this context's subscription. */
export function resumeFromOf(context: unknown): string | undefined {
  return typeof context === 'object' && context !== null ? resumePoints.get(context)?.() : undefined;
}

function toMetricPoint(point: LivePoint): MetricPoint {
  const result = Object.assign(new MetricPoint(), { collector: collectorOf(point.c), timestamp: new Date(point.t) });
  for (const { column, field } of COLUMN_FIELDS) result[field] = point.v[column] ?? null;
  return result;
}

/** The feed as GraphQL source events (MetricPoint objects); `return()` ends the feed at once. */
function asSourceStream(feed: LiveFeed): AsyncIterableIterator<MetricPoint> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const result = await feed.next();
      return result.done ? { value: undefined, done: true } : { value: toMetricPoint(result.value), done: false };
    },
    return: async () => {
      await feed.return();
      return { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      await feed.return();
      throw error;
    },
  };
}

async function chooseCollectors(ctx: SubgraphContext, args: LivePointsArgs): Promise<string[] | null> {
  const principal = ctx.identity.principal!;
  const requested = args.collectorIds ? [...new Set(args.collectorIds.map((id) => id.toLowerCase()))] : null;
  if (principal.kind === 'collector') {
    // An agent's key follows its own machine only.
    if (requested?.some((id) => id !== principal.collectorId.toLowerCase())) {
      throw new ForbiddenError('An API key can follow only its own collector.', { field: 'collectorIds' });
    }
    return [principal.collectorId];
  }
  if (requested === null) return null;
  if (requested.length === 0)
    throw new BadUserInputError('Give at least one collector id, or omit collectorIds for all.', { field: 'collectorIds' });
  if (requested.length > MAX_LIVE_COLLECTORS) {
    throw new BadUserInputError(`At most ${MAX_LIVE_COLLECTORS} collector ids per subscription.`, { field: 'collectorIds' });
  }
  const found = await existingCollectors(ctx.tenantDb(), requested);
  // Another tenant's id is unknown in this tenant's schema: the same answer as an id that never existed.
  const unknown = requested.filter((id) => !found.has(id));
  if (unknown.length) throw new NotFoundError('No collector with these ids in your tenant.', { field: 'collectorIds', ids: unknown });
  return requested;
}

/**
 * Opens a live view for the caller's tenant: checks the collectors, bounds the replay of
 * `since`, subscribes, and returns the source stream of the subscription.
 */
export async function subscribeLivePoints(ctx: SubgraphContext, args: LivePointsArgs): Promise<AsyncIterableIterator<MetricPoint>> {
  const tenant = ctx.tenant();
  const db = ctx.tenantDb();
  const limits = ctx.runtime.config.live;
  const chosen = await chooseCollectors(ctx, args);
  const initial = chosen ?? (await allCollectors(db));
  const since = args.since ? args.since.getTime() : undefined;
  if (since !== undefined) {
    if (!Number.isFinite(since)) throw new BadUserInputError('since is not a valid instant.', { field: 'since' });
    if (since < Date.now() - limits.replayMaxAgeMs) {
      throw new BadUserInputError(
        `since may lie at most ${Math.round(limits.replayMaxAgeMs / 3_600_000)} h back; read older points with the series or export queries.`,
        { field: 'since', maxReplayAgeMs: limits.replayMaxAgeMs },
      );
    }
    const stored = await countPointsAfter(db, initial, since, limits.replayMaxPoints + 1);
    if (stored > limits.replayMaxPoints) {
      throw new BadUserInputError(
        `More than ${limits.replayMaxPoints} stored points follow since; read them with the series or export queries and subscribe from a later instant.`,
        { field: 'since', maxReplayPoints: limits.replayMaxPoints },
      );
    }
  }
  const feed = liveHubOf(ctx.runtime).feed({
    tenantId: tenant.id,
    db,
    collectorIds: chosen,
    columns: columnsOfGroups(args.groups),
    since,
  });
  await feed.start(initial);
  resumePoints.set(ctx, () => new Date(feed.resumeFrom()).toISOString());
  return asSourceStream(feed);
}
