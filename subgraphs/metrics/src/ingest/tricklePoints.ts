import { encodePointMessage, type MetricPoint, pointChannel } from '@perfanalysis/contract';
import { BadUserInputError, type SubgraphContext } from '@perfanalysis/platform';
import { groupCommitFor } from '../storage/groupCommit.js';
import { acceptedAgeMs } from './acceptedAge.js';
import { touchLastSeen } from './collectorDirectory.js';
import type { TrickleAck } from './trickle.types.js';
import { validatePoint } from './validatePoint.js';

/** One call carries at most this many points (an agent catching up sends several calls). */
export const MAX_TRICKLE_BATCH = 5_000;

/** Longest an acknowledgement waits for the live publish of points already stored. */
const PUBLISH_WAIT_MS = 500;

/**
 * Stores a collector's batch (in the tenant's next group commit, docs/ingest.md), then publishes exactly the newly stored points on the
 * collector's channel. A publish failure (Redis down) never loses the stored points: live
 * views resume from storage with `since`.
 */
export async function tricklePoints(ctx: SubgraphContext, points: MetricPoint[]): Promise<TrickleAck> {
  const { collectorId } = ctx.collector();
  const tenant = ctx.tenant();
  if (points.length === 0) return { accepted: 0, duplicates: 0, from: null, to: null };
  if (points.length > MAX_TRICKLE_BATCH)
    throw new BadUserInputError(`At most ${MAX_TRICKLE_BATCH} points per call; split the batch.`, { field: 'points' });
  const now = Date.now();
  const oldest = now - (await acceptedAgeMs(ctx));
  const newest = now + ctx.runtime.config.limits.futureSkewMs;
  points.forEach((p, i) => validatePoint(p, i, { oldest, newest }));
  const db = ctx.tenantDb();
  const { groupCommitMs, groupMaxPoints } = ctx.runtime.config.ingest;
  const commits = groupCommitFor(ctx.runtime.db.pool, { windowMs: groupCommitMs, maxPoints: groupMaxPoints });
  const inserted = new Set(await commits.store(db, { collectorId, points }));
  const fresh = points.filter((p) => inserted.has(p.timestamp)).sort((a, b) => a.timestamp - b.timestamp);
  if (fresh.length) {
    const message = encodePointMessage({ c: collectorId, p: fresh.map((p) => ({ t: p.timestamp, v: p.values })) });
    const published = ctx.runtime.pubsub
      .publish(pointChannel(tenant.id, collectorId), message)
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error, collectorId }, 'stored points not published (live views will resume from storage)'),
      );
    // While Redis is down a publish waits out the client's reconnect retries (seconds): the points are
    // stored, so the acknowledgement does not wait for more than a moment (the publish goes on, in order).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([published, new Promise((resolve) => (timer = setTimeout(resolve, PUBLISH_WAIT_MS)))]).finally(() =>
      clearTimeout(timer),
    );
  }
  const times = points.map((p) => p.timestamp);
  await touchLastSeen(db, collectorId, Math.max(...times));
  return {
    accepted: inserted.size,
    duplicates: points.length - inserted.size,
    from: new Date(Math.min(...times)),
    to: new Date(Math.max(...times)),
  };
}
